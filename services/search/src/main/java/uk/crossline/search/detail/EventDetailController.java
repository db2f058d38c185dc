package uk.crossline.search.detail;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.crossline.kit.audit.AuditLog;
import uk.crossline.kit.problem.ProblemException;
import uk.crossline.model.Caller;
import uk.crossline.model.access.AccessPolicy;
import uk.crossline.model.audit.AuditAction;
import uk.crossline.model.audit.AuditEntryDraft;
import uk.crossline.model.event.EventId;
import uk.crossline.search.limits.Allowance;
import uk.crossline.search.limits.CountsAgainst;
import uk.crossline.search.parameters.QueryParameters;
import uk.crossline.search.query.IntelligenceSearch;

/**
 * {@code GET /api/v1/events/{eventId}}: one event, found through the caller's access filter. An
 * event the caller may not see answers exactly as one that does not exist, so the answer says
 * nothing of what is hidden.
 */
@RestController
class EventDetailController {

  private final IntelligenceSearch search;
  private final AccessPolicy policy;
  private final AuditLog audit;

  EventDetailController(IntelligenceSearch search, AccessPolicy policy, AuditLog audit) {
    this.search = search;
    this.policy = policy;
    this.audit = audit;
  }

  @GetMapping("/api/v1/events/{eventId}")
  @CountsAgainst(Allowance.SEARCH)
  @Operation(
      summary = "One event your agency may see, with its handling conditions",
      description = "404 both for an event that does not exist and for one you may not see.")
  Map<String, Object> event(
      Caller caller, @PathVariable String eventId, @RequestParam(required = false) String purpose) {
    IntelligenceSearch.mustSearch(caller, policy);
    purpose = QueryParameters.purpose(purpose);
    EventId id;
    try {
      id = EventId.of(eventId);
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("eventId", "not an event id");
    }
    var found = search.find(id, policy.filterFor(caller), policy.fieldsFor(caller));
    audit.record(
        AuditEntryDraft.by(caller, AuditAction.VIEW, purpose.strip())
            .with("eventId", id.value())
            .with("found", Boolean.toString(found.isPresent()))
            .withEventIds(found.isPresent() ? List.of(id) : List.of()));
    return found.orElseThrow(
        () ->
            new ProblemException(
                HttpStatus.NOT_FOUND,
                "Not found",
                "There is no event with this id that your agency may see.",
                List.of()));
  }
}
