package uk.crossline.search.requests;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.crossline.kit.audit.AuditLog;
import uk.crossline.kit.problem.FieldProblem;
import uk.crossline.kit.problem.ProblemException;
import uk.crossline.model.AgencyId;
import uk.crossline.model.Caller;
import uk.crossline.model.Role;
import uk.crossline.model.access.AccessPolicy;
import uk.crossline.model.access.PartnerAgency;
import uk.crossline.model.accessrequest.AccessApproved;
import uk.crossline.model.accessrequest.AccessRefused;
import uk.crossline.model.accessrequest.AccessRequest;
import uk.crossline.model.accessrequest.AccessRequested;
import uk.crossline.model.accessrequest.Decision;
import uk.crossline.model.audit.AuditAction;
import uk.crossline.model.audit.AuditEntryDraft;
import uk.crossline.search.query.IntelligenceSearch;
import uk.crossline.search.requests.AccessRequestLog.Entry;
import uk.crossline.search.requests.AccessRequestLog.Status;

/**
 * Access requests: an agency that got a hit it may not see asks the originators; each originating
 * agency lists what it was asked and approves or refuses. The requester sees one ask however many
 * hidden events matched (a count is a leak); until approval it learns nothing of an event, not even
 * whose it is; an approval lets it see that one event.
 */
@RestController
class AccessRequestController {

  private final MatchDisclosure disclosure;
  private final MatchRefs refs;
  private final AccessRequestLog requests;
  private final AccessPolicy policy;
  private final AuditLog audit;
  private final Clock clock = Clock.systemUTC();

  AccessRequestController(
      MatchDisclosure disclosure,
      MatchRefs refs,
      AccessRequestLog requests,
      AccessPolicy policy,
      AuditLog audit) {
    this.disclosure = disclosure;
    this.refs = refs;
    this.requests = requests;
    this.policy = policy;
    this.audit = audit;
  }

  /** The body of an access request. */
  record NewRequest(String matchRef, String justification) {}

  /** The body of an approval or a refusal. */
  record DecisionForm(String reason) {}

