package uk.crossline.model.accessrequest;

import uk.crossline.model.event.EventFormatException;
import uk.crossline.model.json.VersionedJson;

/**
 * The JSON form of access-request events on their topic, as {@code EventJson} is for intelligence
 * events: reading is strict (an unknown field or value is an error naming the field) and accepts
 * every schema version up to {@link AccessRequestEvent#CURRENT_SCHEMA_VERSION}.
 */
public final class AccessRequestJson {

  private static final VersionedJson<AccessRequestEvent> JSON =
      new VersionedJson<>(
          AccessRequestEvent.class,
          "access-request event",
          AccessRequestEvent.CURRENT_SCHEMA_VERSION,
          "REQUESTED, APPROVED, REFUSED");

  private AccessRequestJson() {}

  public static byte[] write(AccessRequestEvent event) {
    return JSON.write(event);
  }

  public static String writeString(AccessRequestEvent event) {
    return JSON.writeString(event);
  }

  /**
   * @throws EventFormatException naming the field at fault
   */
  public static AccessRequestEvent read(byte[] json) {
    return JSON.read(json);
  }

  public static AccessRequestEvent read(String json) {
    return JSON.read(json);
  }
}
