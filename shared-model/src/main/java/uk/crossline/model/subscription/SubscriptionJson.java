package uk.crossline.model.subscription;

import uk.crossline.model.event.EventFormatException;
import uk.crossline.model.json.VersionedJson;

/**
 * The JSON form of subscription events on their topic, as {@code EventJson} is for intelligence
 * events: reading is strict (an unknown field or value is an error naming the field) and accepts
 * every schema version up to {@link SubscriptionEvent#CURRENT_SCHEMA_VERSION}.
 */
public final class SubscriptionJson {

  private static final VersionedJson<SubscriptionEvent> JSON =
      new VersionedJson<>(
          SubscriptionEvent.class,
          "subscription event",
          SubscriptionEvent.CURRENT_SCHEMA_VERSION,
          "STARTED, CHANGED, ENDED");

  private SubscriptionJson() {}

  public static byte[] write(SubscriptionEvent event) {
    return JSON.write(event);
  }

  public static String writeString(SubscriptionEvent event) {
    return JSON.writeString(event);
  }

  /**
   * @throws EventFormatException naming the field at fault
   */
  public static SubscriptionEvent read(byte[] json) {
    return JSON.read(json);
  }

  public static SubscriptionEvent read(String json) {
    return JSON.read(json);
  }
}
