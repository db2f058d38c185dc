package uk.crossline.search.premises;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import uk.crossline.model.access.AccessFilter;
import uk.crossline.model.access.FieldAccess;
import uk.crossline.model.event.Premises;
import uk.crossline.search.access.AccessQueries;
import uk.crossline.search.query.IntelligenceSearch;

/**
 * The projection as premises look-ups read it. Every query carries the caller's access filter: the
 * keys a premises is joined under come from visible flags only, and so do the timeline, its total,
 * its agencies and its months.
 */
@Component
class PremisesFlags {

  /** A premises' whole history on one page: far more flags than any one shop collects. */
  static final int MAX_EVENTS = 1000;

  private static final List<String> TIMELINE_FIELDS =
      List.of(
          "eventId",
          "observedAt",
          "observedAtPrecision",
          "agency.id",
          "agency.type",
          "category",
          "priority",
          "indicators",
          "summary",
          "marking",
          "grading",
          "premises.key",
          "premises.name",
          "premises.address",
          "premises.postcode",
          "premises.uprn");

  private final ElasticsearchClient client;
  private final AccessQueries accessQueries;

  PremisesFlags(ElasticsearchClient client, AccessQueries accessQueries) {
    this.client = client;
    this.accessQueries = accessQueries;
  }

  /**
   * The keys the asked premises goes by among visible flags. Agencies that know a shop's UPRN key
   * it by that, those that do not by its postcode and name: a look-up by either form also finds the
   * other where a visible flag names the premises both ways (its UPRN, and a name and postcode that
   * key alike).
   */
  Set<String> keys(PremisesQuery query, AccessFilter access) {
    Set<String> keys = new LinkedHashSet<>();
    if (query.uprnKey().isPresent()) {
      String uprnKey = query.uprnKey().get();
      keys.add(uprnKey);
      Aggregate names =
          aggregate(
              access,
              Query.of(q -> q.term(t -> t.field("premises.key").value(FieldValue.of(uprnKey)))),
              Aggregation.of(
                  a ->
                      a.terms(t -> t.field("premises.name.exact").size(20))
                          .aggregations(
                              "postcodes",
                              p -> p.terms(t -> t.field("premises.postcode").size(5)))));
      for (StringTermsBucket name : buckets(names)) {
        for (StringTermsBucket postcode : buckets(name.aggregations().get("postcodes"))) {
          keys.add(addressKey(name.key().stringValue(), postcode.key().stringValue()));
        }
      }
    } else {
      String addressKey = query.addressKey().orElseThrow();
      String postcode = query.postcode().orElseThrow();
      keys.add(addressKey);
      Aggregate byKey =
          aggregate(
              access,
              Query.of(
                  q ->
                      q.bool(
                          b ->
                              b.filter(
                                      f ->
                                          f.term(
                                              t ->
                                                  t.field("premises.postcode")
                                                      .value(FieldValue.of(postcode))))
                                  .filter(f -> f.exists(e -> e.field("premises.uprn"))))),
              Aggregation.of(
                  a ->
                      a.terms(t -> t.field("premises.key").size(100))
                          .aggregations(
                              "names",
                              n -> n.terms(t -> t.field("premises.name.exact").size(20)))));
      for (StringTermsBucket key : buckets(byKey)) {
        for (StringTermsBucket name : buckets(key.aggregations().get("names"))) {
          if (addressKey(name.key().stringValue(), postcode).equals(addressKey)) {
            keys.add(key.key().stringValue());
          }
        }
      }
    }
    return keys;
  }

