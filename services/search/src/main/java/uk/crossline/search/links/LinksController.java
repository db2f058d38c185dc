package uk.crossline.search.links;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.crossline.kit.audit.AuditLog;
import uk.crossline.kit.problem.ProblemException;
import uk.crossline.model.Caller;
import uk.crossline.model.Role;
import uk.crossline.model.access.AccessFilter;
import uk.crossline.model.access.AccessPolicy;
import uk.crossline.model.access.FieldAccess;
import uk.crossline.model.audit.AuditAction;
import uk.crossline.model.audit.AuditEntryDraft;
import uk.crossline.model.event.EventId;
import uk.crossline.search.limits.Allowance;
import uk.crossline.search.limits.CountsAgainst;
import uk.crossline.search.links.LinksAnswer.Link;
import uk.crossline.search.links.LinksAnswer.NotFollowed;
import uk.crossline.search.links.LinksAnswer.Via;
import uk.crossline.search.parameters.QueryParameters;
import uk.crossline.search.premises.SamePremises;
import uk.crossline.search.query.IntelligenceSearch;

/**
 * {@code GET /api/v1/events/{eventId}/links}: the other events the caller may see that share an
 * identifier, a person or a premises with an event the caller may see.
 *
 * <p>Identifier and person links are link analysis and need the LINK_ANALYSIS role; premises links
 * are open to everyone who may search, because premises are not personal data and trading standards
 * need every agency's flags on a shop. Tokens are shown only to callers whose field rights include
 * them; others read "a shared phone". Warning-listed identifiers and premises are not followed.
 */
@RestController
class LinksController {

  private static final Set<String> PARAMETERS = Set.of("purpose");

  private final EventLinks links;
  private final CorrelationBounds bounds;
  private final SamePremises samePremises;
  private final AccessPolicy policy;
  private final AuditLog audit;

  LinksController(
      EventLinks links,
      CorrelationBounds bounds,
      SamePremises samePremises,
      AccessPolicy policy,
      AuditLog audit) {
    this.links = links;
    this.bounds = bounds;
    this.samePremises = samePremises;
    this.policy = policy;
    this.audit = audit;
  }

  @GetMapping("/api/v1/events/{eventId}/links")
  @CountsAgainst(Allowance.SEARCH)
  @Operation(
      summary = "Events your agency may see that share an identifier, a person or a premises",
      description =
          "For each identifier, person and premises of the event, the other events you may see"
              + " that share it: the newest up to the correlation policy's cap, their exact number"
              + " and whether the list was capped. Identifier and person links need the"
              + " LINK_ANALYSIS role; tokens are shown only to police analysts. Identifiers and"
              + " premises on the partnership's warning list are not followed. 404 both for an"
              + " event that does not exist and for one you may not see. A purpose is required.")
  LinksAnswer links(
      Caller caller,
      @PathVariable String eventId,
      @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
    IntelligenceSearch.mustSearch(caller, policy);
    for (String name : parameters.keySet()) {
      if (!PARAMETERS.contains(name)) {
        throw ProblemException.invalid(name, "not a parameter of links; use purpose");
      }
    }
    String purpose = QueryParameters.purpose(parameters.getFirst("purpose"));
    EventId id;
    try {
      id = EventId.of(eventId);
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("eventId", "not an event id");
    }
    AccessFilter access = policy.filterFor(caller);
    FieldAccess fields = policy.fieldsFor(caller);
    Optional<Map<String, Object>> shared = links.sharedThings(id, access);
    if (shared.isEmpty()) {
      audit.record(
          AuditEntryDraft.by(caller, AuditAction.LINK_LOOKUP, purpose)
              .with("eventId", id.value())
              .with("found", "false"));
      throw new ProblemException(
          HttpStatus.NOT_FOUND,
          "Not found",
          "There is no event with this id that your agency may see.",
          List.of());
    }
    LinksAnswer answer = answer(id, shared.get(), caller, access, fields);
    Set<EventId> returned = new LinkedHashSet<>();
    returned.add(id);
    answer.links().stream()
        .flatMap(link -> link.events().stream())
        .forEach(event -> returned.add(EventId.of((String) event.get("eventId"))));
    // No answer without its access-log entry: if the entry cannot be written, this call fails.
    audit.recordInParts(
        AuditEntryDraft.by(caller, AuditAction.LINK_LOOKUP, purpose)
            .with("eventId", id.value())
            .with("found", "true")
            .with("cap", Integer.toString(answer.cap()))
            .with("correlationPolicy", Integer.toString(answer.policyVersion()))
            .with(
                "followed", Long.toString(answer.links().stream().filter(l -> !l.warned()).count()))
            .with("warned", Long.toString(answer.links().stream().filter(Link::warned).count()))
            .with("capped", Long.toString(answer.links().stream().filter(Link::capped).count()))
            .withEventIds(List.copyOf(returned)),
        500);
    return answer;
  }

