package uk.crossline.alerts.webhook;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import uk.crossline.alerts.inbox.Alert;
import uk.crossline.alerts.inbox.Digest;
import uk.crossline.alerts.inbox.InboxEntry;
import uk.crossline.model.json.JsonRefusals;
import uk.crossline.model.json.StrictJson;

/**
 * The JSON of deliveries on their topic (read strictly, as the hub's other topics), and of the
 * alert body a receiver gets: the alert as its recipient reads it in the inbox, without the schema
 * version, the recipient's identity-provider id or the read mark.
 */
final class DeliveryJson {

  private static final JsonMapper MAPPER = StrictJson.mapper();

  private DeliveryJson() {}

  static byte[] write(WebhookDelivery delivery) {
    return MAPPER.writeValueAsBytes(delivery);
  }

  /**
   * @throws IllegalArgumentException naming the field at fault
   */
  static WebhookDelivery read(byte[] json) {
    try {
      JsonNode tree = MAPPER.readTree(json);
      if (tree instanceof ObjectNode object
          && object.path("schemaVersion").asInt(0) == 1
          && object.has("eventId")) {
        // Version 1 named the one event an alert discloses; version 2 lists them.
        object.set("eventIds", MAPPER.createArrayNode().add(object.remove("eventId")));
      }
      return MAPPER.treeToValue(tree, WebhookDelivery.class);
    } catch (JacksonException e) {
      JsonRefusals.Refusal refusal =
          JsonRefusals.explain(e, "not a field of a delivery", "status", "not a status");
      throw new IllegalArgumentException(
          (refusal.field().isEmpty() ? "delivery" : refusal.field()) + ": " + refusal.reason());
    }
  }

  static String body(Alert alert) {
    return MAPPER.writeValueAsString(view(alert));
  }

  /**
   * A digest's body: the digest as the inbox shows it, which part of it this is, and the alerts of
   * this part.
   *
   * @param id this part's delivery id (the digest's for the first part)
   */
  static String body(Digest digest, List<Alert> alerts, int part, int parts, java.util.UUID id) {
    Map<String, Object> view = view(digest);
    view.put("total", digest.total());
    view.put("part", part);
    view.put("parts", parts);
    view.put("partId", id.toString());
    view.put("alerts", alerts.stream().map(DeliveryJson::view).toList());
    return MAPPER.writeValueAsString(view);
  }

  private static Map<String, Object> view(InboxEntry entry) {
    Map<String, Object> view =
        new LinkedHashMap<>(
            MAPPER.convertValue(entry, new TypeReference<Map<String, Object>>() {}));
    view.remove("schemaVersion");
    view.remove("recipientUserId");
    view.remove("readAt");
    return view;
  }
}
