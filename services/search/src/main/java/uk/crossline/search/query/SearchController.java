package uk.crossline.search.query;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.crossline.kit.audit.AuditLog;
import uk.crossline.kit.problem.ProblemException;
import uk.crossline.model.Caller;
import uk.crossline.model.Role;
import uk.crossline.model.access.AccessPolicy;
import uk.crossline.model.audit.AuditAction;
import uk.crossline.model.audit.AuditEntryDraft;
import uk.crossline.model.event.EventId;

/** {@code GET /api/v1/search}: what analysts, officers and councils use every day. */
@RestController
class SearchController {

  private final IntelligenceSearch search;
  private final AccessPolicy policy;
  private final AuditLog audit;

  SearchController(IntelligenceSearch search, AccessPolicy policy, AuditLog audit) {
    this.search = search;
    this.policy = policy;
    this.audit = audit;
  }

  @GetMapping("/api/v1/search")
  @Operation(
      summary = "Search the intelligence your agency may see",
      description =
          "Free text over the redacted summary (words, not query syntax) and filters: category,"
              + " indicator, priority, district, ward, outward, agencyType (repeat or comma-separate),"
              + " from and to (YYYY-MM-DD), size (1-100), after (the cursor of the previous page)."
              + " A purpose is required: it goes in the access log with the ids returned.")
  SearchResult search(
      Caller caller,
      @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
    if (!caller.has(Role.SEARCH) || !policy.maySearch(caller)) {
      throw new ProblemException(
          HttpStatus.FORBIDDEN,
          "Forbidden",
          "Your agency's agreement or your role does not include searching.",
          List.of());
    }
    SearchCriteria criteria = SearchCriteria.read(parameters);
    SearchResult result =
        search.search(criteria, policy.filterFor(caller), policy.fieldsFor(caller));
    // No answer without its access-log entry: if the entry cannot be written, this call fails.
    AuditEntryDraft entry =
        AuditEntryDraft.by(caller, AuditAction.SEARCH, criteria.purpose())
            .with("total", Long.toString(result.total()));
    if (criteria.text().isPresent()) {
      entry = entry.with("q", criteria.text().get());
    }
    if (!criteria.filters().isEmpty()) {
      entry = entry.with("filters", criteria.filters().toString());
    }
    if (criteria.from().isPresent()) {
      entry = entry.with("from", criteria.from().get().toString());
    }
    if (criteria.to().isPresent()) {
      entry = entry.with("to", criteria.to().get().toString());
    }
    audit.recordInParts(
        entry.withEventIds(
            result.hits().stream().map(hit -> EventId.of((String) hit.get("eventId"))).toList()),
        500);
    return result;
  }
}
