package uk.crossline.portal.lookup;

import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.crossline.model.location.Gazetteer;
import uk.crossline.portal.hub.Hub;
import uk.crossline.portal.hub.HubProblem;
import uk.crossline.portal.purpose.Purpose;
import uk.crossline.portal.requests.AskForAccess;
import uk.crossline.portal.search.EventView;

/**
 * The identifier look-up: a question page whose value goes to the API in a POST body only (never in
 * an address, a log or a later page), and the answer, kept in the session so the browser's back and
 * refresh do not send the value again: the reports the person may see, and whether other agencies
 * hold something they may ask for.
 */
@Controller
class LookupController {

  /** The identifier types the API looks up, with the words the form shows. */
  static final Map<String, String> TYPES = types();

  private static final String ANSWER = "crossline.lookup.answer";
  private static final String PAGE = "/lookup/answer";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Hub hub;
  private final Gazetteer gazetteer;

  LookupController(Hub hub, Gazetteer gazetteer) {
    this.hub = hub;
    this.gazetteer = gazetteer;
  }

  /**
   * The answer as the session keeps it: the type looked up (never the value), the API's events as
   * JSON text, and whether others match.
   */
  record Answer(String type, long total, String events, boolean otherMatches)
      implements Serializable {}

  @GetMapping("/lookup")
  String form(HttpSession session, Model model) {
    Optional<String> purpose = Purpose.of(session);
    if (purpose.isEmpty()) {
      return Purpose.ask("/lookup");
    }
    return formPage(model, purpose.get(), "", "", Map.of(), null);
  }

  @PostMapping("/lookup")
  String lookUp(
      @RequestParam(defaultValue = "") String type,
      @RequestParam(defaultValue = "") String value,
      HttpSession session,
      Model model) {
    Optional<String> purpose = Purpose.of(session);
    if (purpose.isEmpty()) {
      return Purpose.ask("/lookup");
    }
    Map<String, String> errors = new LinkedHashMap<>();
    if (!TYPES.containsKey(type)) {
      errors.put("type", "Select the type of identifier");
    }
    if (value.isBlank()) {
      errors.put("value", "Enter the identifier to look up");
    }
    if (!errors.isEmpty()) {
      return formPage(model, purpose.get(), type, value, errors, null);
    }
    JsonNode answer;
    try {
      answer =
          Hub.call(
              "search",
              () ->
                  hub.search()
                      .post()
                      .uri("/api/v1/lookups")
                      .contentType(MediaType.APPLICATION_JSON)
                      .body(Map.of("purpose", purpose.get(), "type", type, "value", value.strip()))
                      .retrieve()
                      .body(JsonNode.class));
    } catch (HubProblem problem) {
      if (problem.isForbidden() || problem.isTooManyRequests()) {
        throw problem;
      }
      problem.errors().stream()
          .filter(e -> e.field().equals("value") || e.field().equals("type"))
          .forEach(e -> errors.putIfAbsent(e.field(), message(e.field(), type, e.reason())));
      return formPage(model, purpose.get(), type, value, errors, errors.isEmpty() ? problem : null);
    }
    JsonNode others = answer.path("otherMatches");
    boolean exists = others.path("exists").asBoolean(false);
    session.setAttribute(
        ANSWER,
        new Answer(
            type,
            answer.path("total").asLong(),
            JSON.writeValueAsString(answer.path("events")),
            exists));
    AskForAccess.offer(
        session,
        exists ? Optional.ofNullable(others.path("matchRef").asString(null)) : Optional.empty(),
        PAGE);
    return "redirect:" + PAGE;
  }

  @GetMapping(PAGE)
  String answer(HttpSession session, Model model) {
    if (!(session.getAttribute(ANSWER) instanceof Answer answer)) {
      return "redirect:/lookup";
    }
    List<EventView> events = new ArrayList<>();
    JSON.readTree(answer.events()).forEach(e -> events.add(EventView.of(e, gazetteer)));
    model.addAttribute("purpose", Purpose.of(session).orElse(""));
    model.addAttribute("typeWords", TYPES.get(answer.type()).toLowerCase(java.util.Locale.UK));
    model.addAttribute("total", answer.total());
    model.addAttribute("events", events);
    model.addAttribute("otherMatches", answer.otherMatches());
    model.addAttribute("askOpen", AskForAccess.open(session, PAGE));
    model.addAttribute("asked", AskForAccess.answered(session, PAGE).orElse(null));
    return "lookup/answer";
  }

  private String formPage(
      Model model,
      String purpose,
      String type,
      String value,
      Map<String, String> errors,
      HubProblem problem) {
    model.addAttribute("purpose", purpose);
    model.addAttribute("types", TYPES);
    model.addAttribute("type", type);
    model.addAttribute("value", value);
    model.addAttribute("errors", errors);
    model.addAttribute("problem", problem);
    return "lookup/form";
  }

  /** The API's reason in the form's words; the reason never holds the value. */
  private static String message(String field, String type, String reason) {
    return field.equals("value")
        ? "Enter a "
            + TYPES.getOrDefault(type, "identifier").toLowerCase(java.util.Locale.UK)
            + " Crossline can read ("
            + reason
            + ")"
        : "Select the type of identifier";
  }

  private static Map<String, String> types() {
    Map<String, String> types = new LinkedHashMap<>();
    types.put("PHONE", "Phone number");
    types.put("VEHICLE", "Vehicle registration");
    types.put("SOCIAL_MEDIA", "Social media handle");
    types.put("EMAIL", "Email address");
    return types;
  }
}
