package uk.crossline.portal.alerts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;
import uk.crossline.portal.hub.HubProblem;

/**
 * A subscription as the form shows it: name, purpose, districts, categories and how alerts come
 * (each, or a digest). What the form does not show (circles, indicators, a webhook) a change keeps.
 *
 * @param pacing EACH, HOURLY or DAILY
 */
record SubscriptionForm(
    String name, String purpose, List<String> districts, List<String> categories, String pacing) {

  static SubscriptionForm blank() {
    return new SubscriptionForm("", "", List.of(), List.of(), "EACH");
  }

  /** The same form with these districts chosen. */
  SubscriptionForm withDistricts(List<String> chosen) {
    return new SubscriptionForm(name, purpose, List.copyOf(chosen), categories, pacing);
  }

  static SubscriptionForm of(MultiValueMap<String, String> fields) {
    return new SubscriptionForm(
        fields.getOrDefault("name", List.of("")).getFirst(),
        fields.getOrDefault("purpose", List.of("")).getFirst(),
        fields.getOrDefault("district", List.of()),
        fields.getOrDefault("category", List.of()),
        fields.getOrDefault("pacing", List.of("EACH")).getFirst());
  }

  static SubscriptionForm of(JsonNode subscription) {
    List<String> districts = new ArrayList<>();
    subscription
        .path("areas")
        .forEach(
            area -> {
              if ("DISTRICT".equals(area.path("type").asString())) {
                districts.add(area.path("district").asString());
              }
            });
    List<String> categories = new ArrayList<>();
    subscription.path("categories").forEach(c -> categories.add(c.asString()));
    return new SubscriptionForm(
        subscription.path("name").asString(""),
        subscription.path("purpose").asString(""),
        districts,
        categories,
        subscription.path("digest").asString("EACH"));
  }

  /**
   * The API body: the form's fields over what the subscription had (its other areas kept; none for
   * a new one).
   */
  Map<String, Object> body(Map<String, Object> before) {
    Map<String, Object> body = new LinkedHashMap<>(before);
    body.put("name", name);
    body.put("purpose", purpose);
    List<Object> areas = new ArrayList<>();
    if (before.get("areas") instanceof List<?> kept) {
      kept.stream()
          .filter(a -> !(a instanceof Map<?, ?> m && "DISTRICT".equals(m.get("type"))))
          .forEach(areas::add);
    }
    districts.forEach(d -> areas.add(Map.of("type", "DISTRICT", "district", d)));
    body.put("areas", areas);
    body.put("categories", categories);
    if (pacing.equals("HOURLY") || pacing.equals("DAILY")) {
      body.put("digest", pacing);
      body.remove("maxAlertsPerHour");
    } else {
      body.remove("digest");
    }
    return body;
  }

  /** The API's refusals by the form field they concern (its id on the page). */
  static Map<String, String> errorsByField(HubProblem problem) {
    Map<String, String> errors = new LinkedHashMap<>();
    for (HubProblem.FieldError error : problem.errors()) {
      String field = error.field();
      String id =
          field.startsWith("areas")
              ? "district"
              : field.startsWith("categories")
                  ? "category"
                  : field.equals("digest") ? "pacing" : field;
      errors.putIfAbsent(id, message(id, error.reason()));
    }
    return errors;
  }

  private static String message(String field, String reason) {
    return switch (field) {
      case "name" -> "Enter a name for this subscription (" + reason + ")";
      case "purpose" -> "Enter why you need these alerts (" + reason + ")";
      case "district" -> "Select at least one district (" + reason + ")";
      default -> reason;
    };
  }
}
