package uk.crossline.search.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import java.io.IOException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import uk.crossline.model.projection.IntelligenceIndex;

/**
 * Writes the statistics tests' documents straight into the live projection, as the indexer would,
 * each run into months of its own far in the past (1980 to 2019, where neither the demo data nor
 * other tests write), so statistics over those months count this run's documents only.
 */
final class StatisticsIndex {

  private static final Set<YearMonth> TAKEN = new HashSet<>();

  private StatisticsIndex() {}

  /** A run of consecutive months in 1980-2019 no other test of this JVM has taken. */
  static synchronized YearMonth freshMonths(int length) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    while (true) {
      YearMonth first = YearMonth.of(1980 + random.nextInt(40), 1).plusMonths(random.nextInt(12));
      List<YearMonth> months = new ArrayList<>();
      for (int i = 0; i < length; i++) {
        months.add(first.plusMonths(i));
      }
      if (months.getLast().getYear() <= 2019 && months.stream().noneMatch(TAKEN::contains)) {
        TAKEN.addAll(months);
        return first;
      }
    }
  }

  /** Writes documents (id to source) into the live generation's index of their month. */
  static void write(ElasticsearchClient client, Map<String, Map<String, Object>> documents)
      throws IOException {
    int generation = liveGeneration(client);
    List<BulkOperation> operations = new ArrayList<>();
    Set<String> created = new HashSet<>();
    for (var document : documents.entrySet()) {
      String observedAt = (String) document.getValue().get("observedAt");
      String index = IntelligenceIndex.name(generation, Instant.parse(observedAt));
      if (created.add(index) && !client.indices().exists(e -> e.index(index)).value()) {
        try {
          client
              .indices()
              .create(c -> c.index(index).aliases(IntelligenceIndex.READ_ALIAS, a -> a));
        } catch (ElasticsearchException e) {
          // created meanwhile by another test: fine
          if (!client.indices().exists(x -> x.index(index)).value()) {
            throw e;
          }
        }
      }
      operations.add(
          BulkOperation.of(
              b ->
                  b.index(
                      i -> i.index(index).id(document.getKey()).document(document.getValue()))));
    }
    var response = client.bulk(BulkRequest.of(b -> b.operations(operations).refresh(Refresh.True)));
    assertThat(response.errors()).as("seeding statistics documents").isFalse();
  }

  /**
   * Deletes this run's own documents again (never an index: other tests may write beside them), so
   * a later run may take the same month.
   */
  static void delete(ElasticsearchClient client, Map<String, Map<String, Object>> documents)
      throws IOException {
    if (documents.isEmpty()) {
      return;
    }
    int generation = liveGeneration(client);
    List<BulkOperation> operations = new ArrayList<>();
    for (var document : documents.entrySet()) {
      String index =
          IntelligenceIndex.name(
              generation, Instant.parse((String) document.getValue().get("observedAt")));
      operations.add(BulkOperation.of(b -> b.delete(d -> d.index(index).id(document.getKey()))));
    }
    client.bulk(BulkRequest.of(b -> b.operations(operations).refresh(Refresh.True)));
  }

  private static int liveGeneration(ElasticsearchClient client) throws IOException {
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
}
