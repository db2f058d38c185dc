package uk.crossline.model.subscription;

import java.util.Objects;

/** A subscription was made. */
public record SubscriptionStarted(int schemaVersion, Subscription subscription)
    implements SubscriptionEvent {

  public SubscriptionStarted {
    SubscriptionEvent.checkVersion(schemaVersion);
    Objects.requireNonNull(subscription, "subscription");
  }

  public static SubscriptionStarted of(Subscription subscription) {
    return new SubscriptionStarted(CURRENT_SCHEMA_VERSION, subscription);
  }
}
