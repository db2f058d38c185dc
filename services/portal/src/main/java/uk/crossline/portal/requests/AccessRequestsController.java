package uk.crossline.portal.requests;

import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;
import uk.crossline.portal.hub.Hub;
import uk.crossline.portal.hub.HubProblem;

/**
 * Access requests as people handle them: the originator's inbox of requests for its own reports
 * (approve or refuse, with a reason that goes in the access log), the asks the agency sent, and the
 * ask itself, made from a look-up or premises page with the match reference kept in the session.
 */
@Controller
class AccessRequestsController {

  private static final int MIN = 5;
  private static final int MAX = 500;

  private final Hub hub;

  AccessRequestsController(Hub hub) {
    this.hub = hub;
  }

  @GetMapping("/access-requests")
  String inbox(Model model) {
    return inboxPage(model, Map.of(), Map.of());
  }

  @PostMapping("/access-requests/{requestId}/decision")
  String decide(
      @PathVariable String requestId,
      @RequestParam(defaultValue = "") String decision,
      @RequestParam(defaultValue = "") String reason,
      Model model,
      RedirectAttributes redirect) {
    String field = "reason-" + requestId;
    Optional<String> wrong = problem(reason, "Enter the reason for your decision");
    if (!decision.equals("approval") && !decision.equals("refusal")) {
      wrong = Optional.of("Choose to approve or refuse the request");
    }
    if (wrong.isPresent()) {
      return inboxPage(model, Map.of(field, wrong.get()), Map.of(requestId, reason));
    }
    try {
      JsonNode decided =
          Hub.call(
              "search",
              () ->
                  hub.search()
                      .post()
                      .uri("/api/v1/access-requests/{id}/{decision}", requestId, decision)
                      .contentType(MediaType.APPLICATION_JSON)
                      .body(Map.of("reason", reason.strip()))
                      .retrieve()
                      .body(JsonNode.class));
      RequestView view = RequestView.incoming(decided);
      redirect.addFlashAttribute(
          "decided",
          (decision.equals("approval")
                  ? "You approved the request from "
                  : "You refused the request from ")
              + view.who()
              + ".");
    } catch (HubProblem problem) {
      if (problem.isForbidden()) {
        throw problem;
      }
      if (problem.status() == 400) {
        return inboxPage(
            model, Map.of(field, reasonOf(problem, "reason")), Map.of(requestId, reason));
      }
      // 404 (not the agency's to decide) and 409 (decided already) are told on the list.
      redirect.addFlashAttribute("problem", problem);
    }
    return "redirect:/access-requests";
  }

  @GetMapping("/access-requests/sent")
  String sent(Model model) {
    model.addAttribute("asks", list("outgoing", RequestView::outgoing, model));
    return "requests/sent";
  }

  @PostMapping("/access-requests/ask")
  String ask(
      @RequestParam(defaultValue = "") String justification, HttpSession session, Model model) {
    Optional<AskForAccess.Pending> pending = AskForAccess.pending(session);
    if (pending.isEmpty() || pending.get().outcome().isPresent()) {
      return "redirect:/access-requests/asked";
    }
    Optional<String> wrong = problem(justification, "Enter why your agency needs to see it");
    if (wrong.isPresent()) {
      return askPage(model, pending.get(), justification, wrong.get(), null);
    }
    try {
      ResponseEntity<JsonNode> answer =
          Hub.call(
              "search",
              () ->
                  hub.search()
                      .post()
                      .uri("/api/v1/access-requests")
                      .contentType(MediaType.APPLICATION_JSON)
                      .body(
                          Map.of(
                              "matchRef",
                              pending.get().matchRef(),
                              "justification",
                              justification.strip()))
                      .retrieve()
                      .toEntity(JsonNode.class));
      AskForAccess.answer(
          session,
          pending.get(),
          answer.getStatusCode().value() == 201
              ? AskForAccess.Outcome.ASKED
              : AskForAccess.Outcome.ALREADY_ASKED);
    } catch (HubProblem problem) {
      if (problem.isForbidden()) {
        throw problem;
      }
      if (problem.status() == 409) {
        AskForAccess.answer(session, pending.get(), AskForAccess.Outcome.NOTHING_TO_ASK);
      } else if (problem.status() == 400
          && problem.errors().stream().anyMatch(e -> e.field().equals("justification"))) {
        return askPage(
            model, pending.get(), justification, reasonOf(problem, "justification"), null);
      } else {
        // An expired or altered reference, or the service down: told, with the way back.
        return askPage(model, pending.get(), justification, null, problem);
      }
    }
    return "redirect:/access-requests/asked";
  }

  @GetMapping("/access-requests/asked")
  String asked(HttpSession session, Model model) {
    Optional<AskForAccess.Pending> pending = AskForAccess.pending(session);
    if (pending.isEmpty() || pending.get().outcome().isEmpty()) {
      return "redirect:/access-requests/sent";
    }
    model.addAttribute("outcome", pending.get().outcome().get().name());
    model.addAttribute("words", AskForAccess.words(pending.get().outcome().get()));
    model.addAttribute("back", pending.get().back());
    return "requests/asked";
  }

  private String askPage(
      Model model,
      AskForAccess.Pending pending,
      String justification,
      String error,
      HubProblem problem) {
    model.addAttribute("back", pending.back());
    model.addAttribute("justification", justification);
    model.addAttribute("error", error);
    model.addAttribute("problem", problem);
    return "requests/ask";
  }

  private String inboxPage(Model model, Map<String, String> errors, Map<String, String> typed) {
    model.addAttribute("requests", list("incoming", RequestView::incoming, model));
    model.addAttribute("errors", errors);
    model.addAttribute("typed", typed);
    return "requests/inbox";
  }

  private List<RequestView> list(
      String direction, Function<JsonNode, RequestView> view, Model model) {
    List<RequestView> views = new ArrayList<>();
    try {
      JsonNode answer =
          hub.read(
              "/api/v1/access-requests",
              new LinkedMultiValueMap<>(Map.of("direction", List.of(direction))));
      answer.path("requests").forEach(r -> views.add(view.apply(r)));
    } catch (HubProblem problem) {
      if (problem.isForbidden()) {
        throw problem;
      }
      model.addAttribute("problem", problem);
    }
    return views;
  }

  private static Optional<String> problem(String text, String ask) {
    String value = text == null ? "" : text.strip();
    if (value.length() < MIN) {
      return Optional.of(ask + ", in at least " + MIN + " characters");
    }
    if (value.length() > MAX) {
      return Optional.of("Keep it to " + MAX + " characters or fewer");
    }
    return Optional.empty();
  }

  private static String reasonOf(HubProblem problem, String field) {
    Map<String, String> reasons = new LinkedHashMap<>();
    problem.errors().forEach(e -> reasons.putIfAbsent(e.field(), e.reason()));
    return reasons.getOrDefault(field, problem.detail());
  }
}