  /** Every visible flag under these keys, oldest first, with agencies and months. */
  @SuppressWarnings("unchecked")
  PremisesTimeline timeline(
      Map<String, String> asked, Set<String> keys, AccessFilter access, FieldAccess fields) {
    List<String> hidden = AccessQueries.hiddenFields(fields);
    try {
      SearchResponse<Map> response =
          client.search(
              s ->
                  IntelligenceSearch.onReadAlias(s)
                      .trackTotalHits(t -> t.enabled(true))
                      .size(MAX_EVENTS)
                      .source(src -> src.filter(f -> f.includes(TIMELINE_FIELDS).excludes(hidden)))
                      .query(
                          q ->
                              q.bool(
                                  b ->
                                      b.filter(accessQueries.visible(access))
                                          .filter(AccessQueries.terms("premises.key", keys))))
                      .sort(o -> o.field(f -> f.field("observedAt").order(SortOrder.Asc)))
                      .sort(o -> o.field(f -> f.field("eventId").order(SortOrder.Asc)))
                      .aggregations(
                          "agencies",
                          a ->
                              a.terms(t -> t.field("agency.id").size(100))
                                  .aggregations(
                                      "type", t -> t.terms(x -> x.field("agency.type").size(1))))
                      .aggregations(
                          "months",
                          a ->
                              a.dateHistogram(
                                      d ->
                                          d.field("observedAt")
                                              .calendarInterval(CalendarInterval.Month)
                                              .format("yyyy-MM")
                                              .minDocCount(1))
                                  .aggregations(
                                      "agencies",
                                      t -> t.terms(x -> x.field("agency.id").size(100)))),
              Map.class);
      List<Map<String, Object>> events = new ArrayList<>();
      Map<String, Map<String, Object>> premises = new LinkedHashMap<>();
      for (Hit<Map> hit : response.hits().hits()) {
        Map<String, Object> event = (Map<String, Object>) hit.source();
        events.add(event);
        if (event.get("premises") instanceof Map<?, ?> named) {
          premises.putIfAbsent(
              named.get("key") + "|" + named.get("name"), (Map<String, Object>) named);
        }
      }
      List<PremisesTimeline.Agency> agencies = new ArrayList<>();
      for (StringTermsBucket agency : buckets(response.aggregations().get("agencies"))) {
        String type =
            buckets(agency.aggregations().get("type")).stream()
                .findFirst()
                .map(b -> b.key().stringValue())
                .orElse("");
        agencies.add(
            new PremisesTimeline.Agency(agency.key().stringValue(), type, agency.docCount()));
      }
      List<PremisesTimeline.Month> months = new ArrayList<>();
      var histogram = response.aggregations().get("months");
      if (histogram != null && histogram.isDateHistogram()) {
        for (DateHistogramBucket month : histogram.dateHistogram().buckets().array()) {
          months.add(
              new PremisesTimeline.Month(
                  month.keyAsString(),
                  month.docCount(),
                  buckets(month.aggregations().get("agencies")).stream()
                      .map(b -> b.key().stringValue())
                      .toList()));
        }
      }
      long total = IntelligenceSearch.total(response.hits());
      return new PremisesTimeline(
          asked,
          List.copyOf(keys),
          List.copyOf(premises.values()),
          total,
          events.size() == total,
          agencies,
          months,
          events);
    } catch (IOException | ElasticsearchException e) {
      throw IntelligenceSearch.unavailable();
    }
  }

  private Aggregate aggregate(AccessFilter access, Query query, Aggregation aggregation) {
    try {
      SearchResponse<Void> response =
          client.search(
              s ->
                  IntelligenceSearch.onReadAlias(s)
                      .size(0)
                      .query(
                          q -> q.bool(b -> b.filter(accessQueries.visible(access)).filter(query)))
                      .aggregations("found", aggregation),
              Void.class);
      return response.aggregations().get("found");
    } catch (IOException | ElasticsearchException e) {
      throw IntelligenceSearch.unavailable();
    }
  }

  private static List<StringTermsBucket> buckets(Aggregate aggregate) {
    return aggregate != null && aggregate.isSterms()
        ? aggregate.sterms().buckets().array()
        : List.of();
  }

  /** The key an intake gives a premises known by name and postcode only. */
  private static String addressKey(String name, String postcode) {
    return Premises.of(name, "", postcode, Optional.empty(), Optional.empty()).key();
  }
}
