package uk.crossline.search.query;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.crossline.kit.audit.AuditLog;
import uk.crossline.kit.problem.FieldProblem;
import uk.crossline.kit.problem.ProblemException;
import uk.crossline.model.Caller;
import uk.crossline.model.access.AccessPolicy;
import uk.crossline.model.access.FieldAccess;
import uk.crossline.model.audit.AuditAction;
import uk.crossline.model.audit.AuditEntryDraft;
import uk.crossline.model.event.EventId;
import uk.crossline.search.limits.Allowance;
import uk.crossline.search.limits.CountsAgainst;

/**
 * {@code GET /api/v1/search} and {@code GET /api/v1/search/map}: what analysts, officers and
 * councils use every day, as a list and as a map.
 */
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
  @CountsAgainst(Allowance.SEARCH)
  @Operation(
      summary = "Search the intelligence your agency may see",
      description =
          "Free text over the redacted summary (words, not query syntax) and filters: category,"
              + " indicator, priority, district, ward, outward, agencyType, graded (true/false),"
              + " and for callers who see grading detail source (1-3), intelligence (A-E) and"
              + " handling (P, C); repeat or comma-separate values. from and to (YYYY-MM-DD),"
              + " sort (newest, oldest, submitted, relevance with q), size (1-100), after (the"
              + " cursor of the previous page, for the same sort). Facets count every filter's"
              + " values among the visible matches. A purpose is required: it goes in the access"
              + " log with the ids returned.")
  SearchResult search(
      Caller caller,
      @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
    IntelligenceSearch.mustSearch(caller, policy);
    SearchCriteria criteria = SearchCriteria.read(parameters);
    FieldAccess fields = policy.fieldsFor(caller);
    mayFilterOnGrading(criteria, fields);
    SearchResult result = search.search(criteria, policy.filterFor(caller), fields);
    // No answer without its access-log entry: if the entry cannot be written, this call fails.
    AuditEntryDraft entry =
        criteria(AuditEntryDraft.by(caller, AuditAction.SEARCH, criteria.purpose()), criteria)
            .with("sort", criteria.sort().parameter())
            .with("total", Long.toString(result.total()));
    audit.recordInParts(
        entry.withEventIds(
            result.hits().stream().map(hit -> EventId.of((String) hit.get("eventId"))).toList()),
        500);
    return result;
  }

  @GetMapping("/api/v1/search/map")
  @CountsAgainst(Allowance.SEARCH)
  @Operation(
      summary = "The visible events matching a search, counted per map tile",
      description =
          "The same free text and filters as search, and zoom (1-14): a count per web-map tile"
              + " (z/x/y) of the events with a point, each with the centre of its events'"
              + " generalised points, and the total of visible matches (located or not). Points are"
              + " snapped to about 1 km, so zoom stops at 14. Audited as a search with its zoom.")
  MapResult map(
      Caller caller,
      @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
    IntelligenceSearch.mustSearch(caller, policy);
    SearchCriteria.ForMap request = SearchCriteria.readForMap(parameters);
    SearchCriteria criteria = request.criteria();
    mayFilterOnGrading(criteria, policy.fieldsFor(caller));
    MapResult result = search.map(criteria, request.zoom(), policy.filterFor(caller));
    audit.record(
        criteria(AuditEntryDraft.by(caller, AuditAction.SEARCH, criteria.purpose()), criteria)
            .with("map", "tiles")
            .with("zoom", Integer.toString(request.zoom()))
            .with("total", Long.toString(result.total()))
            .with("tiles", Integer.toString(result.tiles().size())));
    return result;
  }

  /**
   * Filtering on a grade discloses it (the hits all have it), so only callers who see grading
   * detail may: the others are refused naming each such parameter, rather than quietly ignored.
   */
  private static void mayFilterOnGrading(SearchCriteria criteria, FieldAccess fields) {
    if (!criteria.gradingDetail().isEmpty() && !fields.gradingDetail()) {
      throw new ProblemException(
          HttpStatus.FORBIDDEN,
          "Forbidden",
          "Filtering on grading detail is for those who may see it (police analysts).",
          criteria.gradingDetail().stream()
              .map(
                  name ->
                      new FieldProblem(
                          name, "grading detail is not shown to you, so you cannot filter on it"))
              .toList());
    }
  }

  /** Within what the access log takes for one criterion, however many filters were combined. */
  private static String abridged(String filters) {
    return filters.length() <= 900 ? filters : filters.substring(0, 900) + " …";
  }

  private static AuditEntryDraft criteria(AuditEntryDraft entry, SearchCriteria criteria) {
    if (criteria.text().isPresent()) {
      entry = entry.with("q", criteria.text().get());
    }
    if (!criteria.filters().isEmpty()) {
      entry = entry.with("filters", abridged(criteria.filters().toString()));
    }
    if (criteria.from().isPresent()) {
      entry = entry.with("from", criteria.from().get().toString());
    }
    if (criteria.to().isPresent()) {
      entry = entry.with("to", criteria.to().get().toString());
    }
    return entry;
  }
}
