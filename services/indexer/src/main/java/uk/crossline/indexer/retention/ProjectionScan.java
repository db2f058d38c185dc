package uk.crossline.indexer.retention;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import uk.crossline.model.event.EventId;
import uk.crossline.model.projection.DocumentStatus;
import uk.crossline.model.projection.IntelligenceIndex;
import uk.crossline.model.vocabulary.Category;

/**
 * What retention asks of the projection: which events are due, page by page ({@code search_after}
 * on the event id, which stays correct while the pages' documents are being deleted), which monthly
 * indices a generation has, and dropping one. No delete-by-query: documents go through the topic.
 */
@Component
class ProjectionScan {

  private final ElasticsearchClient client;
  private final int pageSize;

  ProjectionScan(ElasticsearchClient client, RetentionSettings settings) {
    this.client = client;
    this.pageSize = settings.pageSize();
  }

  /** Live events of the category observed before the cutoff, as search sees them. */
  static Query activeObservedBefore(Category category, Instant cutoff) {
    return Query.of(
        q ->
            q.bool(
                b ->
                    b.filter(term("status", DocumentStatus.ACTIVE.name()))
                        .filter(term("category", category.name()))
                        .filter(
                            f ->
                                f.range(
                                    r ->
                                        r.date(
                                            d -> d.field("observedAt").lt(cutoff.toString()))))));
  }

  /** Tombstones of reports retracted before the cutoff. */
  static Query retractedBefore(Instant cutoff) {
    return Query.of(
        q ->
            q.bool(
                b ->
                    b.filter(term("status", DocumentStatus.RETRACTED.name()))
                        .filter(
                            f ->
                                f.range(
                                    r ->
                                        r.date(
                                            d ->
                                                d.field("retraction.retractedAt")
                                                    .lt(cutoff.toString()))))));
  }

  static Query everything() {
    return Query.of(q -> q.matchAll(m -> m));
  }

  /**
   * Hands the ids of the matching documents to {@code page}, at most a page at a time, in event id
   * order, until none is left.
   */
  void forEachPage(String index, Query query, Consumer<List<EventId>> page) {
    List<FieldValue> after = List.of();
    while (true) {
      List<FieldValue> searchAfter = after;
      List<Hit<Void>> hits = search(index, query, searchAfter);
      if (hits.isEmpty()) {
        return;
      }
      page.accept(hits.stream().map(Hit::id).distinct().map(EventId::of).toList());
      if (hits.size() < pageSize) {
        return;
      }
      after = hits.getLast().sort();
    }
  }

  private List<Hit<Void>> search(String index, Query query, List<FieldValue> searchAfter) {
    try {
      return client
          .search(
              s -> {
                s.index(index)
                    .ignoreUnavailable(true)
                    .allowNoIndices(true)
                    .size(pageSize)
                    .trackTotalHits(t -> t.enabled(false))
                    .source(src -> src.fetch(false))
                    .sort(o -> o.field(f -> f.field("eventId").order(SortOrder.Asc)))
                    .query(query);
                if (!searchAfter.isEmpty()) {
                  s.searchAfter(searchAfter);
                }
                return s;
              },
              Void.class)
          .hits()
          .hits();
    } catch (IOException e) {
      throw new UncheckedIOException("Elasticsearch is not reachable", e);
    }
  }

  /** The monthly indices of a generation, whether or not the read alias serves them. */
  List<IntelligenceIndex.Parsed> indicesOf(int generation) {
    try {
      return client
          .indices()
          .get(
              g ->
                  g.index(IntelligenceIndex.pattern(generation))
                      .ignoreUnavailable(true)
                      .allowNoIndices(true))
          .result()
          .keySet()
          .stream()
          .map(IntelligenceIndex::parse)
          .flatMap(java.util.Optional::stream)
          .filter(parsed -> parsed.generation() == generation)
          .sorted(java.util.Comparator.comparing(IntelligenceIndex.Parsed::month))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Elasticsearch is not reachable", e);
    }
  }

  void drop(String index) {
    try {
      client.indices().delete(d -> d.index(index).ignoreUnavailable(true));
    } catch (IOException e) {
      throw new UncheckedIOException("Elasticsearch is not reachable", e);
    }
  }

  private static Query term(String field, String value) {
    return Query.of(q -> q.term(t -> t.field(field).value(FieldValue.of(value))));
  }
}
