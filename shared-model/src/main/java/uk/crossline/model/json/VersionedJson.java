package uk.crossline.model.json;

import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import uk.crossline.model.event.EventFormatException;

/**
 * The JSON form of one sealed family of events on its topic, for the families that need no schema
 * upgrades of their own: reading is strict (an unknown field or value is an error naming the field)
 * and accepts every schema version up to the family's current one.
 *
 * @param <T> the family's sealed type
 */
public final class VersionedJson<T> {

  private static final JsonMapper MAPPER = StrictJson.mapper();

  private final Class<T> type;
  private final String family;
  private final int currentVersion;
  private final String kinds;

  /**
   * @param family what one event of the family is called in a refusal ("access-request event")
   * @param kinds the values of {@code kind}, as a refusal lists them ("REQUESTED, APPROVED")
   */
  public VersionedJson(Class<T> type, String family, int currentVersion, String kinds) {
    this.type = type;
    this.family = family;
    this.currentVersion = currentVersion;
    this.kinds = kinds;
  }

  public byte[] write(T event) {
    return MAPPER.writeValueAsBytes(event);
  }

  public String writeString(T event) {
    return MAPPER.writeValueAsString(event);
  }

  /**
   * @throws EventFormatException naming the field at fault
   */
  public T read(byte[] json) {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(json);
    } catch (JacksonException e) {
      throw new EventFormatException("", "not well-formed JSON");
    }
    if (!(tree instanceof ObjectNode event)) {
      throw new EventFormatException("", "each " + family + " is a JSON object");
    }
    JsonNode version = event.get("schemaVersion");
    if (version == null || !version.isIntegralNumber() || !version.canConvertToInt()) {
      throw new EventFormatException("schemaVersion", "required, a whole number");
    }
    if (version.intValue() > currentVersion) {
      throw new EventFormatException(
          "schemaVersion",
          version.intValue()
              + " is newer than this service reads (up to "
              + currentVersion
              + "); upgrade it");
    }
    try {
      return MAPPER.treeToValue(event, type);
    } catch (JacksonException e) {
      JsonRefusals.Refusal refusal =
          JsonRefusals.explain(
              e,
              "not a field of this " + family + " (schema version " + currentVersion + ")",
              "kind",
              "must be one of " + kinds);
      throw new EventFormatException(refusal.field(), refusal.reason());
    }
  }

  public T read(String json) {
    return read(json.getBytes(StandardCharsets.UTF_8));
  }
}
