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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;
import uk.crossline.model.Role;
import uk.crossline.model.event.EventId;
import uk.crossline.portal.hub.Hub;
import uk.crossline.portal.hub.HubProblem;
import uk.crossline.portal.purpose.Purpose;
import uk.crossline.portal.signin.SignedIn;

/**
 * Amending and retracting one of the agency's own reports, found by the hub's reference (shown when
 * it was sent, and on the report's page in search). The intake decides: only the originating agency
 * may change a report, and anyone else's attempt is shown as a GOV.UK page, not an error.
 */
@Controller
class ChangeController {

  private final Hub hub;

  ChangeController(Hub hub) {
    this.hub = hub;
  }

  /** The start page's "amend or retract" question: the hub's reference and what to do. */
  @PostMapping("/submit/change")
  String find(
      @RequestParam(defaultValue = "") String eventId,
      @RequestParam(defaultValue = "") String action,
      HttpSession session,
      Model model,
      HttpServletResponse response) {
    SignedIn person = SignedIn.in(model);
    Map<String, String> errors = new LinkedHashMap<>();
    String id = eventId.strip().toLowerCase(java.util.Locale.ROOT);
    if (id.isEmpty()) {
      errors.put("eventId", "Enter the hub's reference of the report");
    } else if (!isEventId(id)) {
      errors.put(
          "eventId",
          "Enter the hub's reference as it was shown, like be7a1c2d-0f3e-8a4b-9c5d-6e7f8a9b0c1d");
    }
    if (!action.equals("amend") && !action.equals("retract")) {
      errors.put("action", "Select whether to amend or retract the report");
    }
    if (!errors.isEmpty()) {
      model.addAttribute("kind", FormKind.of(person.agencyType()));
      model.addAttribute("draft", Draft.of(session).orElse(null));
      model.addAttribute("errors", errors);
      model.addAttribute("eventId", eventId);
      model.addAttribute("action", action);
      model.addAttribute("o", Option.ALL);
      return "submit/start";
    }
    return "redirect:/submit/" + action + "/" + id;
  }

  @GetMapping("/submit/amend/{eventId}")
  String amend(
      @PathVariable String eventId,
      HttpSession session,
      Model model,
      HttpServletResponse response) {
    SignedIn person = SignedIn.in(model);
    if (!isEventId(eventId)) {
      return notFound(model, response);
    }
    FormKind kind = FormKind.of(person.agencyType());
    Map<String, List<String>> answers = Map.of();
    if (person.has(Role.SEARCH)) {
      // What the hub holds is read through search, which wants a purpose like every consultation.
      Optional<String> purpose = Purpose.of(session);
      if (purpose.isEmpty()) {
        return Purpose.ask("/submit/amend/" + eventId);
      }
      JsonNode event;
      try {
        event = hub.consult("/api/v1/events/{eventId}", Hub.NONE, purpose.get(), eventId);
      } catch (HubProblem problem) {
        if (problem.isNotFound()) {
          return notFound(model, response);
        }
        if (!problem.isForbidden()) {
          throw problem; // the error page for the hub's answer (HubProblemPages)
        }
        // Not allowed to read it (no SEARCH agreement): amend by reference, nothing pre-filled.
        event = null;
      }
      if (event != null) {
        if (!person.agency().value().equals(event.at("/agency/id").asString(""))) {
          return notOurs(model, response, "amend");
        }
        answers = ReportBody.answersOf(kind, event);
      }
    }
    Draft.amending(kind, eventId, answers).keep(session);
    return "redirect:" + Page.ABOUT.href();
  }

  @GetMapping("/submit/retract/{eventId}")
  String retraction(@PathVariable String eventId, Model model, HttpServletResponse response) {
    SignedIn person = SignedIn.in(model);
    if (!isEventId(eventId)) {
      return notFound(model, response);
    }
    return retractPage(model, eventId, "", Map.of());
  }

  @PostMapping("/submit/retract/{eventId}")
  String retract(
      @PathVariable String eventId,
      @RequestParam(defaultValue = "") String reason,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    SignedIn person = SignedIn.in(model);
    if (!isEventId(eventId)) {
      return notFound(model, response);
    }
    if (!Option.offers(Option.RETRACTION_REASONS, reason)) {
      return retractPage(
          model, eventId, reason, Map.of("reason", "Select why the report is withdrawn"));
    }
    JsonNode outcome;
    try {
      outcome =
          Hub.call(
              "intake",
              () ->
                  hub.intake()
                      .post()
                      .uri("/api/v1/reports/{eventId}/retraction", eventId)
                      .contentType(MediaType.APPLICATION_JSON)
                      .body(Map.of("reason", reason))
                      .retrieve()
                      .body(JsonNode.class));
    } catch (HubProblem problem) {
      if (problem.isForbidden()) {
        return SubmitController.refused(model, response, problem);
      }
      model.addAttribute("problem", problem);
      return retractPage(model, eventId, reason, Map.of());
    }
    redirect.addFlashAttribute("eventId", eventId);
    redirect.addFlashAttribute("duplicate", outcome.path("duplicate").asBoolean(false));
    return "redirect:/submit/retracted";
  }

  @GetMapping("/submit/retracted")
  String retracted(Model model) {
    if (!model.containsAttribute("eventId")) {
      return "redirect:/submit";
    }
    return "submit/retracted";
  }

  private static String retractPage(
      Model model, String eventId, String reason, Map<String, String> errors) {
    model.addAttribute("eventId", eventId);
    model.addAttribute("reason", reason);
    model.addAttribute("errors", errors);
    model.addAttribute("o", Option.ALL);
    return "submit/retract";
  }

  private static String notOurs(Model model, HttpServletResponse response, String action) {
    return SubmitController.refused(
        model,
        response,
        new HubProblem(
            403,
            "Not your agency's report",
            "Only the agency that reported an event may " + action + " it.",
            List.of()));
  }

  private static String notFound(Model model, HttpServletResponse response) {
    response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    return "submit/not-found";
  }

  private static boolean isEventId(String text) {
    try {
      EventId.of(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
