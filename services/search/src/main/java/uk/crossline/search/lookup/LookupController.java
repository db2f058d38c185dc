package uk.crossline.search.lookup;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import uk.crossline.kit.audit.AuditLog;
import uk.crossline.kit.problem.FieldProblem;
import uk.crossline.kit.problem.ProblemException;
import uk.crossline.model.Caller;
import uk.crossline.model.access.AccessPolicy;
import uk.crossline.model.audit.AuditAction;
import uk.crossline.model.audit.AuditEntryDraft;
import uk.crossline.model.event.EventId;
import uk.crossline.model.pseudonymisation.InvalidIdentifierException;
import uk.crossline.model.pseudonymisation.PseudonymToken;
import uk.crossline.model.pseudonymisation.Pseudonymiser;
import uk.crossline.model.vocabulary.IdentifierType;
import uk.crossline.search.limits.Allowance;
import uk.crossline.search.limits.CountsAgainst;
import uk.crossline.search.parameters.QueryParameters;
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

  private final MatchingEvents events;
  private final Pseudonymiser pseudonymiser;
  private final MatchDisclosure disclosure;
  private final AccessPolicy policy;
  private final AuditLog audit;

  LookupController(
      MatchingEvents events,
      Pseudonymiser pseudonymiser,
      MatchDisclosure disclosure,
      AccessPolicy policy,
      AuditLog audit) {
    this.events = events;
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
   * @param total how many events the caller may see match (the first {@value
   *     MatchingEvents#MAX_EVENTS} shown)
   * @param events the matching events the caller may see, without the fields it may not see
   * @param otherMatches whether hidden events it may ask for match too, and how to ask
   */
  record LookupResult(
      IdentifierType type,
      long total,
      List<Map<String, Object>> events,
      MatchDisclosure.Disclosure otherMatches) {}

  @PostMapping("/api/v1/lookups")
  @CountsAgainst(Allowance.LOOKUP)
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
    IntelligenceSearch.mustSearch(caller, policy);
    Lookup lookup = read(body);
    List<PseudonymToken> tokens;
    try {
      tokens = pseudonymiser.tokensUnderEveryKey(lookup.type(), lookup.value());
    } catch (InvalidIdentifierException e) {
      // The reason says what is wrong, never the value.
      throw ProblemException.invalid("value", e.reason());
    }
    MatchKey match = new MatchKey.IdentifierTokens(tokens);
    MatchingEvents.Found found =
        events.visible(match, policy.filterFor(caller), policy.fieldsFor(caller));
    MatchDisclosure.Disclosure others = disclosure.disclose(caller, match);
    audit.record(
        AuditEntryDraft.by(caller, AuditAction.IDENTIFIER_LOOKUP, lookup.purpose())
            .with("identifier.type", lookup.type().name())
            .with("total", Long.toString(found.total()))
            .with("otherMatches", Boolean.toString(others.exists()))
            .withEventIds(
                found.events().stream().map(e -> EventId.of((String) e.get("eventId"))).toList()));
    return new LookupResult(lookup.type(), found.total(), found.events(), others);
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
    String purpose =
        QueryParameters.purpose(body.get("purpose") instanceof String text ? text : null, problems);
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
