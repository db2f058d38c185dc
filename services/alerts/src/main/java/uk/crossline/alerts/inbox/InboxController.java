package uk.crossline.alerts.inbox;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
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
          "Parameters: unread=true for unread ones only; limit (1 to 200, default 50);"
              + " digest=<id> for the alerts of one of your digests instead; subscription=<id> for"
              + " those of one of your subscriptions."
              + " {alerts: [...]}: alerts, each with its matchedRule, content at the detail your"
              + " agency's agreement allows, and for a follow-up a notice; and digests"
              + " (kind DIGEST), each grouping the alerts it holds by area and category.")
  Map<String, Object> list(Caller caller, @RequestParam Map<String, String> parameters) {
    requireMayBeAlerted(caller);
    for (String name : parameters.keySet()) {
      if (!Set.of("unread", "limit", "digest", "subscription").contains(name)) {
        throw ProblemException.invalid(name, "not a parameter of this endpoint");
      }
    }
    Optional<UUID> digest = Optional.empty();
    if (parameters.containsKey("digest")) {
      digest = parse(parameters.get("digest"));
      if (digest.isEmpty()) {
        throw ProblemException.invalid("digest", "the id of one of your digests");
      }
    }
    Optional<UUID> subscription =
        parameters.containsKey("subscription")
            ? Optional.of(
                parse(parameters.get("subscription"))
                    .orElseThrow(
                        () -> ProblemException.invalid("subscription", "a subscription id")))
            : Optional.empty();
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
    Predicate<InboxEntry> shown;
    if (digest.isPresent()) {
      UUID digestId = digest.get();
      if (!(requireOwn(caller, digestId) instanceof Digest)) {
        throw ProblemException.invalid("digest", "the id of one of your digests");
      }
      shown =
          e ->
              e instanceof Alert a
                  && a.heldFor().filter(h -> h.digestId().equals(digestId)).isPresent();
    } else {
      shown = Inbox::isToldOfAlone;
    }
    return Map.of(
        "alerts",
        inbox.of(caller.userId()).stream()
            .filter(a -> a.recipientAgency().equals(caller.agency()))
            .filter(shown)
            .filter(a -> subscription.map(a.subscriptionId()::equals).orElse(true))
            .filter(a -> unread.equals("false") || a.readAt().isEmpty())
            .sorted(
                Comparator.comparing(InboxEntry::deliveredAt)
                    .thenComparing(a -> a.alertId().toString())
                    .reversed())
            .limit(limit)
            .map(InboxController::view)
            .toList());
  }

  @PostMapping("/api/v1/alerts/{alertId}/read")
  @Operation(
      summary = "Mark one of your alerts or digests read",
      description = "The alert or digest, with readAt.")
  Map<String, Object> read(Caller caller, @PathVariable String alertId) {
    requireMayBeAlerted(caller);
    requireCaughtUp();
    InboxEntry entry = requireOwn(caller, parse(alertId).orElse(null));
    if (entry.readAt().isEmpty()) {
      try {
        inbox.deliver(List.of(entry.markedRead(clock.instant())));
      } catch (TopicTable.UnavailableException e) {
        throw unavailable();
      }
    }
    return view(inbox.get(entry.alertId()).orElseThrow());
  }

  /**
   * The caller's own entry with this id, told of already (a held alert is not, until its digest
   * is); else 404, the same for another's entry as for none.
   */
  private InboxEntry requireOwn(Caller caller, UUID id) {
    return Optional.ofNullable(id)
        .flatMap(inbox::get)
        .filter(entry -> Inbox.isFor(entry, caller))
        .filter(
            entry ->
                Inbox.isToldOfAlone(entry)
                    || inbox.get(((Alert) entry).heldFor().orElseThrow().digestId()).isPresent())
        .orElseThrow(
            () ->
                new ProblemException(
                    HttpStatus.NOT_FOUND,
                    "Not found",
                    "You have no alert or digest with this id.",
                    List.of()));
  }

  static Map<String, Object> view(InboxEntry entry) {
    Map<String, Object> view = new java.util.LinkedHashMap<>(AlertJson.tree(entry));
    view.remove("schemaVersion");
    view.remove("recipientUserId");
    if (entry instanceof Digest digest) {
      view.put("total", digest.total());
    }
    view.put("read", entry.readAt().isPresent());
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
