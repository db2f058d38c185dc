package uk.crossline.search.query;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The answer to a search: the page of hits, the exact number of visible events that match, the
 * facet counts (of visible events only) and the cursor to the next page.
 *
 * @param hits the documents, without the fields the caller may not see
 * @param facets for each facet, value to count
 * @param next the cursor for the next page, absent on the last
 */
public record SearchResult(
    long total,
    List<Map<String, Object>> hits,
    Map<String, Map<String, Long>> facets,
    Optional<String> next) {}
