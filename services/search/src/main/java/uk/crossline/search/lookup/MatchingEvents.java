package uk.crossline.search.lookup;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import uk.crossline.model.access.AccessFilter;
import uk.crossline.model.access.FieldAccess;
import uk.crossline.search.access.AccessQueries;
import uk.crossline.search.query.IntelligenceSearch;
import uk.crossline.search.requests.MatchKey;

/**
 * The projection as a look-up reads it: the events matching a key under the caller's access filter,
 * without the fields it may not see; total and events from the one query.
 */
@Component
class MatchingEvents {

  /** The most events one look-up returns: an identifier is linked to a handful, not thousands. */
  static final int MAX_EVENTS = 100;

  private final ElasticsearchClient client;
  private final AccessQueries accessQueries;

  MatchingEvents(ElasticsearchClient client, AccessQueries accessQueries) {
    this.client = client;
    this.accessQueries = accessQueries;
  }

  /**
   * @param total how many visible events match, of which {@code events} are the newest
   */
  record Found(long total, List<Map<String, Object>> events) {}

  @SuppressWarnings("rawtypes")
  Found visible(MatchKey match, AccessFilter access, FieldAccess fields) {
    List<String> hidden = AccessQueries.hiddenFields(fields);
    try {
      SearchResponse<Map> response =
          client.search(
              s ->
                  IntelligenceSearch.onReadAlias(s)
                      .trackTotalHits(t -> t.enabled(true))
                      .size(MAX_EVENTS)
                      .source(src -> src.filter(f -> f.excludes(hidden)))
                      .query(
                          q ->
                              q.bool(
                                  b ->
                                      b.filter(accessQueries.visible(access))
                                          .filter(
                                              AccessQueries.terms(match.field(), match.values()))))
                      .sort(o -> o.field(f -> f.field("observedAt").order(SortOrder.Desc)))
                      .sort(o -> o.field(f -> f.field("eventId").order(SortOrder.Asc))),
              Map.class);
      return new Found(
          IntelligenceSearch.total(response.hits()), IntelligenceSearch.sources(response.hits()));
    } catch (IOException | ElasticsearchException e) {
      throw IntelligenceSearch.unavailable();
    }
  }
}
