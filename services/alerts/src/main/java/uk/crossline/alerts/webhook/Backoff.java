package uk.crossline.alerts.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import uk.crossline.alerts.WebhookSettings;

/**
 * When the next attempt of a failed delivery is due: the initial wait, doubled after each failure
 * up to the longest wait, and never later than the give-up time, so the last attempt is made at it.
 * Counted from when the alert was handed to delivery, so a restart neither shortens nor extends it.
 */
record Backoff(Duration initial, Duration max, Duration giveUpAfter) {

  static Backoff of(WebhookSettings settings) {
    return new Backoff(settings.initialBackoff(), settings.maxBackoff(), settings.giveUpAfter());
  }

  /**
   * @param failures the attempts made so far, all failed (at least one)
   * @return when to try again, or empty when the delivery is given up
   */
  Optional<Instant> next(int failures, Instant enqueuedAt, Instant now) {
    Instant giveUpAt = enqueuedAt.plus(giveUpAfter);
    if (!now.isBefore(giveUpAt)) {
      return Optional.empty();
    }
    Instant next = now.plus(delay(failures));
    return Optional.of(next.isAfter(giveUpAt) ? giveUpAt : next);
  }

  /** The wait after this many failures: initial × 2^(failures − 1), at most {@link #max}. */
  Duration delay(int failures) {
    int doublings = Math.max(0, Math.min(failures - 1, 30));
    Duration delay = initial.multipliedBy(1L << doublings);
    return delay.compareTo(max) > 0 ? max : delay;
  }
}
