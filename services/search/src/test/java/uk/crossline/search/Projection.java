package uk.crossline.search;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import uk.crossline.model.access.AccessPolicy;
import uk.crossline.model.projection.IntelligenceIndex;

/**
 * The live projection as the tests write into it, as the indexer would: the indices of the
 * generation search reads now, created with the read alias when a test is the first to need one,
 * and every document stamped with the agencies it reaches under the bundled access policy. Tests
 * write only their own documents and never delete an index: others write beside them.
 */
public final class Projection {

  private static final AccessPolicy POLICY = AccessPolicy.bundled();

  private Projection() {}

  /** A copy of the document as the indexer writes it: with the agencies it reaches. */
  public static Map<String, Object> stamped(Map<String, Object> document) {
    Map<String, Object> stamped = new LinkedHashMap<>(document);
    POLICY.stampReach(stamped);
    return stamped;
  }

  /** The generation search reads now: the highest behind the read alias, 1 before there is one. */
  public static int liveGeneration(ElasticsearchClient client) throws IOException {
    try {
      return client
          .indices()
          .getAlias(a -> a.name(IntelligenceIndex.READ_ALIAS))
          .result()
          .keySet()
          .stream()
          .map(IntelligenceIndex::parse)
          .flatMap(Optional::stream)
          .mapToInt(IntelligenceIndex.Parsed::generation)
          .max()
          .orElse(1);
    } catch (ElasticsearchException e) {
      return 1; // no alias yet
    }
  }

  /** The live generation's index of the month of {@code observedAt}, created if needed. */
  public static String liveIndex(ElasticsearchClient client, Instant observedAt)
      throws IOException {
    String index = IntelligenceIndex.name(liveGeneration(client), observedAt);
    createIfMissing(client, index);
    return index;
  }

  /**
   * Writes documents (id to source) into the live generation's index of each one's month of
   * observation ({@code observedAt}), {@linkplain #stamped stamped}, in one refreshed bulk request.
   */
  public static void index(ElasticsearchClient client, Map<String, Map<String, Object>> documents)
      throws IOException {
    int generation = liveGeneration(client);
    List<BulkOperation> operations = new ArrayList<>();
    Set<String> created = new HashSet<>();
    for (var document : documents.entrySet()) {
      String index = IntelligenceIndex.name(generation, observedAt(document.getValue()));
      if (created.add(index)) {
        createIfMissing(client, index);
      }
      operations.add(
          BulkOperation.of(
              b ->
                  b.index(
                      i ->
                          i.index(index)
                              .id(document.getKey())
                              .document(stamped(document.getValue())))));
    }
    var response = client.bulk(BulkRequest.of(b -> b.operations(operations).refresh(Refresh.True)));
    assertThat(response.errors()).as("writing documents into the projection").isFalse();
  }

  /** Deletes documents written by {@link #index} again (never an index), refreshed. */
  public static void delete(ElasticsearchClient client, Map<String, Map<String, Object>> documents)
      throws IOException {
    if (documents.isEmpty()) {
      return;
    }
    int generation = liveGeneration(client);
    List<BulkOperation> operations = new ArrayList<>();
    for (var document : documents.entrySet()) {
      String index = IntelligenceIndex.name(generation, observedAt(document.getValue()));
      operations.add(BulkOperation.of(b -> b.delete(d -> d.index(index).id(document.getKey()))));
    }
    client.bulk(BulkRequest.of(b -> b.operations(operations).refresh(Refresh.True)));
  }

  private static Instant observedAt(Map<String, Object> source) {
    return Instant.parse((String) source.get("observedAt"));
  }

  private static void createIfMissing(ElasticsearchClient client, String index) throws IOException {
    if (client.indices().exists(e -> e.index(index)).value()) {
      return;
    }
    try {
      client.indices().create(c -> c.index(index).aliases(IntelligenceIndex.READ_ALIAS, a -> a));
    } catch (ElasticsearchException e) {
      // created meanwhile by another test: fine
      if (!client.indices().exists(x -> x.index(index)).value()) {
        throw e;
      }
    }
  }
}
