package uk.crossline.portal.statistics;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import uk.crossline.portal.hub.Hub;
import uk.crossline.portal.hub.HubProblem;
import uk.crossline.portal.purpose.Purpose;

/**
 * The statistics page and its CSV. Both are the search API's statistics as the signed-in person
 * with their purpose: the API counts, suppresses and rounds, and writes the access-log entry; the
 * page draws its tables as they come, suppressed cells as {@code [c]}, and never computes a count.
 */
@Controller
class StatisticsController {

  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

  private final Hub hub;

  StatisticsController(Hub hub) {
    this.hub = hub;
  }

  @GetMapping("/statistics")
  String statistics(
      @RequestParam MultiValueMap<String, String> parameters,
      HttpServletRequest request,
      HttpSession session,
      Model model) {
    Optional<String> purpose = Purpose.of(session);
    if (purpose.isEmpty()) {
      return Purpose.askFor(request);
    }
    MultiValueMap<String, String> asked = asked(parameters);
    model.addAttribute("purpose", purpose.get());
    model.addAttribute("asked", asked);
    model.addAttribute("errors", Map.of());
    try {
      JsonNode answer = ask(asked, purpose.get(), "json", JsonNode.class).getBody();
      List<StatisticsTable> tables = new ArrayList<>();
      answer.path("tables").forEach(t -> tables.add(StatisticsTable.of(t)));
      List<String> notes = new ArrayList<>();
      answer.path("notes").forEach(n -> notes.add(n.asString()));
      model.addAttribute("partnership", answer.path("partnership").asString(""));
      String from = month(answer.path("from").asString());
      String to = month(answer.path("to").asString());
      model.addAttribute("period", from.equals(to) ? from : from + " to " + to);
      model.addAttribute(
          "markings", answer.path("markings").valueStream().map(JsonNode::asString).toList());
      model.addAttribute("notes", notes);
      model.addAttribute("tables", tables);
      model.addAttribute("download", download(asked));
    } catch (HubProblem problem) {
      if (problem.isForbidden() || problem.isTooManyRequests()) {
        throw problem;
      }
      return refused(model, problem);
    }
    return "statistics/statistics";
  }

  /** The page with the API's refusal in its error summary, each field's linked to its input. */
  private static String refused(Model model, HubProblem problem) {
    model.addAttribute("problem", problem);
    model.addAttribute("errors", errorsByField(problem));
    model.addAttribute("tables", List.of());
    return "statistics/statistics";
  }

  /**
   * The API's CSV, passed through as a download: its file name (the months it covers), and every
   * field checked against CSV injection on the way ({@link CsvGuard}).
   */
  @GetMapping("/statistics/download")
  ModelAndView download(
      @RequestParam MultiValueMap<String, String> parameters,
      HttpServletRequest request,
      HttpServletResponse response,
      HttpSession session,
      Model model)
      throws IOException {
    Optional<String> purpose = Purpose.of(session);
    if (purpose.isEmpty()) {
      return new ModelAndView(Purpose.askFor(request));
    }
    MultiValueMap<String, String> asked = asked(parameters);
    ResponseEntity<String> answer;
    try {
      answer = ask(asked, purpose.get(), "csv", String.class);
    } catch (HubProblem problem) {
      if (problem.isForbidden() || problem.isTooManyRequests()) {
        throw problem;
      }
      // Shown on the statistics page, as its own request would show it (without asking again).
      model.addAttribute("purpose", purpose.get());
      model.addAttribute("asked", asked);
      return new ModelAndView(refused(model, problem), model.asMap());
    }
    String filename =
        Optional.ofNullable(answer.getHeaders().getContentDisposition().getFilename())
            .filter(name -> name.matches("[A-Za-z0-9._-]+\\.csv"))
            .orElse("crossline-statistics.csv");
    response.setContentType(new MediaType("text", "csv", StandardCharsets.UTF_8).toString());
    response.setHeader(
        HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment().filename(filename).build().toString());
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    response.getWriter().write(CsvGuard.guard(Optional.ofNullable(answer.getBody()).orElse("")));
    return null; // written here: the CSV is the answer
  }

  private <T> ResponseEntity<T> ask(
      MultiValueMap<String, String> asked, String purpose, String format, Class<T> type) {
    MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>(asked);
    parameters.add("format", format);
    return hub.consultEntity("/api/v1/statistics", parameters, purpose, type);
  }

  /** The period asked for: months, blanks dropped (the API's default is the last 12 months). */
  static MultiValueMap<String, String> asked(MultiValueMap<String, String> parameters) {
    return Hub.parameters(parameters, List.of("from", "to"), List.of());
  }

  static String download(MultiValueMap<String, String> asked) {
    var builder = UriComponentsBuilder.fromPath("/statistics/download");
    asked.forEach((name, values) -> builder.queryParam(name, values.toArray()));
    return builder.encode().build().toUriString();
  }

  /** "2026-08" as "August 2026"; anything else as it came. */
  static String month(String value) {
    try {
      return YearMonth.parse(value).format(MONTH);
    } catch (DateTimeParseException e) {
      return value;
    }
  }

  /** The API's refusals by the page's field, in words for the person. */
  static Map<String, String> errorsByField(HubProblem problem) {
    Map<String, String> errors = new LinkedHashMap<>();
    for (HubProblem.FieldError error : problem.errors()) {
      String field = error.field();
      String label =
          switch (field) {
            case "from" -> "First month";
            case "to" -> "Last month";
            default -> null;
          };
      if (label != null) {
        errors.putIfAbsent(field, label + ": " + error.reason());
      }
    }
    return errors;
  }
}
