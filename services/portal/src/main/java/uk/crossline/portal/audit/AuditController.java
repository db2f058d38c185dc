package uk.crossline.portal.audit;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import uk.crossline.model.audit.AuditAction;
import uk.crossline.portal.hub.Hub;
import uk.crossline.portal.hub.HubProblem;
import uk.crossline.portal.purpose.Purpose;

/**
 * The access log for auditors (role AUDIT): searching its records, opening one, and checking that
 * its hash chains are whole. Every call goes to the search API as the auditor with their purpose,
 * so the auditor's own look-ups are in the log too. Anyone else gets the "no access" page from the
 * page gate ({@code PageRoles}), and the API would refuse them anyway.
 */
@Controller
class AuditController {

  /** The filters the auditor last asked for, between the form's POST and the results. */
  static final String FILTERS = "crossline.audit.filters";

  /** The records last shown, by chain and sequence: a record opens from the results it was in. */
  static final String SHOWN = "crossline.audit.shown";

  private final Hub hub;
  private final AuditSettings settings;

  AuditController(Hub hub, AuditSettings settings) {
    this.hub = hub;
    this.settings = settings;
  }

  @GetMapping("/audit")
  String records(@RequestParam(required = false) String after, HttpSession session, Model model) {
    Optional<String> purpose = Purpose.of(session);
    if (purpose.isEmpty()) {
      return Purpose.ask("/audit");
    }
    Optional<AuditFilters> asked =
        Optional.ofNullable((AuditFilters) session.getAttribute(FILTERS));
    form(model, purpose.get(), asked.orElse(AuditFilters.none()), Map.of());
    if (asked.isEmpty()) {
      return "audit/records";
    }
    try {
      MultiValueMap<String, String> parameters = asked.get().parameters();
      if (after != null && !after.isBlank()) {
        parameters.add("after", after);
      }
      JsonNode answer = hub.consult("/api/v1/audit/records", parameters, purpose.get());
      List<AuditRecordView> records = new ArrayList<>();
      answer.path("records").forEach(record -> records.add(new AuditRecordView(record)));
      Map<String, String> shown = new LinkedHashMap<>();
      records.forEach(record -> shown.put(record.key(), record.raw()));
      session.setAttribute(SHOWN, shown);
      model.addAttribute("total", answer.path("total").asLong());
      model.addAttribute("records", records);
      model.addAttribute("laterPage", after != null && !after.isBlank());
      if (answer.hasNonNull("next")) {
        model.addAttribute(
            "nextPage",
            UriComponentsBuilder.fromPath("/audit")
                .queryParam("after", answer.get("next").asString())
                .encode()
                .build()
                .toUriString());
      }
    } catch (HubProblem problem) {
      refused(model, problem);
    }
    return "audit/records";
  }

  /** The filter form: checked here first, then kept in the session and shown by the GET. */
  @PostMapping("/audit")
  String search(
      @RequestParam MultiValueMap<String, String> form,
      HttpSession session,
      Model model,
      HttpServletResponse response) {
    Optional<String> purpose = Purpose.of(session);
    if (purpose.isEmpty()) {
      return Purpose.ask("/audit");
    }
    AuditFilters filters = AuditFilters.of(form);
    Map<String, String> problems = filters.problems();
    if (!problems.isEmpty()) {
      form(model, purpose.get(), filters, problems);
      model.addAttribute("fieldErrors", problems);
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return "audit/records";
    }
    session.setAttribute(FILTERS, filters);
    return "redirect:/audit";
  }

  /** The records naming one event: the link from an event id in the results or a record. */
  @GetMapping("/audit/events/{eventId}")
  String recordsOfEvent(@PathVariable String eventId, HttpSession session, Model model) {
    session.setAttribute(FILTERS, AuditFilters.forEvent(eventId));
    return "redirect:/audit";
  }

