package uk.crossline.search.premises;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.Map;
import java.util.Set;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.crossline.kit.audit.AuditLog;
import uk.crossline.model.Caller;
import uk.crossline.model.access.AccessFilter;
import uk.crossline.model.access.AccessPolicy;
import uk.crossline.model.audit.AuditAction;
import uk.crossline.model.audit.AuditEntryDraft;
import uk.crossline.model.event.EventId;
import uk.crossline.search.limits.Allowance;
import uk.crossline.search.limits.CountsAgainst;
import uk.crossline.search.query.IntelligenceSearch;
import uk.crossline.search.requests.MatchDisclosure;
import uk.crossline.search.requests.MatchKey;

/**
 * {@code GET /api/v1/premises}: every flag the caller may see on one premises, from every agency,
 * oldest first. Premises are not personal data, so everyone who may search may look one up; what
 * each caller sees of it is what the access policy lets through.
 */
@RestController
class PremisesController {

  private final PremisesFlags flags;
  private final MatchDisclosure disclosure;
  private final AccessPolicy policy;
  private final AuditLog audit;

  PremisesController(
      PremisesFlags flags, MatchDisclosure disclosure, AccessPolicy policy, AuditLog audit) {
    this.flags = flags;
    this.disclosure = disclosure;
    this.policy = policy;
    this.audit = audit;
  }

  @GetMapping("/api/v1/premises")
  @CountsAgainst(Allowance.LOOKUP)
  @Operation(
      summary = "Every flag your agency may see on a premises, from every agency, as a timeline",
      description =
          "Give exactly one of: uprn; name and postcode; key (the premises key, uprn:<UPRN> or"
              + " pc:<POSTCODE>:<name>). A look-up by UPRN also finds flags that name the premises"
              + " by name and postcode, and the other way round, where a visible flag names it both"
              + " ways. Flags come oldest first with date, agency, category, indicators, marking"
              + " and handling conditions, with the agencies involved and a count per month;"
              + " otherMatches says whether flags you may not see but may ask for are there too"
              + " (never RED or AMBER+STRICT), with a matchRef for an access request. A purpose is"
              + " required: it goes in the access log with the ids returned.")
  PremisesAnswer premises(
      Caller caller,
      @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
    IntelligenceSearch.mustSearch(caller, policy);
    PremisesQuery query = PremisesQuery.read(parameters);
    AccessFilter access = policy.filterFor(caller);
    Set<String> keys = flags.keys(query, access);
    PremisesTimeline timeline =
        flags.timeline(query.asked(), keys, access, policy.fieldsFor(caller));

    // Hit / no-hit on the premises asked for: whether flags the caller may not see but may learn
    // of are there too, never what or how many, with the reference to ask their originators.
    MatchDisclosure.Disclosure otherMatches =
        disclosure.disclose(
            caller, new MatchKey.PremisesKey(query.uprnKey().or(query::addressKey).orElseThrow()));

    AuditEntryDraft entry =
        AuditEntryDraft.by(caller, AuditAction.PREMISES_LOOKUP, query.purpose());
    for (Map.Entry<String, String> asked : query.asked().entrySet()) {
      entry = entry.with(asked.getKey(), asked.getValue());
    }
    // No answer without its access-log entry: if the entry cannot be written, this call fails.
    audit.recordInParts(
        entry
            .with("keys", abridged(String.join(" ", keys)))
            .with("total", Long.toString(timeline.total()))
            .with("otherMatches", Boolean.toString(otherMatches.exists()))
            .withEventIds(
                timeline.events().stream()
                    .map(event -> EventId.of((String) event.get("eventId")))
                    .toList()),
        500);
    return new PremisesAnswer(timeline, otherMatches);
  }

  /**
   * The timeline, and whether other flags exist that the caller may ask for.
   *
   * @param otherMatches as an identifier look-up says it: {@code exists}, and a {@code matchRef}
   *     for {@code POST /api/v1/access-requests} when they do
   */
  record PremisesAnswer(
      @JsonUnwrapped PremisesTimeline timeline, MatchDisclosure.Disclosure otherMatches) {}

  /** An access-log criterion holds at most 1,000 characters; a long list of keys is cut short. */
  private static String abridged(String keys) {
    return keys.length() <= 900 ? keys : keys.substring(0, 900) + " …";
  }
}
