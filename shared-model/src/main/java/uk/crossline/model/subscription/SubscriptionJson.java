package uk.crossline.model.subscription;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import uk.crossline.model.event.EventFormatException;
import uk.crossline.model.json.JsonRefusals;

/**
 * The JSON form of subscription events on their topic, as {@code EventJson} is for intelligence
 * events: reading is strict (an unknown field or value is an error naming the field) and accepts
 * every schema version up to {@link SubscriptionEvent#CURRENT_SCHEMA_VERSION}.
 */
public final class SubscriptionJson {

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

  private SubscriptionJson() {}

  public static byte[] write(SubscriptionEvent event) {
    return MAPPER.writeValueAsBytes(event);
  }

  public static String writeString(SubscriptionEvent event) {
    return MAPPER.writeValueAsString(event);
  }

  /**
   * @throws EventFormatException naming the field at fault
   */
  public static SubscriptionEvent read(byte[] json) {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(json);
    } catch (JacksonException e) {
      throw new EventFormatException("", "not well-formed JSON");
    }
    if (!(tree instanceof ObjectNode event)) {
      throw new EventFormatException("", "an subscription event is a JSON object");
    }
    JsonNode version = event.get("schemaVersion");
    if (version == null || !version.isIntegralNumber() || !version.canConvertToInt()) {
      throw new EventFormatException("schemaVersion", "required, a whole number");
    }
    if (version.intValue() > SubscriptionEvent.CURRENT_SCHEMA_VERSION) {
      throw new EventFormatException(
          "schemaVersion",
          version.intValue()
              + " is newer than this service reads (up to "
              + SubscriptionEvent.CURRENT_SCHEMA_VERSION
              + "); upgrade it");
    }
    try {
      return MAPPER.treeToValue(event, SubscriptionEvent.class);
    } catch (JacksonException e) {
      JsonRefusals.Refusal refusal =
          JsonRefusals.explain(
              e,
              "not a field of this subscription event (schema version "
                  + SubscriptionEvent.CURRENT_SCHEMA_VERSION
                  + ")",
              "kind",
              "must be one of STARTED, CHANGED, ENDED");
      throw new EventFormatException(refusal.field(), refusal.reason());
    }
  }

  public static SubscriptionEvent read(String json) {
    return read(json.getBytes(StandardCharsets.UTF_8));
  }
}