  private LinksAnswer answer(
      EventId id,
      Map<String, Object> shared,
      Caller caller,
      AccessFilter access,
      FieldAccess fields) {
    List<Candidate> candidates = new ArrayList<>();
    List<NotFollowed> notFollowed = new ArrayList<>();
    boolean analyst = caller.has(Role.LINK_ANALYSIS);

    Map<String, Map<String, Object>> identifiers = new LinkedHashMap<>();
    for (Map<String, Object> identifier : list(shared.get("identifiers"))) {
      identifiers.putIfAbsent((String) identifier.get("token"), identifier);
    }
    if (analyst) {
      identifiers.forEach(
          (token, identifier) -> {
            String type = (String) identifier.get("type");
            boolean dealLine = Boolean.TRUE.equals(identifier.get("dealLine"));
            candidates.add(
                new Candidate(
                    Via.IDENTIFIER,
                    "a shared " + words(type) + (dealLine ? " used as a deal line" : ""),
                    Optional.of(type),
                    fields.identifierTokens() ? Optional.of(token) : Optional.empty(),
                    Optional.empty(),
                    bounds.warnsOfToken(token),
                    new EventLinks.Sharing("identifiers.token", token)));
          });
    } else if (!identifiers.isEmpty()) {
      notFollowed.add(
          new NotFollowed(
              Via.IDENTIFIER,
              identifiers.size(),
              "following identifiers is link analysis: it needs the LINK_ANALYSIS role"));
    }

    Map<String, String> subjects = new LinkedHashMap<>();
    for (Map<String, Object> subject : list(shared.get("subjects"))) {
      if (subject.get("token") instanceof String token) {
        subjects.putIfAbsent(token, (String) subject.get("role"));
      }
    }
    if (analyst) {
      subjects.forEach(
          (token, role) ->
              candidates.add(
                  new Candidate(
                      Via.SUBJECT,
                      "the same person (" + words(role) + " in this report)",
                      Optional.of(role),
                      fields.subjectTokens() ? Optional.of(token) : Optional.empty(),
                      Optional.empty(),
                      false,
                      new EventLinks.Sharing("subjects.token", token))));
    } else if (!subjects.isEmpty()) {
      notFollowed.add(
          new NotFollowed(
              Via.SUBJECT,
              subjects.size(),
              "following people is link analysis: it needs the LINK_ANALYSIS role"));
    }

    if (shared.get("premises") instanceof Map<?, ?> premises) {
      String key = (String) premises.get("key");
      String postcode = (String) premises.get("postcode");
      boolean warned = bounds.warnsOfPremises(key, postcode);
      Map<String, Object> shown = new LinkedHashMap<>();
      for (String field : List.of("key", "name", "address", "postcode", "uprn")) {
        if (premises.get(field) != null) {
          shown.put(field, premises.get(field));
        }
      }
      candidates.add(
          new Candidate(
              Via.PREMISES,
              "the same premises",
              Optional.empty(),
              Optional.empty(),
              Optional.of(shown),
              warned,
              // the same premises under its other key form too (UPRN, or name and postcode), as
              // the premises look-up finds it
              new EventLinks.Sharing(
                  "premises.key",
                  warned ? List.of(key) : List.copyOf(samePremises.keys(key, postcode, access)))));
    }

    List<Candidate> followed = candidates.stream().filter(c -> !c.warned()).toList();
    List<EventLinks.Found> found =
        links.follow(
            id, followed.stream().map(Candidate::sharing).toList(), access, fields, bounds.cap());
    List<Link> answered = new ArrayList<>();
    int next = 0;
    for (Candidate candidate : candidates) {
      if (candidate.warned()) {
        answered.add(candidate.link(Optional.empty(), false, List.of()));
      } else {
        EventLinks.Found one = found.get(next++);
        answered.add(
            candidate.link(Optional.of(one.total()), one.total() > bounds.cap(), one.events()));
      }
    }
    return new LinksAnswer(id.value(), bounds.cap(), bounds.version(), answered, notFollowed);
  }

  /** A shared thing before it is followed. */
  private record Candidate(
      Via via,
      String shared,
      Optional<String> type,
      Optional<String> token,
      Optional<Map<String, Object>> premises,
      boolean warned,
      EventLinks.Sharing sharing) {

    Link link(Optional<Long> total, boolean capped, List<Map<String, Object>> events) {
      return new Link(via, shared, type, token, premises, warned, total, capped, events);
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object value) {
    return value instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
  }

  private static String words(String constant) {
    String word = constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    return switch (word) {
      case "social media" -> "social media handle";
      case "email" -> "email address";
      default -> word;
    };
  }
}