  /** A new search: the filters cleared. */
  @GetMapping(value = "/audit", params = "clear")
  String clear(HttpSession session, Model model) {
    session.removeAttribute(FILTERS);
    session.removeAttribute(SHOWN);
    return "redirect:/audit";
  }

  /**
   * One record whole, as it was in the results the auditor was shown: no second look-up of the log,
   * and what the page shows is the sealed record the API returned, with its hash.
   */
  @GetMapping("/audit/records/{chain}/{sequence}")
  String record(
      @PathVariable String chain,
      @PathVariable String sequence,
      HttpSession session,
      Model model,
      HttpServletResponse response) {
    Optional<String> purpose = Purpose.of(session);
    if (purpose.isEmpty()) {
      return Purpose.ask("/audit");
    }
    model.addAttribute("purpose", purpose.get());
    @SuppressWarnings("unchecked")
    Map<String, String> shown =
        Optional.ofNullable((Map<String, String>) session.getAttribute(SHOWN)).orElse(Map.of());
    String raw = shown.get(AuditRecordView.key(chain, sequence));
    if (raw == null) {
      response.setStatus(HttpStatus.NOT_FOUND.value());
      return "audit/record";
    }
    model.addAttribute("record", AuditRecordView.fromRaw(raw));
    return "audit/record";
  }

  /**
   * The check of the log's hash chains. It reads the whole log, so it runs when the auditor asks
   * ({@code check}), optionally for one chain.
   */
  @GetMapping("/audit/verification")
  String verification(
      @RequestParam(required = false) String check,
      @RequestParam(required = false) String chain,
      HttpSession session,
      Model model) {
    Optional<String> purpose = Purpose.of(session);
    if (purpose.isEmpty()) {
      return Purpose.ask("/audit/verification");
    }
    String onlyChain = chain == null ? "" : chain.strip();
    model.addAttribute("purpose", purpose.get());
    model.addAttribute("chain", onlyChain);
    model.addAttribute("fieldErrors", Map.of());
    if (check == null) {
      return "audit/verification";
    }
    try {
      MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
      if (!onlyChain.isEmpty()) {
        parameters.add("chain", onlyChain);
      }
      JsonNode answer =
          hub.consult(
              settings.verificationTimeout(),
              "/api/v1/audit/verification",
              parameters,
              purpose.get());
      model.addAttribute("report", VerificationView.of(answer));
    } catch (HubProblem problem) {
      refused(model, problem);
    }
    return "audit/verification";
  }

  /** Only auditors: anyone else is refused as Spring Security refuses, with the 403 page. */
  private static void form(
      Model model, String purpose, AuditFilters filters, Map<String, String> problems) {
    model.addAttribute("purpose", purpose);
    model.addAttribute("filters", filters);
    model.addAttribute("actions", actions());
    model.addAttribute("sizes", AuditFilters.SIZES);
    model.addAttribute("fieldErrors", problems);
  }

  /** The actions the form offers, each with its label and whether it is chosen. */
  private static List<Map.Entry<String, String>> actions() {
    List<Map.Entry<String, String>> actions = new ArrayList<>();
    for (AuditAction action : AuditAction.values()) {
      actions.add(Map.entry(action.name(), AuditRecordView.words(action.name())));
    }
    return actions;
  }

  /**
   * The API's refusal on the page, in its error summary and by the fields it names; a 403 goes on
   * to the "no access" page instead.
   */
  private static void refused(Model model, HubProblem problem) {
    if (problem.isForbidden()) {
      throw problem;
    }
    model.addAttribute("problem", problem);
    model.addAttribute("fieldErrors", fieldErrors(problem));
  }

  /** The API's refusals by field, for the error summary's links and the fields' messages. */
  private static Map<String, String> fieldErrors(HubProblem problem) {
    Map<String, String> errors = new LinkedHashMap<>();
    for (HubProblem.FieldError error : problem.errors()) {
      if (!error.field().isEmpty()) {
        errors.merge(error.field(), error.reason(), (a, b) -> a + "; " + b);
      }
    }
    return errors;
  }
}
