package uk.crossline.model.subscription;

import java.util.Objects;

/** A subscription was replaced whole by its owner. */
public record SubscriptionChanged(int schemaVersion, Subscription subscription)
    implements SubscriptionEvent {

  public SubscriptionChanged {
    SubscriptionEvent.checkVersion(schemaVersion);
    Objects.requireNonNull(subscription, "subscription");
  }

  public static SubscriptionChanged of(Subscription subscription) {
    return new SubscriptionChanged(CURRENT_SCHEMA_VERSION, subscription);
  }
}
