package uk.crossline.alerts.inbox;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.crossline.kit.problem.FieldProblem;
import uk.crossline.kit.problem.ProblemException;
import uk.crossline.kit.table.TopicTable;
import uk.crossline.model.Caller;
import uk.crossline.model.access.AccessPolicy;

/**
 * A subscriber's own alerts. Delivery was the disclosure and is in the access log; reading them
 * back is not logged again.
 */
@RestController
class InboxController {

  private static final int MAX_LIMIT = 200;

  private final Inbox inbox;
  private final AccessPolicy policy;
  private final Clock clock = Clock.systemUTC();

  InboxController(Inbox inbox, AccessPolicy policy) {
    this.inbox = inbox;
    this.policy = policy;
  }

  @GetMapping("/api/v1/alerts")
  @Operation(
      summary = "Your alerts, newest first",
      description =
          "Parameters: unread=true for unread ones only; limit (1 to 200, default 50)."
              + " {alerts: [...]}, each with its matchedRule, content at the detail your agency's"
              + " agreement allows, and for a follow-up a notice.")
  Map<String, Object> list(Caller caller, @RequestParam Map<String, String> parameters) {
    requireMayBeAlerted(caller);
    for (String name : parameters.keySet()) {
      if (!Set.of("unread", "limit").contains(name)) {
        throw ProblemException.invalid(name, "not a parameter of this endpoint");
      }
    }
    String unread = parameters.getOrDefault("unread", "false");
    if (!unread.equals("true") && !unread.equals("false")) {
      throw ProblemException.invalid("unread", "true or false");
    }
    int limit;
    try {
      limit = Integer.parseInt(parameters.getOrDefault("limit", "50"));
    } catch (NumberFormatException e) {
      limit = -1;
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw ProblemException.invalid("limit", "a whole number from 1 to " + MAX_LIMIT);
    }
    requireCaughtUp();
    return Map.of(
        "alerts",
        inbox.of(caller.userId()).stream()
            .filter(a -> a.recipientAgency().equals(caller.agency()))
            .filter(a -> unread.equals("false") || a.readAt().isEmpty())
            .sorted(
                Comparator.comparing(Alert::deliveredAt)
                    .thenComparing(a -> a.alertId().toString())
                    .reversed())
            .limit(limit)
            .map(InboxController::view)
            .toList());
  }

  @PostMapping("/api/v1/alerts/{alertId}/read")
  @Operation(summary = "Mark one of your alerts read", description = "The alert, with readAt.")
  Map<String, Object> read(Caller caller, @PathVariable String alertId) {
    requireMayBeAlerted(caller);
    requireCaughtUp();
    Alert alert =
        parse(alertId)
            .flatMap(inbox::get)
            .filter(a -> a.recipientUserId().equals(caller.userId()))
            .filter(a -> a.recipientAgency().equals(caller.agency()))
            .orElseThrow(
                () ->
                    new ProblemException(
                        HttpStatus.NOT_FOUND,
                        "Not found",
                        "You have no alert with this id.",
                        List.of()));
    if (alert.readAt().isEmpty()) {
      try {
        inbox.deliver(List.of(alert.read(clock.instant())));
      } catch (TopicTable.UnavailableException e) {
        throw unavailable();
      }
    }
    return view(inbox.get(alert.alertId()).orElseThrow());
  }

  static Map<String, Object> view(Alert alert) {
    Map<String, Object> view = new java.util.LinkedHashMap<>(AlertJson.tree(alert));
    view.remove("schemaVersion");
    view.remove("recipientUserId");
    view.put("read", alert.readAt().isPresent());
    return view;
  }

  private void requireMayBeAlerted(Caller caller) {
    if (!Inbox.mayReadAlerts(caller, policy)) {
      throw new ProblemException(
          HttpStatus.FORBIDDEN,
          "Forbidden",
          "Your agency's agreement or your role does not include alerts.",
          List.<FieldProblem>of());
    }
  }

  private void requireCaughtUp() {
    if (!inbox.caughtUp()) {
      throw unavailable();
    }
  }

  private static ProblemException unavailable() {
    return new ProblemException(
        HttpStatus.SERVICE_UNAVAILABLE,
        "Inbox unavailable",
        "The inbox cannot be read just now; try again shortly.",
        List.of());
  }

  private static Optional<UUID> parse(String id) {
    try {
      return Optional.of(UUID.fromString(id));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
