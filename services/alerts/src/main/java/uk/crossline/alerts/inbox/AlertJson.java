package uk.crossline.alerts.inbox;

import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.crossline.model.json.JsonRefusals;
import uk.crossline.model.json.StrictJson;

/**
 * The JSON form of inbox entries (alerts and digests) on the alerts topic, read strictly as the
 * hub's other topics are (an unknown field or value is an error naming the field). A digest is told
 * from an alert by its {@code kind}. Only the alerts service reads the topic; the records move to
 * shared-model when another does (a webhook receiver's helper).
 */
final class AlertJson {

  private static final JsonMapper MAPPER = StrictJson.mapper();

  private AlertJson() {}

  static byte[] write(InboxEntry entry) {
    return MAPPER.writeValueAsBytes(entry);
  }

  /**
   * @throws IllegalArgumentException naming the field at fault
   */
  static InboxEntry read(byte[] json) {
    try {
      JsonNode tree = MAPPER.readTree(json);
      boolean digest = tree.isObject() && Digest.KIND.equals(tree.path("kind").asString(""));
      return digest
          ? MAPPER.treeToValue(tree, Digest.class)
          : MAPPER.treeToValue(tree, Alert.class);
    } catch (JacksonException e) {
      JsonRefusals.Refusal refusal =
          JsonRefusals.explain(e, "not a field of an alert", "kind", "not a kind of alert");
      throw new IllegalArgumentException(
          (refusal.field().isEmpty() ? "alert" : refusal.field()) + ": " + refusal.reason());
    }
  }

  /** The entry as its recipient reads it, in the same form as on the topic. */
  static Map<String, Object> tree(InboxEntry entry) {
    return MAPPER.convertValue(entry, new TypeReference<Map<String, Object>>() {});
  }
}
