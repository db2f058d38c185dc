package uk.crossline.portal.submit;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;
import uk.crossline.model.location.Gazetteer;
import uk.crossline.portal.hub.Hub;
import uk.crossline.portal.hub.HubProblem;
import uk.crossline.portal.signin.SignedIn;

/**
 * A new report, or an amendment, through the question pages of the person's agency's form, check
 * your answers, and the confirmation with the hub's reference. The answers stay in the session
 * until they are sent or abandoned; the intake checks them again and its refusals are shown on the
 * check page, each linked to the question it concerns.
 */
@Controller
class SubmitController {

  private final Hub hub;
  private final Gazetteer gazetteer;
  private final SubmitSettings settings;

  SubmitController(Hub hub, Gazetteer gazetteer, SubmitSettings settings) {
    this.hub = hub;
    this.gazetteer = gazetteer;
    this.settings = settings;
  }

  @GetMapping("/submit")
  String start(Model model, HttpSession session, HttpServletResponse response) {
    SignedIn person = SignedIn.in(model);
    model.addAttribute("kind", FormKind.of(person.agencyType()));
    model.addAttribute("draft", Draft.of(session).orElse(null));
    model.addAttribute("errors", Map.of());
    model.addAttribute("eventId", "");
    model.addAttribute("action", "");
    model.addAttribute("o", Option.ALL);
    return "submit/start";
  }

  @GetMapping("/submit/start")
  String begin(Model model, HttpSession session, HttpServletResponse response) {
    SignedIn person = SignedIn.in(model);
    Draft.blank(FormKind.of(person.agencyType())).keep(session);
    return "redirect:" + Page.ABOUT.href();
  }

  @PostMapping("/submit/cancel")
  String cancel(HttpSession session) {
    Draft.abandon(session);
    return "redirect:/submit";
  }

  @GetMapping("/submit/{slug:about|when|details|marking}")
  String question(
      @PathVariable String slug,
      @RequestParam(defaultValue = "false") boolean change,
      HttpSession session,
      Model model) {
    Optional<Draft> draft = Draft.of(session);
    if (draft.isEmpty()) {
      return "redirect:/submit";
    }
    Page page = Page.of(slug).orElseThrow();
    Page first = draft.get().firstUnanswered();
    if (!draft.get().complete() && page.ordinal() > first.ordinal()) {
      return "redirect:" + first.href();
    }
    return question(model, page, draft.get(), Map.of(), change);
  }

  @PostMapping("/submit/{slug:about|when|details|marking}")
  String answer(
      @PathVariable String slug,
      @RequestParam MultiValueMap<String, String> posted,
      HttpSession session,
      Model model) {
    Optional<Draft> kept = Draft.of(session);
    if (kept.isEmpty()) {
      return "redirect:/submit";
    }
    Page page = Page.of(slug).orElseThrow();
    boolean change = "true".equals(posted.getFirst("change"));
    Draft draft = kept.get().answer(page, posted);
    Map<String, String> problems = Questions.problems(page, draft);
    if (!problems.isEmpty()) {
      // Kept as typed, so the page shows it again; not answered until it passes.
      draft = draft.unanswered(page);
      draft.keep(session);
      return question(model, page, draft, problems, change);
    }
    draft = draft.answered(page);
    draft.keep(session);
    if (draft.complete() && (change || page.next().isEmpty())) {
      return "redirect:/submit/check";
    }
    return "redirect:" + page.next().map(Page::href).orElse("/submit/check");
  }

  @GetMapping("/submit/check")
  String check(HttpSession session, Model model) {
    Optional<Draft> draft = Draft.of(session);
    if (draft.isEmpty()) {
      return "redirect:/submit";
    }
    if (!draft.get().complete()) {
      return "redirect:" + draft.get().firstUnanswered().href();
    }
    return check(model, draft.get(), null);
  }

  @PostMapping("/submit/check")
  String send(
      HttpSession session, Model model, HttpServletResponse response, RedirectAttributes redirect) {
    Optional<Draft> kept = Draft.of(session);
    if (kept.isEmpty()) {
      return "redirect:/submit";
    }
    Draft draft = kept.get();
    if (!draft.complete()) {
      return "redirect:" + draft.firstUnanswered().href();
    }
    JsonNode outcome;
    try {
      outcome = Hub.call("intake", () -> send(draft));
    } catch (HubProblem problem) {
      if (problem.isForbidden()) {
        return refused(model, response, problem);
      }
      return check(model, draft, problem);
    }
    Draft.abandon(session);
    redirect.addFlashAttribute("eventId", outcome.path("eventId").asString(""));
    redirect.addFlashAttribute("reference", draft.one("reference"));
    redirect.addFlashAttribute("amended", draft.isAmendment());
    redirect.addFlashAttribute("duplicate", outcome.path("duplicate").asBoolean(false));
    return "redirect:/submit/done";
  }

  @GetMapping("/submit/done")
  String done(Model model) {
    if (!model.containsAttribute("eventId")) {
      return "redirect:/submit";
    }
    return "submit/done";
  }

  private JsonNode send(Draft draft) {
    Map<String, Object> report = ReportBody.of(draft);
    String path = draft.kind().path();
    if (draft.isAmendment()) {
      Map<String, Object> amendment = new LinkedHashMap<>();
      amendment.put("reason", draft.one("amendReason"));
      amendment.put("report", report);
      return hub.intake()
          .put()
          .uri(path + "/{eventId}", draft.amending())
          .contentType(MediaType.APPLICATION_JSON)
          .body(amendment)
          .retrieve()
          .body(JsonNode.class);
    }
    return hub.intake()
        .post()
        .uri(path)
        .contentType(MediaType.APPLICATION_JSON)
        .body(report)
        .retrieve()
        .body(JsonNode.class);
  }

  private String question(
      Model model, Page page, Draft draft, Map<String, String> errors, boolean change) {
    model.addAttribute("page", page);
    model.addAttribute("kind", draft.kind());
    model.addAttribute("d", draft);
    model.addAttribute("errors", errors);
    model.addAttribute("change", change || draft.complete());
    model.addAttribute(
        "back",
        change || draft.complete()
            ? "/submit/check"
            : page.ordinal() == 0 ? "/submit" : Page.values()[page.ordinal() - 1].href());
    model.addAttribute("districts", gazetteer.districts());
    model.addAttribute("o", Option.ALL);
    model.addAttribute("agencies", settings.agencies().stream().map(Option::agency).toList());
    return "submit/question";
  }

  private String check(Model model, Draft draft, HubProblem problem) {
    model.addAttribute("kind", draft.kind());
    model.addAttribute("d", draft);
    model.addAttribute("rows", CheckAnswers.of(draft, gazetteer));
    model.addAttribute("problem", problem);
    model.addAttribute(
        "refusals", problem == null ? List.of() : Questions.refusals(problem, draft));
    return "submit/check";
  }

  /** The hub's (or the portal's) 403 as a page, with its status. */
  static String refused(Model model, HttpServletResponse response, HubProblem problem) {
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    model.addAttribute("problem", problem);
    return "submit/refused";
  }
}
