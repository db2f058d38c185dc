package uk.crossline.model.event;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import uk.crossline.model.json.JsonRefusals;
import uk.crossline.model.json.StrictJson;

/**
 * The JSON form of intelligence events on the topic: what every producer writes and every consumer
 * reads. Reading is strict (an unknown field or vocabulary word is an error naming the field) and
 * accepts every schema version up to {@link IntelligenceEvent#CURRENT_SCHEMA_VERSION}, lifting
 * older ones to the current form first.
 */
public final class EventJson {

  private static final JsonMapper MAPPER = StrictJson.builder().build();

  private EventJson() {}

  public static byte[] write(IntelligenceEvent event) {
    return MAPPER.writeValueAsBytes(event);
  }

  public static String writeString(IntelligenceEvent event) {
    return MAPPER.writeValueAsString(event);
  }

  /**
   * A digest of a report's content, the same in every JVM for the same content: how an intake tells
   * a retried submission from a changed one.
   */
  public static String fingerprint(IntelligenceReport report) {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256")
                  .digest(MAPPER.writeValueAsBytes(report)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /**
   * @throws EventFormatException naming the field at fault
   */
  public static IntelligenceEvent read(byte[] json) {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(json);
    } catch (JacksonException e) {
      throw new EventFormatException("", "not well-formed JSON");
    }
    return read(tree);
  }

  public static IntelligenceEvent read(String json) {
    return read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static IntelligenceEvent read(JsonNode tree) {
    if (!(tree instanceof ObjectNode event)) {
      throw new EventFormatException("", "an event is a JSON object");
    }
    JsonNode version = event.get("schemaVersion");
    if (version == null || !version.isIntegralNumber() || !version.canConvertToInt()) {
      throw new EventFormatException("schemaVersion", "required, a whole number");
    }
    int schemaVersion = version.intValue();
    if (schemaVersion > IntelligenceEvent.CURRENT_SCHEMA_VERSION) {
      throw new EventFormatException(
          "schemaVersion",
          schemaVersion
              + " is newer than this service reads (up to "
              + IntelligenceEvent.CURRENT_SCHEMA_VERSION
              + "); upgrade it");
    }
    if (schemaVersion < 1) {
      throw new EventFormatException("schemaVersion", "versions start at 1");
    }
    ObjectNode current = SchemaUpgrades.toCurrent(event, schemaVersion);
    try {
      return MAPPER.treeToValue(current, IntelligenceEvent.class);
    } catch (JacksonException e) {
      throw explain(e);
    }
  }

  private static EventFormatException explain(JacksonException e) {
    JsonRefusals.Refusal refusal =
        JsonRefusals.explain(
            e,
            "not a field of this event (schema version "
                + IntelligenceEvent.CURRENT_SCHEMA_VERSION
                + ")",
            "kind",
            "must be one of REPORT, AMENDMENT, RETRACTION");
    return new EventFormatException(refusal.field(), refusal.reason());
  }
}
