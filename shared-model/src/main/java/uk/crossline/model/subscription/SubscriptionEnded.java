package uk.crossline.model.subscription;

import java.time.Instant;
import java.util.Objects;

/**
 * A subscription was ended: no new alerts come from it.
 *
 * @param endedBy the username of who ended it
 */
public record SubscriptionEnded(
    int schemaVersion, Subscription subscription, Instant endedAt, String endedBy)
    implements SubscriptionEvent {

  public SubscriptionEnded {
    SubscriptionEvent.checkVersion(schemaVersion);
    Objects.requireNonNull(subscription, "subscription");
    Objects.requireNonNull(endedAt, "endedAt");
    Objects.requireNonNull(endedBy, "endedBy");
  }

  public static SubscriptionEnded of(Subscription subscription, Instant endedAt, String endedBy) {
    return new SubscriptionEnded(CURRENT_SCHEMA_VERSION, subscription, endedAt, endedBy);
  }
}
