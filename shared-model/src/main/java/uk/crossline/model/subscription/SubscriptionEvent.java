package uk.crossline.model.subscription;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * An event on the subscriptions topic, keyed by {@link Subscription#subscriptionId()}: a
 * subscription started, changed (replaced whole) or ended. Compaction keeps each key's last event,
 * so the topic read from the beginning is every subscription as it stands; an ended one stays as
 * {@link SubscriptionEnded} (not a tombstone), so every instance knows the id was ended and by
 * whom.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = SubscriptionStarted.class, name = "STARTED"),
  @JsonSubTypes.Type(value = SubscriptionChanged.class, name = "CHANGED"),
  @JsonSubTypes.Type(value = SubscriptionEnded.class, name = "ENDED")
})
public sealed interface SubscriptionEvent
    permits SubscriptionStarted, SubscriptionChanged, SubscriptionEnded {

  /** The schema version this code writes. */
  int CURRENT_SCHEMA_VERSION = 1;

  int schemaVersion();

  /** The subscription as it stands after this event (for an end, as it was when it ended). */
  Subscription subscription();

  static void checkVersion(int schemaVersion) {
    if (schemaVersion < 1 || schemaVersion > CURRENT_SCHEMA_VERSION) {
      throw new IllegalArgumentException(
          "schemaVersion: "
              + schemaVersion
              + " is not a version this code knows (1 to "
              + CURRENT_SCHEMA_VERSION
              + ")");
    }
  }
}
