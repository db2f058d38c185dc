package uk.crossline.search.statistics;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import java.io.IOException;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import uk.crossline.model.AgencyType;
import uk.crossline.model.access.AccessFilter;
import uk.crossline.model.vocabulary.Category;
import uk.crossline.model.vocabulary.Priority;
import uk.crossline.search.access.AccessQueries;
import uk.crossline.search.query.IntelligenceSearch;

/**
 * Counts the projection for the statistics: one search of size 0 whose aggregations all sit under
 * the same query, the caller's statistics filter AND the CLEAR and GREEN markings AND the months
 * asked. No count can therefore include an event the caller's agency does not receive, nor one it
 * receives under a marking not meant for statistics (its own RED reports, say).
 */
@Component
class PartnershipCounts {

  /** Gazetteer districts number a few dozen; this is a ceiling, not a sample. */
  private static final int DISTRICT_BUCKETS = 1000;

  private static final int VOCABULARY_BUCKETS = 100;

  private final ElasticsearchClient client;
  private final AccessQueries accessQueries;

  PartnershipCounts(ElasticsearchClient client, AccessQueries accessQueries) {
    this.client = client;
    this.accessQueries = accessQueries;
  }

  RawCounts count(AccessFilter statisticsFilter, YearMonth from, YearMonth to) {
    List<FieldValue> markings =
        Tabulation.MARKINGS.stream().map(tlp -> FieldValue.of(tlp.name())).toList();
    Query query =
        Query.of(
            q ->
                q.bool(
                    b ->
                        b.filter(accessQueries.visible(statisticsFilter))
                            .filter(
                                f ->
                                    f.terms(
                                        t -> t.field("marking.tlp").terms(v -> v.value(markings))))
                            .filter(
                                f ->
                                    f.range(
                                        r ->
                                            r.date(
                                                d ->
                                                    d.field("observedAt")
                                                        .gte(from.atDay(1) + "T00:00:00Z")
                                                        .lt(
                                                            to.plusMonths(1).atDay(1)
                                                                + "T00:00:00Z"))))));
    try {
      SearchResponse<Void> response =
          client.search(
              s ->
                  IntelligenceSearch.onReadAlias(s)
                      .size(0)
                      .trackTotalHits(t -> t.enabled(true))
                      .query(query)
                      .aggregations(
                          "priority",
                          a -> a.terms(t -> t.field("priority").size(VOCABULARY_BUCKETS)))
                      .aggregations(
                          "category",
                          a -> a.terms(t -> t.field("category").size(VOCABULARY_BUCKETS)))
                      .aggregations(
                          "district",
                          a -> a.terms(t -> t.field("location.district").size(DISTRICT_BUCKETS)))
                      .aggregations(
                          "agencyType",
                          a -> a.terms(t -> t.field("agency.type").size(VOCABULARY_BUCKETS)))
                      .aggregations(
                          "month",
                          a ->
                              a.dateHistogram(
                                  h ->
                                      h.field("observedAt")
                                          .calendarInterval(CalendarInterval.Month)
                                          .timeZone("UTC")
                                          .format("yyyy-MM")
                                          .minDocCount(1)))
                      .aggregations(
                          "priorityByDistrict",
                          a ->
                              a.terms(t -> t.field("priority").size(VOCABULARY_BUCKETS))
                                  .aggregations(
                                      "district",
                                      sub ->
                                          sub.terms(
                                              t ->
                                                  t.field("location.district")
                                                      .size(DISTRICT_BUCKETS)))),
              Void.class);
      return counts(response);
    } catch (IOException | ElasticsearchException e) {
      throw IntelligenceSearch.unavailable();
    }
  }

  private static RawCounts counts(SearchResponse<Void> response) {
    var aggregations = response.aggregations();
    Map<YearMonth, Long> months = new HashMap<>();
    Aggregate month = aggregations.get("month");
    if (month != null && month.isDateHistogram()) {
      for (DateHistogramBucket bucket : month.dateHistogram().buckets().array()) {
        months.put(YearMonth.parse(bucket.keyAsString()), bucket.docCount());
      }
    }
    Map<Priority, Map<String, Long>> priorityByDistrict = new EnumMap<>(Priority.class);
    Aggregate cross = aggregations.get("priorityByDistrict");
    if (cross != null && cross.isSterms()) {
      for (StringTermsBucket bucket : cross.sterms().buckets().array()) {
        priorityByDistrict.put(
            Priority.valueOf(bucket.key().stringValue()),
            terms(bucket.aggregations().get("district"), Function.identity()));
      }
    }
    return new RawCounts(
        response.hits().total() == null ? 0 : response.hits().total().value(),
        terms(aggregations.get("priority"), Priority::valueOf),
        terms(aggregations.get("category"), Category::valueOf),
        terms(aggregations.get("district"), Function.identity()),
        terms(aggregations.get("agencyType"), AgencyType::valueOf),
        months,
        priorityByDistrict);
  }

  /** A terms aggregation's counts by key; an empty answer has no buckets of any type. */
  private static <K> Map<K, Long> terms(Aggregate aggregate, Function<String, K> key) {
    Map<K, Long> counts = new HashMap<>();
    if (aggregate != null && aggregate.isSterms()) {
      for (StringTermsBucket bucket : aggregate.sterms().buckets().array()) {
        counts.put(key.apply(bucket.key().stringValue()), bucket.docCount());
      }
    }
    return counts;
  }
}
