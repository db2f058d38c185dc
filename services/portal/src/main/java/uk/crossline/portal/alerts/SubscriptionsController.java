package uk.crossline.portal.alerts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;
import uk.crossline.model.location.Gazetteer;
import uk.crossline.model.vocabulary.Category;
import uk.crossline.portal.hub.Hub;
import uk.crossline.portal.hub.HubProblem;

/**
 * The person's subscriptions: list, make, change, pause, resume and end them. The form picks
 * districts and categories; the alerts API checks everything again and its refusals are shown on
 * the form, each linked to its field.
 */
@Controller
class SubscriptionsController {

  /** The fields of a subscription the API takes back on a change (the rest it made itself). */
  private static final Set<String> WRITABLE =
      Set.of(
          "name",
          "purpose",
          "areas",
          "categories",
          "indicators",
          "minimumGrading",
          "channel",
          "webhook",
          "digest",
          "maxAlertsPerHour",
          "paused");

  private final Hub hub;
  private final Gazetteer gazetteer;

  SubscriptionsController(Hub hub, Gazetteer gazetteer) {
    this.hub = hub;
    this.gazetteer = gazetteer;
  }

  @GetMapping("/alerts/subscriptions")
  String list(Model model) {
    try {
      JsonNode answer =
          Hub.call(
              "alerts",
              () ->
                  hub.alerts().get().uri("/api/v1/subscriptions").retrieve().body(JsonNode.class));
      List<SubscriptionView> subscriptions = new ArrayList<>();
      answer
          .path("subscriptions")
          .forEach(s -> subscriptions.add(new SubscriptionView(s, gazetteer)));
      model.addAttribute("subscriptions", subscriptions);
    } catch (HubProblem problem) {
      model.addAttribute("problem", problem);
      model.addAttribute("subscriptions", List.of());
    }
    return "alerts/subscriptions";
  }

  /**
   * A blank form; {@code ?district=} (repeatable) pre-chooses districts, as the map's "Get alerts
   * for this district" links do. Ids the gazetteer does not know are ignored.
   */
  @GetMapping("/alerts/subscriptions/new")
  String blank(
      @RequestParam(name = "district", required = false) List<String> districts, Model model) {
    SubscriptionForm blank = SubscriptionForm.blank();
    if (districts != null) {
      blank =
          blank.withDistricts(
              districts.stream()
                  .filter(d -> gazetteer.district(d).isPresent())
                  .distinct()
                  .toList());
    }
    return form(model, blank, null, null);
  }

  @PostMapping("/alerts/subscriptions")
  String create(@RequestParam MultiValueMap<String, String> fields, Model model) {
    SubscriptionForm form = SubscriptionForm.of(fields);
    try {
      Hub.call(
          "alerts",
          () ->
              hub.alerts()
                  .post()
                  .uri("/api/v1/subscriptions")
                  .contentType(MediaType.APPLICATION_JSON)
                  .body(form.body(Map.of()))
                  .retrieve()
                  .toBodilessEntity());
    } catch (HubProblem problem) {
      return form(model, form, null, problem);
    }
    return "redirect:/alerts/subscriptions";
  }

  @GetMapping("/alerts/subscriptions/{id}/edit")
  String edit(@PathVariable String id, Model model) {
    return form(model, SubscriptionForm.of(current(id)), id, null);
  }

  @PostMapping("/alerts/subscriptions/{id}")
  String change(
      @PathVariable String id, @RequestParam MultiValueMap<String, String> fields, Model model) {
    SubscriptionForm form = SubscriptionForm.of(fields);
    try {
      put(id, form.body(writable(current(id))));
    } catch (HubProblem problem) {
      return form(model, form, id, problem);
    }
    return "redirect:/alerts/subscriptions";
  }

  @PostMapping("/alerts/subscriptions/{id}/pause")
  String pause(@PathVariable String id) {
    return paused(id, true);
  }

  @PostMapping("/alerts/subscriptions/{id}/resume")
  String resume(@PathVariable String id) {
    return paused(id, false);
  }

  @PostMapping("/alerts/subscriptions/{id}/delete")
  String delete(@PathVariable String id) {
    Hub.call(
        "alerts",
        () ->
            hub.alerts()
                .delete()
                .uri("/api/v1/subscriptions/{id}", id)
                .retrieve()
                .toBodilessEntity());
    return "redirect:/alerts/subscriptions";
  }

  private String paused(String id, boolean paused) {
    Map<String, Object> body = writable(current(id));
    body.put("paused", paused);
    put(id, body);
    return "redirect:/alerts/subscriptions";
  }

  private void put(String id, Map<String, Object> body) {
    Hub.call(
        "alerts",
        () ->
            hub.alerts()
                .put()
                .uri("/api/v1/subscriptions/{id}", id)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .toBodilessEntity());
  }

  private JsonNode current(String id) {
    return Hub.call(
        "alerts",
        () ->
            hub.alerts()
                .get()
                .uri("/api/v1/subscriptions/{id}", id)
                .retrieve()
                .body(JsonNode.class));
  }

  /** What the API takes back of a subscription it showed (never the webhook's secret). */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> writable(JsonNode subscription) {
    Map<String, Object> body = new LinkedHashMap<>();
    subscription
        .properties()
        .forEach(
            field -> {
              if (WRITABLE.contains(field.getKey())) {
                body.put(field.getKey(), Hub.plain(field.getValue()));
              }
            });
    if (body.get("webhook") instanceof Map<?, ?> webhook) {
      body.put("webhook", Map.of("url", ((Map<String, Object>) webhook).get("url")));
    }
    if (body.containsKey("digest")) {
      body.remove("maxAlertsPerHour");
    }
    return body;
  }

  private String form(Model model, SubscriptionForm form, String id, HubProblem problem) {
    model.addAttribute("form", form);
    model.addAttribute("subscriptionId", id);
    model.addAttribute("districts", gazetteer.districts());
    model.addAttribute("categories", List.of(Category.values()));
    model.addAttribute("problem", problem);
    model.addAttribute(
        "errors", problem == null ? Map.of() : SubscriptionForm.errorsByField(problem));
    return "alerts/subscription-form";
  }
}
