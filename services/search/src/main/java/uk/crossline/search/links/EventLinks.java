package uk.crossline.search.links;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.MsearchResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchResponseItem;
import co.elastic.clients.elasticsearch.core.msearch.RequestItem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import uk.crossline.model.access.AccessFilter;
import uk.crossline.model.access.FieldAccess;
import uk.crossline.model.event.EventId;
import uk.crossline.model.projection.IntelligenceIndex;
import uk.crossline.search.access.AccessQueries;
import uk.crossline.search.query.IntelligenceSearch;

/**
 * The projection as links read it. Every query carries the caller's access filter: the event's own
 * shared things are read only if the caller may see the event, and every linked event, and every
 * per-token total, comes from a query under that filter, so no link or count reveals a hidden
 * event.
 */
@Component
class EventLinks {

  /**
   * What a linked event shows: enough to tell it apart and open it, nothing the caller may not see.
   */
  static final List<String> LINKED_FIELDS =
      List.of(
          "eventId",
          "observedAt",
          "observedAtPrecision",
          "agency.id",
          "agency.type",
          "category",
          "priority",
          "indicators",
          "location.district",
          "marking",
          "grading");

  /** The fields links are made of; read server-side and never returned as such. */
  private static final List<String> SHARED_FIELDS =
      List.of("eventId", "identifiers", "subjects", "premises");

  private final ElasticsearchClient client;
  private final AccessQueries accessQueries;

  EventLinks(ElasticsearchClient client, AccessQueries accessQueries) {
    this.client = client;
    this.accessQueries = accessQueries;
  }

  /** The event's identifiers, subjects and premises, if the caller may see the event. */
  @SuppressWarnings("unchecked")
  Optional<Map<String, Object>> sharedThings(EventId eventId, AccessFilter access) {
    try {
      SearchResponse<Map> response =
          client.search(
              s ->
                  IntelligenceSearch.onReadAlias(s)
                      .size(1)
                      .source(src -> src.filter(f -> f.includes(SHARED_FIELDS)))
                      .query(
                          q ->
                              q.bool(
                                  b ->
                                      b.filter(accessQueries.visible(access))
                                          .filter(f -> f.ids(i -> i.values(eventId.value()))))),
              Map.class);
      return response.hits().hits().stream()
          .findFirst()
          .map(hit -> (Map<String, Object>) hit.source());
    } catch (IOException | ElasticsearchException e) {
      throw IntelligenceSearch.unavailable();
    }
  }

  /** A document field and the values, any of which the other events must hold in it. */
  record Sharing(String field, List<String> values) {

    Sharing(String field, String value) {
      this(field, List.of(value));
    }
  }

  /** The visible events sharing one thing: how many there are, and the newest of them. */
  record Found(long total, List<Map<String, Object>> events) {}

  /**
   * For each shared thing, the other visible events holding it: the newest {@code cap} of them and
   * their exact number, in one round trip.
   */
  @SuppressWarnings("unchecked")
  List<Found> follow(
      EventId eventId, List<Sharing> sharings, AccessFilter access, FieldAccess fields, int cap) {
    if (sharings.isEmpty()) {
      return List.of();
    }
    List<String> hidden = AccessQueries.hiddenFields(fields);
    List<RequestItem> searches = new ArrayList<>();
    for (Sharing sharing : sharings) {
      Query query =
          Query.of(
              q ->
                  q.bool(
                      b ->
                          b.filter(accessQueries.visible(access))
                              .filter(AccessQueries.terms(sharing.field(), sharing.values()))
                              .mustNot(m -> m.ids(i -> i.values(eventId.value())))));
      searches.add(
          RequestItem.of(
              r ->
                  r.header(
                          h ->
                              h.index(IntelligenceIndex.READ_ALIAS)
                                  .ignoreUnavailable(true)
                                  .allowNoIndices(true))
                      .body(
                          body ->
                              body.query(query)
                                  .size(cap)
                                  .trackTotalHits(t -> t.enabled(true))
                                  .source(
                                      src ->
                                          src.filter(
                                              f -> f.includes(LINKED_FIELDS).excludes(hidden)))
                                  .sort(
                                      o ->
                                          o.field(f -> f.field("observedAt").order(SortOrder.Desc)))
                                  .sort(
                                      o ->
                                          o.field(f -> f.field("eventId").order(SortOrder.Asc))))));
    }
    try {
      MsearchResponse<Map> response = client.msearch(m -> m.searches(searches), Map.class);
      List<Found> found = new ArrayList<>();
      for (MultiSearchResponseItem<Map> item : response.responses()) {
        if (!item.isResult()) {
          throw IntelligenceSearch.unavailable();
        }
        var hits = item.result().hits();
        found.add(new Found(IntelligenceSearch.total(hits), IntelligenceSearch.sources(hits)));
      }
      return found;
    } catch (IOException | ElasticsearchException e) {
      throw IntelligenceSearch.unavailable();
    }
  }
}
