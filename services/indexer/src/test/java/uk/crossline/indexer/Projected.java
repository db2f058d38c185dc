package uk.crossline.indexer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.util.List;
import java.util.Map;
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
    client.indices().refresh(r -> r.index(IntelligenceIndex.READ_ALIAS).ignoreUnavailable(true));
    return client
        .count(
            c ->
                c.index(IntelligenceIndex.READ_ALIAS)
                    .ignoreUnavailable(true)
                    .allowNoIndices(true)
                    .query(
                        q ->
                            q.bool(
                                b ->
                                    b.filter(
                                            f ->
                                                f.prefix(
                                                    p -> p.field("originRefHash").value(batch)))
                                        .filter(
                                            f ->
                                                f.term(
                                                    t ->
                                                        t.field("status")
                                                            .value(FieldValue.of("ACTIVE")))))))
        .count();
  }

  /** Documents of a batch in the live generation, active or tombstone: one per event. */
  long totalCount(String batch) throws IOException {
    client.indices().refresh(r -> r.index(IntelligenceIndex.READ_ALIAS).ignoreUnavailable(true));
    return client
        .count(
            c ->
                c.index(IntelligenceIndex.READ_ALIAS)
                    .ignoreUnavailable(true)
                    .allowNoIndices(true)
                    .query(q -> q.prefix(p -> p.field("originRefHash").value(batch))))
        .count();
  }

  /** Every copy of the event in the live generation, active or tombstone. */
  List<Hit<Map>> copies(EventId eventId) throws IOException {
    client.indices().refresh(r -> r.index(IntelligenceIndex.READ_ALIAS).ignoreUnavailable(true));
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
    client.indices().refresh(r -> r.index(IntelligenceIndex.READ_ALIAS).ignoreUnavailable(true));
    java.util.Set<String> ids = new java.util.HashSet<>();
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
                    .query(
                        q ->
                            q.bool(
                                b ->
                                    b.filter(
                                            f ->
                                                f.prefix(
                                                    p -> p.field("originRefHash").value(batch)))
                                        .filter(
                                            f ->
                                                f.term(
                                                    t ->
                                                        t.field("status")
                                                            .value(FieldValue.of("ACTIVE"))))));
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
}
