package uk.crossline.search.query;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import uk.crossline.kit.problem.ProblemException;
import uk.crossline.model.access.AccessFilter;
import uk.crossline.model.access.FieldAccess;
import uk.crossline.model.event.EventId;
import uk.crossline.model.projection.IntelligenceIndex;
import uk.crossline.search.access.AccessQueries;

/**
 * The projection as search reads it, through the read alias. Every query is the caller's access
 * filter AND what they asked; hits, total and facets come from that one query, so none of them can
 * count an event the caller may not see.
 */
@Component
public class IntelligenceSearch {

  /** The facets every search answers with, and the document field each counts. */
  static final Map<String, String> FACETS =
      Map.of(
          "category", "category",
          "priority", "priority",
          "district", "location.district",
          "agencyType", "agency.type",
          "indicator", "indicators");

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final ElasticsearchClient client;

  IntelligenceSearch(ElasticsearchClient client) {
    this.client = client;
  }

  public SearchResult search(SearchCriteria criteria, AccessFilter access, FieldAccess fields) {
    List<Query> filters = new ArrayList<>();
    filters.add(AccessQueries.visible(access));
    criteria
        .filters()
        .forEach(
            (field, values) ->
                filters.add(
                    Query.of(
                        q ->
                            q.terms(
                                t ->
                                    t.field(field)
                                        .terms(
                                            v ->
                                                v.value(
                                                    values.stream()
                                                        .map(FieldValue::of)
                                                        .toList()))))));
    if (criteria.from().isPresent() || criteria.to().isPresent()) {
      filters.add(
          Query.of(
              q ->
                  q.range(
                      r ->
                          r.date(
                              d -> {
                                d.field("observedAt");
                                criteria.from().ifPresent(from -> d.gte(from.toString()));
                                criteria.to().ifPresent(to -> d.lte(to + "T23:59:59.999Z"));
                                return d;
                              }))));
    }
    List<String> hidden = AccessQueries.hiddenFields(fields);
    List<FieldValue> after = cursor(criteria.after());
    try {
      SearchResponse<Map> response =
          client.search(
              s -> {
                s.index(IntelligenceIndex.READ_ALIAS)
                    .ignoreUnavailable(true)
                    .allowNoIndices(true)
                    .trackTotalHits(t -> t.enabled(true))
                    .size(criteria.size())
                    .source(src -> src.filter(f -> f.excludes(hidden)))
                    .query(
                        q ->
                            q.bool(
                                b -> {
                                  b.filter(filters);
                                  criteria
                                      .text()
                                      .ifPresent(
                                          text ->
                                              b.must(
                                                  m ->
                                                      m.match(
                                                          match ->
                                                              match
                                                                  .field("summary")
                                                                  .query(text)
                                                                  .operator(Operator.And))));
                                  return b;
                                }))
                    .sort(o -> o.field(f -> f.field("observedAt").order(SortOrder.Desc)))
                    .sort(o -> o.field(f -> f.field("eventId").order(SortOrder.Asc)));
                FACETS.forEach(
                    (name, field) ->
                        s.aggregations(
                            name, Aggregation.of(a -> a.terms(t -> t.field(field).size(50)))));
                if (!after.isEmpty()) {
                  s.searchAfter(after);
                }
                return s;
              },
              Map.class);
      return result(response, criteria.size());
    } catch (IOException | ElasticsearchException e) {
      throw unavailable();
    }
  }

  /** One active event by id, if the caller's filter lets it through. */
  @SuppressWarnings("unchecked")
  public Optional<Map<String, Object>> find(
      EventId eventId, AccessFilter access, FieldAccess fields) {
    List<String> hidden = AccessQueries.hiddenFields(fields);
    try {
      SearchResponse<Map> response =
          client.search(
              s ->
                  s.index(IntelligenceIndex.READ_ALIAS)
                      .ignoreUnavailable(true)
                      .allowNoIndices(true)
                      .size(1)
                      .source(src -> src.filter(f -> f.excludes(hidden)))
                      .query(
                          q ->
                              q.bool(
                                  b ->
                                      b.filter(AccessQueries.visible(access))
                                          .filter(f -> f.ids(i -> i.values(eventId.value()))))),
              Map.class);
      return response.hits().hits().stream()
          .findFirst()
          .map(hit -> (Map<String, Object>) hit.source());
    } catch (IOException | ElasticsearchException e) {
      throw unavailable();
    }
  }

  @SuppressWarnings("unchecked")
  private static SearchResult result(SearchResponse<Map> response, int size) {
    List<Map<String, Object>> hits = new ArrayList<>();
    for (Hit<Map> hit : response.hits().hits()) {
      hits.add((Map<String, Object>) hit.source());
    }
    Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
    for (String name : FACETS.keySet()) {
      Map<String, Long> counts = new LinkedHashMap<>();
      var aggregate = response.aggregations().get(name);
      if (aggregate != null && aggregate.isSterms()) {
        for (StringTermsBucket bucket : aggregate.sterms().buckets().array()) {
          counts.put(bucket.key().stringValue(), bucket.docCount());
        }
      }
      facets.put(name, counts);
    }
    Optional<String> next = Optional.empty();
    List<Hit<Map>> page = response.hits().hits();
    if (page.size() == size) {
      next = Optional.of(encode(page.getLast().sort()));
    }
    long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
    return new SearchResult(total, hits, facets, next);
  }

  /** Elasticsearch's own errors never reach the caller: they can carry the query's text. */
  public static ProblemException unavailable() {
    return new ProblemException(
        org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE,
        "Search unavailable",
        "Search cannot answer just now; try again shortly.",
        List.of());
  }

  private static String encode(List<FieldValue> sort) {
    List<Object> values = new ArrayList<>();
    for (FieldValue value : sort) {
      values.add(value._get());
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(values));
  }

  /** The cursor of the previous page, which must be one this service wrote. */
  private static List<FieldValue> cursor(Optional<String> after) {
    if (after.isEmpty()) {
      return List.of();
    }
    try {
      List<?> values = JSON.readValue(Base64.getUrlDecoder().decode(after.get()), List.class);
      if (values.size() != 2
          || !(values.get(0) instanceof Number observed)
          || !(values.get(1) instanceof String eventId)) {
        throw new IllegalArgumentException("not a cursor");
      }
      return List.of(FieldValue.of(observed.longValue()), FieldValue.of(eventId));
    } catch (RuntimeException e) {
      throw ProblemException.invalid("after", "not a cursor this search gave");
    }
  }
}