  @PostMapping("/api/v1/access-requests")
  @Operation(
      summary = "Ask the originators of hidden matching events for access",
      description =
          "Give the matchRef of a look-up that said other matches exist, and why you need them"
              + " (5 to 500 characters). The originators are asked (each for its own events), and"
              + " you get one ask: 201 {askId, status: PENDING, requestedAt}, whatever the number"
              + " of events or originators. 200 {alreadyAsked: true} when your agency has already"
              + " asked for every one of them (pending or approved): nothing new is sent. 409 when"
              + " none is hidden from you any more (look the identifier up again).",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(schema = @Schema(implementation = NewRequest.class))))
  ResponseEntity<Map<String, Object>> request(
      Caller caller, @RequestBody Map<String, Object> body) {
    IntelligenceSearch.mustSearch(caller, policy);
    Map<String, String> fields = strict(body, Set.of("matchRef", "justification"));
    List<FieldProblem> problems = new ArrayList<>();
    String justification = fields.getOrDefault("justification", "").strip();
    if (justification.length() < 5 || justification.length() > AccessRequest.MAX_TEXT) {
      problems.add(
          new FieldProblem(
              "justification",
              "say why your agency needs the events (5 to 500 characters): the originator reads"
                  + " it and it goes in the access log"));
    }
    String matchRef = fields.getOrDefault("matchRef", "");
    if (matchRef.isBlank()) {
      problems.add(new FieldProblem("matchRef", "required: the matchRef of a look-up"));
    }
    if (!problems.isEmpty()) {
      throw ProblemException.invalid(problems);
    }
    MatchKey match = refs.open(caller, matchRef.strip());
    // The disclosure filter never lets an agency's own events through; kept out here as well, since
    // an agency does not ask itself.
    List<MatchDisclosure.HiddenMatch> hidden =
        disclosure.hiddenMatches(caller, match).stream()
            .filter(event -> !event.originator().equals(caller.agency()))
            .toList();
    Instant now = clock.instant();
    UUID askId = UUID.randomUUID();
    List<AccessRequest> created = new ArrayList<>();
    int alreadyAsked = 0;
    List<Entry> all = requests.all();
    for (MatchDisclosure.HiddenMatch event : hidden) {
      boolean open =
          all.stream()
              .filter(e -> e.request().eventId().equals(event.eventId()))
              .filter(e -> e.request().requester().equals(caller.agency()))
              .anyMatch(e -> e.status() != Status.REFUSED);
      if (open) {
        alreadyAsked++;
      } else {
        created.add(
            new AccessRequest(
                UUID.randomUUID(),
                askId,
                event.eventId(),
                event.originator(),
                caller.agency(),
                caller.username(),
                justification,
                now));
      }
    }
    // The access log first: no request reaches an originator without its entry. The counts are
    // for auditors, who may know them; the caller is never told them.
    AuditEntryDraft entry =
        AuditEntryDraft.by(caller, AuditAction.ACCESS_REQUEST, justification)
            .with("requests", Integer.toString(created.size()))
            .with("alreadyRequested", Integer.toString(alreadyAsked));
    if (!created.isEmpty()) {
      entry = entry.with("askId", askId.toString());
    }
    audit.recordInParts(
        entry.withEventIds(
            hidden.stream().map(MatchDisclosure.HiddenMatch::eventId).distinct().toList()),
        500);
    if (hidden.isEmpty()) {
      throw nothingToAsk();
    }
    if (created.isEmpty()) {
      return ResponseEntity.ok(Map.of("alreadyAsked", true));
    }
    // One transaction: the ask reaches every originator, or none of them.
    requests.publishAll(created.stream().map(AccessRequested::of).toList());
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("askId", askId.toString());
    answer.put("status", Ask.AskStatus.PENDING.name());
    answer.put("requestedAt", now.toString());
    return ResponseEntity.status(HttpStatus.CREATED).body(answer);
  }

  @GetMapping("/api/v1/access-requests")
  @Operation(
      summary = "Your agency's access requests: the asks it made, or the requests it was sent",
      description =
          "direction=outgoing (role SEARCH): one entry per ask: askId, requestedAt, requestedBy,"
              + " justification, status (PENDING while any originator has not decided, then"
              + " ANSWERED) and approved: the events approved so far with their originating"
              + " agency. Never how many events an ask concerns, nor what was refused."
              + " direction=incoming (role SUBMIT or SEARCH): one entry per request for one of your"
              + " agency's own events, with the event id, the requesting agency, who asked and"
              + " why.")
  Map<String, Object> list(Caller caller, @RequestParam Map<String, String> parameters) {
    for (String name : parameters.keySet()) {
      if (!name.equals("direction")) {
        throw ProblemException.invalid(name, "not a parameter here; use direction");
      }
    }
    String direction = parameters.getOrDefault("direction", "");
    List<Map<String, Object>> answer;
    switch (direction) {
      case "outgoing" -> {
        IntelligenceSearch.mustSearch(caller, policy);
        answer = Ask.of(caller.agency(), requests.all()).stream().map(this::outgoing).toList();
      }
      case "incoming" -> {
        requireDecider(caller);
        answer =
            sorted(requests.all()).stream()
                .filter(e -> e.request().originator().equals(caller.agency()))
                .map(this::incoming)
                .toList();
      }
      default -> throw ProblemException.invalid("direction", "one of incoming, outgoing");
    }
    return Map.of("requests", answer);
  }

  @PostMapping("/api/v1/access-requests/{requestId}/approval")
  @Operation(
      summary = "Approve a request for one of your agency's events",
      description =
          "The requesting agency then sees that event (never if it is RED). Give a reason (5 to"
              + " 500 characters) for the access log. 404 for a request that is not your agency's"
              + " to decide, 409 for one already decided.",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(schema = @Schema(implementation = DecisionForm.class))))
  Map<String, Object> approve(
      Caller caller, @PathVariable String requestId, @RequestBody Map<String, Object> body) {
    return decide(caller, requestId, body, Status.APPROVED);
  }

  @PostMapping("/api/v1/access-requests/{requestId}/refusal")
  @Operation(
      summary = "Refuse a request for one of your agency's events",
      description =
          "The event stays hidden. The reason (5 to 500 characters) is kept for your agency and the"
              + " access log; the requester sees only that it was refused.",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(schema = @Schema(implementation = DecisionForm.class))))
  Map<String, Object> refuse(
      Caller caller, @PathVariable String requestId, @RequestBody Map<String, Object> body) {
    return decide(caller, requestId, body, Status.REFUSED);
  }

  private Map<String, Object> decide(
      Caller caller, String requestIdText, Map<String, Object> body, Status outcome) {
    requireDecider(caller);
    String reason = strict(body, Set.of("reason")).getOrDefault("reason", "").strip();
    if (reason.length() < 5 || reason.length() > AccessRequest.MAX_TEXT) {
      throw ProblemException.invalid(
          "reason", "say why (5 to 500 characters): it goes in the access log");
    }
    Entry entry =
        parse(requestIdText)
            .flatMap(requests::get)
            .filter(e -> e.request().originator().equals(caller.agency()))
            .orElseThrow(AccessRequestController::notFound);
    if (entry.status() != Status.PENDING) {
      throw alreadyDecided();
    }
    Decision decision = new Decision(UUID.randomUUID(), caller.username(), clock.instant(), reason);
    AccessRequest request = entry.request();
    audit.record(
        AuditEntryDraft.by(caller, AuditAction.ACCESS_DECISION, reason)
            .with("requestId", request.requestId().toString())
            .with("decision", outcome.name())
            .with("requester", request.requester().value())
            .withEventIds(List.of(request.eventId())));
    requests.publish(
        outcome == Status.APPROVED
            ? AccessApproved.of(request, decision)
            : AccessRefused.of(request, decision));
    Entry now = requests.get(request.requestId()).orElseThrow();
    if (now.decision().map(d -> !d.decisionId().equals(decision.decisionId())).orElse(true)) {
      // Someone else of the agency decided a moment before, on the topic's order. The winner is
      // published again so that compaction, which keeps a key's last record, keeps it.
      requests.publish(
          now.status() == Status.APPROVED
              ? AccessApproved.of(now.request(), now.decision().orElseThrow())
              : AccessRefused.of(now.request(), now.decision().orElseThrow()));
      throw alreadyDecided();
    }
    return incoming(now);
  }

  private void requireDecider(Caller caller) {
    if (!caller.has(Role.SUBMIT) && !caller.has(Role.SEARCH)) {
      throw forbidden(
          "Deciding on access to your agency's events needs the role SUBMIT or SEARCH.");
    }
  }

  /**
   * What the requester sees of an ask: the same fields whatever the number of requests it holds,
   * and of its events only the approved ones.
   */
  private Map<String, Object> outgoing(Ask ask) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("askId", ask.askId().toString());
    json.put("status", ask.status().name());
    json.put("requestedAt", ask.requestedAt().toString());
    json.put("requestedBy", ask.requestedBy());
    json.put("justification", ask.justification());
    json.put(
        "approved",
        ask.approved().stream()
            .map(
                request -> {
                  Map<String, Object> event = new LinkedHashMap<>();
                  event.put("eventId", request.eventId().value());
                  event.put("originator", agency(request.originator()));
                  return event;
                })
            .toList());
    return json;
  }

  /**
   * What the originator sees: its own event, who asks and why, and what it decided. Not the ask id:
   * it would tell the originator nothing it needs, and two originators comparing notes could use it
   * to learn that one look-up matched both their events.
   */
  private Map<String, Object> incoming(Entry entry) {
    AccessRequest request = entry.request();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("requestId", request.requestId().toString());
    json.put("status", entry.status().name());
    json.put("requestedAt", request.requestedAt().toString());
    json.put("eventId", request.eventId().value());
    json.put("requester", agency(request.requester()));
    json.put("requestedBy", request.requestedBy());
    json.put("justification", request.justification());
    entry
        .decision()
        .ifPresent(
            d -> {
              json.put("decidedAt", d.decidedAt().toString());
              json.put("decidedBy", d.decidedBy());
              json.put("reason", d.reason());
            });
    return json;
  }

  private Map<String, Object> agency(AgencyId id) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", id.value());
    json.put("name", policy.partnership().agency(id).map(PartnerAgency::name).orElse(id.value()));
    return json;
  }

  private static List<Entry> sorted(List<Entry> entries) {
    return entries.stream()
        .sorted(
            Comparator.comparing((Entry e) -> e.request().requestedAt())
                .reversed()
                .thenComparing(e -> e.request().requestId()))
        .toList();
  }

  /** A JSON body of text fields only, none unknown. */
  static Map<String, String> strict(Map<String, Object> body, Set<String> allowed) {
    Map<String, String> fields = new LinkedHashMap<>();
    List<FieldProblem> problems = new ArrayList<>();
    if (body == null) {
      throw ProblemException.invalid("", "a JSON object is required");
    }
    body.forEach(
        (name, value) -> {
          if (!allowed.contains(name)) {
            problems.add(new FieldProblem(name, "not a field of this form"));
          } else if (value != null && !(value instanceof String)) {
            problems.add(new FieldProblem(name, "must be text"));
          } else if (value != null) {
            fields.put(name, (String) value);
          }
        });
    if (!problems.isEmpty()) {
      throw ProblemException.invalid(problems);
    }
    return fields;
  }

  private static Optional<UUID> parse(String id) {
    try {
      return Optional.of(UUID.fromString(id));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static ProblemException forbidden(String detail) {
    return new ProblemException(HttpStatus.FORBIDDEN, "Forbidden", detail, List.of());
  }

  private static ProblemException notFound() {
    return new ProblemException(
        HttpStatus.NOT_FOUND,
        "Not found",
        "There is no access request with this id for your agency to decide.",
        List.of());
  }

  private static ProblemException nothingToAsk() {
    return new ProblemException(
        HttpStatus.CONFLICT,
        "Nothing to ask for",
        "No event hidden from you matches any more; look the identifier up again.",
        List.of());
  }

  private static ProblemException alreadyDecided() {
    return new ProblemException(
        HttpStatus.CONFLICT,
        "Already decided",
        "This access request has already been decided.",
        List.of());
  }
}
