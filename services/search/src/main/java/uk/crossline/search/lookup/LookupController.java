package uk.crossline.search.lookup;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import uk.crossline.kit.audit.AuditLog;
import uk.crossline.kit.problem.FieldProblem;
import uk.crossline.kit.problem.ProblemException;
import uk.crossline.model.Caller;
import uk.crossline.model.Role;
import uk.crossline.model.access.AccessPolicy;
import uk.crossline.model.audit.AuditAction;
import uk.crossline.model.audit.AuditEntryDraft;
import uk.crossline.model.event.EventId;
import uk.crossline.model.projection.IntelligenceIndex;
import uk.crossline.model.pseudonymisation.InvalidIdentifierException;
import uk.crossline.model.pseudonymisation.PseudonymToken;
import uk.crossline.model.pseudonymisation.Pseudonymiser;
import uk.crossline.model.vocabulary.IdentifierType;
import uk.crossline.search.access.AccessQueries;
import uk.crossline.search.query.IntelligenceSearch;
import uk.crossline.search.requests.MatchDisclosure;
import uk.crossline.search.requests.MatchKey;

/**
 * {@code POST /api/v1/lookups}: the identifier travels in the body, so it never sits in a URL, a
 * proxy's log or an access log; it is tokenised under every key version and then forgotten. The
 * audit entry names its type, never its value or token.
 */
@RestController
class LookupController {

  /** The most events one look-up returns: an identifier is linked to a handful, not thousands. */
  static final int MAX_EVENTS = 100;

  private final ElasticsearchClient client;
  private final Pseudonymiser pseudonymiser;
  private final MatchDisclosure disclosure;
  private final AccessPolicy policy;
  private final AuditLog audit;

  LookupController(
      ElasticsearchClient client,
      Pseudonymiser pseudonymiser,
      MatchDisclosure disclosure,
      AccessPolicy policy,
      AuditLog audit) {
    this.client = client;
    this.pseudonymiser = pseudonymiser;
    this.disclosure = disclosure;
    this.policy = policy;
    this.audit = audit;
  }

  /**
   * A look-up.
   *
   * @param purpose why, for the access log (5 to 500 characters)
   * @param value the identifier as the caller has it: "+44 7700 900123", "ab12 cde", "@handle"
   */
  record Lookup(String purpose, IdentifierType type, String value) {

    /** Never the value: records' own toString would print it into any log that names one. */
    @Override
    public String toString() {
      return "Lookup[type=" + type + "]";
    }
  }

  /**
   * The answer.
   *
   * @param total how many events the caller may see match (the first {@value #MAX_EVENTS} shown)
   * @param events the matching events the caller may see, without the fields it may not see
   * @param otherMatches whether hidden events it may ask for match too, and how to ask
   */
  record LookupResult(
      IdentifierType type,
      long total,
      List<Map<String, Object>> events,
      MatchDisclosure.Disclosure otherMatches) {}

