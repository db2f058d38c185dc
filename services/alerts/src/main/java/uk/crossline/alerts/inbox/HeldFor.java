package uk.crossline.alerts.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The digest an alert waits for instead of being delivered on its own: its subscriber asked for
 * digests, or the subscription had its hour's share of single alerts already.
 *
 * @param digestId the id the digest will have, the same on every instance
 * @param due when the digest is delivered: the end of the hour, or the daily digest time
 * @param reason why the alert waits
 */
public record HeldFor(UUID digestId, Instant due, Reason reason) {

  public enum Reason {
    /** The subscriber asked for an hourly digest. */
    HOURLY,
    /** The subscriber asked for a daily digest. */
    DAILY,
    /** The subscription's single alerts for this hour ran out: the rest come in one digest. */
    RATE_LIMIT
  }

  public HeldFor {
    Objects.requireNonNull(digestId, "heldFor.digestId");
    Objects.requireNonNull(due, "heldFor.due");
    Objects.requireNonNull(reason, "heldFor.reason");
  }

  /** Held for the subscription's digest due at this time. */
  public static HeldFor of(UUID subscriptionId, Instant due, Reason reason) {
    String name = "crossline-digest|" + subscriptionId + "|" + due;
    return new HeldFor(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)), due, reason);
  }
}
