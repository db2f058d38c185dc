package uk.crossline.model.subscription;

import java.util.Objects;
import java.util.Optional;

/**
 * How a subscription's alerts are paced so they do not become noise: each alert as it comes, up to
 * a number an hour beyond which the rest of the hour's alerts wait for one digest at its end; or
 * only digests, hourly or daily; or none while the subscriber has paused it.
 *
 * @param digest the digest period when the subscriber asked for digests instead of single alerts
 * @param maxAlertsPerHour how many single alerts a clock hour may bring before the rest of that
 *     hour's alerts are held for a digest at the end of the hour (ignored with a digest period)
 * @param paused whether the subscriber paused it: no first alerts about new events until resumed
 *     (follow-ups to alerts already had still come: they correct what the subscriber was told)
 */
public record Pacing(Optional<DigestPeriod> digest, int maxAlertsPerHour, boolean paused) {

  public static final int DEFAULT_MAX_ALERTS_PER_HOUR = 20;
  public static final int MAX_ALERTS_PER_HOUR = 10_000;

  /** Each alert as it comes, up to {@value #DEFAULT_MAX_ALERTS_PER_HOUR} an hour. */
  public static final Pacing DEFAULT =
      new Pacing(Optional.empty(), DEFAULT_MAX_ALERTS_PER_HOUR, false);

  public Pacing {
    digest = Objects.requireNonNullElse(digest, Optional.empty());
    if (maxAlertsPerHour < 1 || maxAlertsPerHour > MAX_ALERTS_PER_HOUR) {
      throw new IllegalArgumentException(
          "maxAlertsPerHour: a whole number from 1 to " + MAX_ALERTS_PER_HOUR);
    }
  }

  /** Not paused, each alert as it comes up to this many an hour, or digests of this period. */
  public Pacing(Optional<DigestPeriod> digest, int maxAlertsPerHour) {
    this(digest, maxAlertsPerHour, false);
  }
}