  @PostMapping("/api/v1/lookups")
  @Operation(
      summary = "Look up a phone number, vehicle, social media handle or email",
      description =
          "The value is normalised and tokenised as the intakes did (under every key version), and"
              + " never stored or logged. Answers the matching events you may see and, separately,"
              + " whether other matches exist that you may ask the originator for (otherMatches:"
              + " exists and a matchRef for POST /api/v1/access-requests); never how many or what."
              + " RED and AMBER+STRICT events are never disclosed.",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(schema = @Schema(implementation = Lookup.class))))
  LookupResult lookup(Caller caller, @RequestBody Map<String, Object> body) {
    if (!caller.has(Role.SEARCH) || !policy.maySearch(caller)) {
      throw new ProblemException(
          HttpStatus.FORBIDDEN,
          "Forbidden",
          "Your agency's agreement or your role does not include searching.",
          List.of());
    }
    Lookup lookup = read(body);
    List<PseudonymToken> tokens;
    try {
      tokens = pseudonymiser.tokensUnderEveryKey(lookup.type(), lookup.value());
    } catch (InvalidIdentifierException e) {
      // The reason says what is wrong, never the value.
      throw ProblemException.invalid("value", e.reason());
    }
    MatchKey match = new MatchKey.IdentifierTokens(tokens);
    SearchResponse<Map> response = visible(caller, match);
    List<Map<String, Object>> events = new ArrayList<>();
    for (Hit<Map> hit : response.hits().hits()) {
      @SuppressWarnings("unchecked")
      Map<String, Object> source = hit.source();
      events.add(source);
    }
    long total = response.hits().total() == null ? events.size() : response.hits().total().value();
    MatchDisclosure.Disclosure others = disclosure.disclose(caller, match);
    audit.record(
        AuditEntryDraft.by(caller, AuditAction.IDENTIFIER_LOOKUP, lookup.purpose())
            .with("identifier.type", lookup.type().name())
            .with("total", Long.toString(total))
            .with("otherMatches", Boolean.toString(others.exists()))
            .withEventIds(
                events.stream().map(e -> EventId.of((String) e.get("eventId"))).toList()));
    return new LookupResult(lookup.type(), total, events, others);
  }

  @SuppressWarnings("rawtypes")
  private SearchResponse<Map> visible(Caller caller, MatchKey match) {
    List<String> hidden = AccessQueries.hiddenFields(policy.fieldsFor(caller));
    try {
      return client.search(
          s ->
              s.index(IntelligenceIndex.READ_ALIAS)
                  .ignoreUnavailable(true)
                  .allowNoIndices(true)
                  .trackTotalHits(t -> t.enabled(true))
                  .size(MAX_EVENTS)
                  .source(src -> src.filter(f -> f.excludes(hidden)))
                  .query(
                      q ->
                          q.bool(
                              b ->
                                  b.filter(AccessQueries.visible(policy.filterFor(caller)))
                                      .filter(
                                          f ->
                                              f.terms(
                                                  t ->
                                                      t.field(match.field())
                                                          .terms(
                                                              v ->
                                                                  v.value(
                                                                      match.values().stream()
                                                                          .map(FieldValue::of)
                                                                          .toList()))))))
                  .sort(o -> o.field(f -> f.field("observedAt").order(SortOrder.Desc)))
                  .sort(o -> o.field(f -> f.field("eventId").order(SortOrder.Asc))),
          Map.class);
    } catch (IOException | ElasticsearchException e) {
      throw IntelligenceSearch.unavailable();
    }
  }

  /** The body, strictly: unknown fields refused, each problem naming its field, no value echoed. */
  private static Lookup read(Map<String, Object> body) {
    if (body == null) {
      throw ProblemException.invalid("", "a JSON object is required");
    }
    List<FieldProblem> problems = new ArrayList<>();
    for (String name : body.keySet()) {
      if (!List.of("purpose", "type", "value").contains(name)) {
        problems.add(new FieldProblem(name, "not a field of a look-up; use purpose, type, value"));
      }
    }
    String purpose = body.get("purpose") instanceof String text ? text.strip() : "";
    if (purpose.length() < 5 || purpose.length() > 500) {
      problems.add(
          new FieldProblem(
              "purpose", "say why you look up (5 to 500 characters): it goes in the access log"));
    }
    IdentifierType type = null;
    try {
      type = IdentifierType.valueOf(String.valueOf(body.get("type")));
    } catch (IllegalArgumentException e) {
      problems.add(
          new FieldProblem("type", "one of " + String.join(", ", names(IdentifierType.values()))));
    }
    String value = body.get("value") instanceof String text ? text : null;
    if (value == null || value.isBlank()) {
      problems.add(new FieldProblem("value", "required: the identifier to look up, as text"));
    }
    if (!problems.isEmpty()) {
      throw ProblemException.invalid(problems);
    }
    return new Lookup(purpose, type, value);
  }

  private static List<String> names(IdentifierType[] types) {
    return Arrays.stream(types).map(Enum::name).toList();
  }
}
