package uk.crossline.search.query;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramBucket;
import co.elastic.clients.elasticsearch._types.aggregations.GeoTileGridBucket;
import co.elastic.clients.elasticsearch._types.aggregations.LongTermsBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.HitsMetadata;
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
import uk.crossline.model.Caller;
import uk.crossline.model.Role;
import uk.crossline.model.access.AccessFilter;
import uk.crossline.model.access.AccessPolicy;
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
      orderedMap(
          "category", "category",
          "priority", "priority",
          "district", "location.district",
          "ward", "location.ward",
          "outward", "location.outwardPostcode",
          "agencyType", "agency.type",
          "indicator", "indicators",
          "graded", "grading.graded");

  /**
   * The facets of grading detail: counting events by grade discloses the grade, so only callers who
   * may see grading detail get them.
   */
  static final Map<String, String> GRADING_FACETS =
      orderedMap(
          "source", "grading.source",
          "intelligence", "grading.intelligence",
          "handling", "grading.handling");

  /** The facet of the date range: visible events per month observed. */
  static final String MONTH_FACET = "month";

  private static final int FACET_SIZE = 50;

  /** More tiles than a map of the partnership at the finest zoom could hold. */
  static final int MAX_TILES = 10_000;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final ElasticsearchClient client;
  private final AccessQueries accessQueries;

  IntelligenceSearch(ElasticsearchClient client, AccessQueries accessQueries) {
    this.client = client;
    this.accessQueries = accessQueries;
  }

  public SearchResult search(SearchCriteria criteria, AccessFilter access, FieldAccess fields) {
    List<String> hidden = AccessQueries.hiddenFields(fields);
    List<FieldValue> after = cursor(criteria.after(), criteria.sort());
    Map<String, String> facets = new LinkedHashMap<>(FACETS);
    if (fields.gradingDetail()) {
      facets.putAll(GRADING_FACETS);
    }
    try {
      SearchResponse<Map> response =
          client.search(
              s -> {
                onReadAlias(s)
                    .trackTotalHits(t -> t.enabled(true))
                    .size(criteria.size())
                    .source(src -> src.filter(f -> f.excludes(hidden)))
                    .query(query(criteria, access));
                sort(s, criteria.sort());
                facets.forEach(
                    (name, field) ->
                        s.aggregations(
                            name,
                            Aggregation.of(a -> a.terms(t -> t.field(field).size(FACET_SIZE)))));
                s.aggregations(
                    MONTH_FACET,
                    Aggregation.of(
                        a ->
                            a.dateHistogram(
                                d ->
                                    d.field("observedAt")
                                        .calendarInterval(CalendarInterval.Month)
                                        .format("yyyy-MM")
                                        .minDocCount(1))));
                if (!after.isEmpty()) {
                  s.searchAfter(after);
                }
                return s;
              },
              Map.class);
      return result(response, criteria, facets.keySet());
    } catch (IOException | ElasticsearchException e) {
      throw unavailable();
    }
  }

  /**
   * Visible events matching the criteria counted per map tile ({@code geotile_grid} on the
   * generalised point) at this zoom, each with the centroid of its events' points. The total counts
   * every matching visible event, located or not.
   */
  public MapResult map(SearchCriteria criteria, int zoom, AccessFilter access) {
    try {
      SearchResponse<Void> response =
          client.search(
              s ->
                  onReadAlias(s)
                      .trackTotalHits(t -> t.enabled(true))
                      .size(0)
                      .query(query(criteria, access))
                      .aggregations(
                          "tiles",
                          Aggregation.of(
                              a ->
                                  a.geotileGrid(
                                          g ->
                                              g.field("location.point")
                                                  .precision(zoom)
                                                  .size(MAX_TILES))
                                      .aggregations(
                                          "centre",
                                          c -> c.geoCentroid(g -> g.field("location.point"))))),
              Void.class);
      List<MapResult.Tile> tiles = new ArrayList<>();
      long located = 0;
      var aggregate = response.aggregations().get("tiles");
      if (aggregate != null && aggregate.isGeotileGrid()) {
        for (GeoTileGridBucket bucket : aggregate.geotileGrid().buckets().array()) {
          var centre = bucket.aggregations().get("centre").geoCentroid().location();
          MapResult.Point point =
              centre != null && centre.isLatlon()
                  ? new MapResult.Point(centre.latlon().lat(), centre.latlon().lon())
                  : MapResult.Point.ofTile(bucket.key());
          tiles.add(new MapResult.Tile(bucket.key(), bucket.docCount(), point));
          located += bucket.docCount();
        }
      }
      long total = response.hits().total() == null ? located : response.hits().total().value();
      return new MapResult(zoom, total, located, tiles);
    } catch (IOException | ElasticsearchException e) {
      throw unavailable();
    }
  }

  /** The caller's access filter AND the criteria: one query for hits, totals, facets and tiles. */
  private Query query(SearchCriteria criteria, AccessFilter access) {
    List<Query> filters = new ArrayList<>();
    filters.add(accessQueries.visible(access));
    criteria.filters().forEach((field, values) -> filters.add(AccessQueries.terms(field, values)));
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
    return Query.of(
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
                }));
  }

  /** Each order ends on the event id, so every hit has one place and search_after never skips. */
  private static void sort(SearchRequest.Builder s, SearchCriteria.Sort sort) {
    switch (sort) {
      case NEWEST -> s.sort(field("observedAt", SortOrder.Desc));
      case OLDEST -> s.sort(field("observedAt", SortOrder.Asc));
      case SUBMITTED -> s.sort(field("submittedAt", SortOrder.Desc));
      case RELEVANCE ->
          s.sort(o -> o.score(sc -> sc.order(SortOrder.Desc)))
              .sort(field("observedAt", SortOrder.Desc));
    }
    s.sort(field("eventId", SortOrder.Asc));
  }

  private static SortOptions field(String name, SortOrder order) {
    return SortOptions.of(o -> o.field(f -> f.field(name).order(order)));
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
                  onReadAlias(s)
                      .size(1)
                      .source(src -> src.filter(f -> f.excludes(hidden)))
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
      throw unavailable();
    }
  }

  private static SearchResult result(
      SearchResponse<Map> response, SearchCriteria criteria, Iterable<String> facetNames) {
    List<Map<String, Object>> hits = sources(response.hits());
    Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
    for (String name : facetNames) {
      Map<String, Long> counts = new LinkedHashMap<>();
      var aggregate = response.aggregations().get(name);
      if (aggregate != null && aggregate.isSterms()) {
        for (StringTermsBucket bucket : aggregate.sterms().buckets().array()) {
          counts.put(bucket.key().stringValue(), bucket.docCount());
        }
      } else if (aggregate != null && aggregate.isLterms()) {
        // a boolean field's buckets: keyed 1/0, named true/false
        for (LongTermsBucket bucket : aggregate.lterms().buckets().array()) {
          counts.put(bucket.keyAsString(), bucket.docCount());
        }
      }
      facets.put(name, counts);
    }
    Map<String, Long> months = new LinkedHashMap<>();
    var histogram = response.aggregations().get(MONTH_FACET);
    if (histogram != null && histogram.isDateHistogram()) {
      for (DateHistogramBucket bucket : histogram.dateHistogram().buckets().array()) {
        months.put(bucket.keyAsString(), bucket.docCount());
      }
    }
    facets.put(MONTH_FACET, months);
    Optional<String> next = Optional.empty();
    List<Hit<Map>> page = response.hits().hits();
    if (page.size() == criteria.size()) {
      next = Optional.of(encode(criteria.sort(), page.getLast().sort()));
    }
    return new SearchResult(total(response.hits()), hits, facets, next);
  }

  /**
   * A search of the projection through its read alias, as every feature reads it: before the
   * indexer has made an index there is nothing to find, which is no error.
   */
  public static SearchRequest.Builder onReadAlias(SearchRequest.Builder search) {
    return search.index(IntelligenceIndex.READ_ALIAS).ignoreUnavailable(true).allowNoIndices(true);
  }

  /** The documents of the hits as they are answered, without what the source filter left out. */
  @SuppressWarnings({"rawtypes", "unchecked"})
  public static List<Map<String, Object>> sources(HitsMetadata<Map> hits) {
    List<Map<String, Object>> sources = new ArrayList<>();
    for (Hit<Map> hit : hits.hits()) {
      sources.add((Map<String, Object>) hit.source());
    }
    return sources;
  }

  /** How many documents the query matched: the tracked total, else the hits at hand. */
  public static long total(HitsMetadata<?> hits) {
    return hits.total() == null ? hits.hits().size() : hits.total().value();
  }

  /**
   * Refuses, before anything is read, a caller whose role or agency's agreement does not include
   * searching: every way of reading the intelligence (search, an event, its links, a premises, a
   * look-up) is searching.
   */
  public static void mustSearch(Caller caller, AccessPolicy policy) {
    if (!caller.has(Role.SEARCH) || !policy.maySearch(caller)) {
      throw new ProblemException(
          org.springframework.http.HttpStatus.FORBIDDEN,
          "Forbidden",
          "Your agency's agreement or your role does not include searching.",
          List.of());
    }
  }

  /** Elasticsearch's own errors never reach the caller: they can carry the query's text. */
  public static ProblemException unavailable() {
    return new ProblemException(
        org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE,
        "Search unavailable",
        "Search cannot answer just now; try again shortly.",
        List.of());
  }

  /** A cursor: the sort it belongs to and the last hit's sort values. */
  private static String encode(SearchCriteria.Sort sort, List<FieldValue> values) {
    List<Object> plain = new ArrayList<>();
    for (FieldValue value : values) {
      plain.add(value._get());
    }
    Map<String, Object> cursor = new LinkedHashMap<>();
    cursor.put("sort", sort.parameter());
    cursor.put("after", plain);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(cursor));
  }

  /**
   * The cursor of the previous page, which must be one this service wrote for the same sort: the
   * values of one order mean nothing in another.
   */
  private static List<FieldValue> cursor(Optional<String> after, SearchCriteria.Sort sort) {
    if (after.isEmpty()) {
      return List.of();
    }
    Map<?, ?> cursor;
    try {
      cursor = JSON.readValue(Base64.getUrlDecoder().decode(after.get()), Map.class);
    } catch (RuntimeException e) {
      throw ProblemException.invalid("after", "not a cursor this search gave");
    }
    if (!(cursor.get("sort") instanceof String given)
        || !(cursor.get("after") instanceof List<?> values)) {
      throw ProblemException.invalid("after", "not a cursor this search gave");
    }
    if (!given.equals(sort.parameter())) {
      throw ProblemException.invalid(
          "after",
          "a cursor of the "
              + given
              + " order cannot page the "
              + sort.parameter()
              + " order; start again without after");
    }
    int expected = sort == SearchCriteria.Sort.RELEVANCE ? 3 : 2;
    if (values.size() != expected || !(values.getLast() instanceof String eventId)) {
      throw ProblemException.invalid("after", "not a cursor this search gave");
    }
    List<FieldValue> fieldValues = new ArrayList<>();
    for (Object value : values.subList(0, expected - 1)) {
      fieldValues.add(
          switch (value) {
            case Integer whole -> FieldValue.of(whole.longValue());
            case Long whole -> FieldValue.of(whole);
            case Double real -> FieldValue.of(real);
            case Float real -> FieldValue.of(real.doubleValue());
            case java.math.BigInteger big -> FieldValue.of(big.longValue());
            case java.math.BigDecimal big -> FieldValue.of(big.doubleValue());
            default -> throw ProblemException.invalid("after", "not a cursor this search gave");
          });
    }
    fieldValues.add(FieldValue.of(eventId));
    return fieldValues;
  }

  private static Map<String, String> orderedMap(String... namesAndFields) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < namesAndFields.length; i += 2) {
      map.put(namesAndFields[i], namesAndFields[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(map);
  }
}
