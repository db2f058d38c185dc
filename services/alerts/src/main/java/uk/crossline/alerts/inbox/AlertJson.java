package uk.crossline.alerts.inbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import uk.crossline.model.json.JsonRefusals;

/**
 * The JSON form of alerts on the alerts topic, read strictly as the hub's other topics are (an
 * unknown field or value is an error naming the field). Only the alerts service reads the topic;
 * the record moves to shared-model when another does (a webhook receiver's helper).
 */
final class AlertJson {

  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
          .disable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
          .changeDefaultPropertyInclusion(
              include -> include.withValueInclusion(JsonInclude.Include.NON_ABSENT))
          .build();

  private AlertJson() {}

  static byte[] write(Alert alert) {
    return MAPPER.writeValueAsBytes(alert);
  }

  /**
   * @throws IllegalArgumentException naming the field at fault
   */
  static Alert read(byte[] json) {
    try {
      return MAPPER.readValue(json, Alert.class);
    } catch (JacksonException e) {
      JsonRefusals.Refusal refusal =
          JsonRefusals.explain(e, "not a field of an alert", "kind", "not a kind of alert");
      throw new IllegalArgumentException(
          (refusal.field().isEmpty() ? "alert" : refusal.field()) + ": " + refusal.reason());
    }
  }

  /** The alert as its recipient reads it, in the same form as on the topic. */
  static Map<String, Object> tree(Alert alert) {
    return MAPPER.convertValue(alert, new TypeReference<Map<String, Object>>() {});
  }
}
