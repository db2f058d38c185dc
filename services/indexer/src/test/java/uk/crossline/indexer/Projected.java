package uk.crossline.indexer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.crossline.model.event.EventId;
import uk.crossline.model.projection.IntelligenceIndex;

/** What search would find in the projection, read through the alias as search reads it. */
final class Projected {

  private final ElasticsearchClient client;

  Projected(ElasticsearchClient client) {
    this.client = client;
  }

  /** Active documents of a test's batch, counted as search counts them. */
  long activeCount(String batch) throws IOException {
    return count(active(batch));
  }

  /** Documents of a batch in the live generation, active or tombstone: one per event. */
  long totalCount(String batch) throws IOException {
    return count(ofBatch(batch));
  }

  /** Every copy of the event in the live generation, active or tombstone. */
  List<Hit<Map>> copies(EventId eventId) throws IOException {
    refresh();
    return client
        .search(
            s ->
                s.index(IntelligenceIndex.READ_ALIAS)
                    .ignoreUnavailable(true)
                    .allowNoIndices(true)
                    .version(true)
                    .query(q -> q.ids(i -> i.values(eventId.value()))),
            Map.class)
        .hits()
        .hits();
  }

  /** Distinct event ids of a batch among active documents, read page by page (exact). */
  long distinctActive(String batch) throws IOException {
    refresh();
    Set<String> ids = new HashSet<>();
    List<FieldValue> after = List.of();
    while (true) {
      List<FieldValue> searchAfter = after;
      var page =
          client.search(
              s -> {
                s.index(IntelligenceIndex.READ_ALIAS)
                    .size(5000)
                    .source(src -> src.fetch(false))
                    .sort(o -> o.field(f -> f.field("eventId")))
                    .query(active(batch));
                if (!searchAfter.isEmpty()) {
                  s.searchAfter(searchAfter);
                }
                return s;
              },
              Void.class);
      var hits = page.hits().hits();
      if (hits.isEmpty()) {
        return ids.size();
      }
      hits.forEach(hit -> ids.add(hit.id()));
      after = hits.getLast().sort();
    }
  }

  private long count(Query query) throws IOException {
    refresh();
    return client
        .count(
            c ->
                c.index(IntelligenceIndex.READ_ALIAS)
                    .ignoreUnavailable(true)
                    .allowNoIndices(true)
                    .query(query))
        .count();
  }

  /**
   * Writes become visible to search after a refresh; the tests read what search would read. An
   * index the indexer has just made answers searches only once its shard has started (before, 503
   * {@code no_shard_available_action_exception}), so every read waits for that first.
   */
  private void refresh() throws IOException {
    client
        .cluster()
        .health(
            h ->
                h.waitForStatus(HealthStatus.Yellow)
                    .waitForNoInitializingShards(true)
                    .timeout(t -> t.time("30s")));
    client.indices().refresh(r -> r.index(IntelligenceIndex.READ_ALIAS).ignoreUnavailable(true));
  }

  /** A test's events, marked by the prefix of their origin reference hash. */
  private static Query ofBatch(String batch) {
    return Query.of(q -> q.prefix(p -> p.field("originRefHash").value(batch)));
  }

  private static Query active(String batch) {
    return Query.of(
        q ->
            q.bool(
                b ->
                    b.filter(ofBatch(batch))
                        .filter(
                            f -> f.term(t -> t.field("status").value(FieldValue.of("ACTIVE"))))));
  }
}
