package uk.crossline.portal.premises;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;
import uk.crossline.model.location.Gazetteer;
import uk.crossline.portal.hub.Hub;
import uk.crossline.portal.hub.HubProblem;
import uk.crossline.portal.purpose.Purpose;
import uk.crossline.portal.requests.AskForAccess;
import uk.crossline.portal.search.EventView;

/**
 * Premises: find them by UPRN or by name and postcode, then every flag the person's agency may see
 * on them, from every agency, as a timeline by month, with the agencies involved and whether other
 * agencies hold flags the person may ask for. Premises are business addresses, not personal data,
 * so the question is a GET and the page has an address (a report's page links to it by key).
 */
@Controller
class PremisesController {

  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

  private final Hub hub;
  private final Gazetteer gazetteer;

  PremisesController(Hub hub, Gazetteer gazetteer) {
    this.hub = hub;
    this.gazetteer = gazetteer;
  }

  /** One month of the timeline: its name, its count, the agencies and the flags. */
  public record Month(String name, long flags, List<String> agencies, List<EventView> events) {}

  /** One agency's count of flags on the premises. */
  public record Agency(String id, String type, long flags) {}

  @GetMapping("/premises")
  String premises(
      @RequestParam(defaultValue = "") String by,
      @RequestParam(defaultValue = "") String uprn,
      @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "") String postcode,
      @RequestParam(defaultValue = "") String key,
      HttpServletRequest request,
      HttpSession session,
      Model model) {
    Optional<String> purpose = Purpose.of(session);
    if (purpose.isEmpty()) {
      return Purpose.askFor(request);
    }
    model.addAttribute("purpose", purpose.get());
    model.addAttribute("by", by);
    model.addAttribute("uprn", uprn);
    model.addAttribute("name", name);
    model.addAttribute("postcode", postcode);
    Map<String, String> errors = new LinkedHashMap<>();
    model.addAttribute("errors", errors);

    MultiValueMap<String, String> asked = new LinkedMultiValueMap<>();
    if (!key.isBlank()) {
      asked.add("key", key.strip());
    } else if (by.equals("uprn")) {
      if (uprn.isBlank()) {
        errors.put("uprn", "Enter the UPRN");
      }
      asked.add("uprn", uprn.strip());
    } else if (by.equals("address")) {
      if (name.isBlank()) {
        errors.put("name", "Enter the premises' name");
      }
      if (postcode.isBlank()) {
        errors.put("postcode", "Enter the premises' postcode");
      }
      asked.add("name", name.strip());
      asked.add("postcode", postcode.strip());
    }
    if (!errors.isEmpty() || asked.isEmpty()) {
      return "premises/premises";
    }
    try {
      JsonNode answer = hub.consult("/api/v1/premises", asked, purpose.get());
      show(answer, Purpose.page(request), session, model);
    } catch (HubProblem problem) {
      if (problem.isForbidden() || problem.isTooManyRequests()) {
        throw problem;
      }
      // A bad key comes from an address, not from the form: told as a problem, not a field.
      problem.errors().stream()
          .filter(e -> List.of("uprn", "name", "postcode").contains(e.field()))
          .forEach(e -> errors.putIfAbsent(e.field(), message(e.field(), e.reason())));
      if (errors.isEmpty()) {
        model.addAttribute("problem", problem);
      }
    }
    return "premises/premises";
  }

  private void show(JsonNode answer, String page, HttpSession session, Model model) {
    JsonNode first = answer.path("premises").path(0);
    model.addAttribute("found", true);
    model.addAttribute("premisesName", first.path("name").asString("Premises"));
    model.addAttribute(
        "premisesAddress",
        String.join(
            ", ",
            List.of(first.path("address").asString(""), first.path("postcode").asString(""))
                .stream()
                .filter(s -> !s.isBlank())
                .toList()));
    model.addAttribute("premisesUprn", first.path("uprn").asString(""));
    model.addAttribute("total", answer.path("total").asLong());
    model.addAttribute("complete", answer.path("complete").asBoolean(true));

    List<Agency> agencies = new ArrayList<>();
    answer
        .path("agencies")
        .forEach(
            a ->
                agencies.add(
                    new Agency(
                        a.path("id").asString(""),
                        words(a.path("type").asString("")),
                        a.path("flags").asLong())));
    model.addAttribute("agencies", agencies);
    model.addAttribute("months", months(answer));

    JsonNode others = answer.path("otherMatches");
    boolean exists = others.path("exists").asBoolean(false);
    // Coming back to the page after asking keeps the answer of the ask, not a fresh form.
    if (AskForAccess.answered(session, page).isEmpty()) {
      AskForAccess.offer(
          session,
          exists ? Optional.ofNullable(others.path("matchRef").asString(null)) : Optional.empty(),
          page);
    }
    model.addAttribute("otherMatches", exists);
    model.addAttribute("askOpen", AskForAccess.open(session, page));
    model.addAttribute("asked", AskForAccess.answered(session, page).orElse(null));
  }

  /**
   * The API's months, newest first, each with the flags observed in it (the API lists them oldest
   * first).
   */
  private List<Month> months(JsonNode answer) {
    Map<String, List<EventView>> byMonth = new LinkedHashMap<>();
    answer
        .path("events")
        .forEach(
            e -> {
              EventView view = EventView.of(e, gazetteer);
              byMonth.computeIfAbsent(view.observedMonth(), m -> new ArrayList<>()).add(view);
            });
    List<Month> months = new ArrayList<>();
    answer
        .path("months")
        .forEach(
            m -> {
              String month = m.path("month").asString("");
              List<String> agencies = new ArrayList<>();
              m.path("agencies").forEach(a -> agencies.add(a.asString()));
              List<EventView> events = new ArrayList<>(byMonth.getOrDefault(month, List.of()));
              java.util.Collections.reverse(events);
              months.add(
                  0, new Month(monthName(month), m.path("flags").asLong(), agencies, events));
            });
    return months;
  }

  private static String monthName(String month) {
    try {
      return MONTH.format(YearMonth.parse(month));
    } catch (java.time.format.DateTimeParseException e) {
      return month;
    }
  }

  private static String message(String field, String reason) {
    return switch (field) {
      case "uprn" -> "Enter the UPRN: " + reason;
      case "name" -> "Enter the premises' name: " + reason;
      case "postcode" -> "Enter the premises' full postcode: " + reason;
      default -> reason;
    };
  }

  private static String words(String name) {
    if (name.isEmpty()) {
      return "";
    }
    String lower = name.replace('_', ' ').toLowerCase(Locale.ROOT);
    return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
  }
}
