package uk.crossline.bench.measure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Elasticsearch bulk ceiling on this machine: the hub's own documents, read back from the
 * projection, written to an index of the benchmark's own with the projection's mappings and index
 * settings, in bulks of the indexer's batch size by as many writers as the indexer has, with no
 * external versions, no lookups and no forced refreshes. Timed until they are searchable.
 */
public final class RawElasticsearch {

  static final String INDEX = "bench-raw-bulk";

  /** The indexer's max.poll.records and listener concurrency, so the ceiling is like for like. */
  static final int BULK_SIZE = 1_000;

  static final int WRITERS = 2;

  public record Result(
      long documents, double seconds, long failed, double averageBytes, int indices) {

    public double documentsPerSecond() {
      return documents / seconds;
    }

    public Map<String, Object> figures() {
      Map<String, Object> figures = new LinkedHashMap<>();
      figures.put("documents", documents);
      figures.put("averageSourceBytes", Latencies.round(averageBytes));
      figures.put("bulkSize", BULK_SIZE);
      figures.put("writers", WRITERS);
      figures.put("indices", indices);
      figures.put("seconds", Latencies.round(seconds));
      figures.put("documentsPerSecond", Latencies.round(documentsPerSecond()));
      figures.put("failedItems", failed);
      return figures;
    }
  }

  private final Elastic elastic;
  private final Progress progress;

  public RawElasticsearch(Elastic elastic, Progress progress) {
    this.elastic = elastic;
    this.progress = progress;
  }

  /**
   * @param monthly one index per month observed, as the hub lays its projection out, instead of one
   *     index for all: the cost of that layout, apart from the rest of the hub's
   */
  public Result run(List<Elastic.Source> documents, boolean monthly) throws Exception {
    Set<String> indices = new TreeSet<>();
    for (Elastic.Source document : documents) {
      indices.add(indexOf(document, monthly));
    }
    ObjectNode body = Http.JSON.createObjectNode();
    body.putObject("settings")
        .put("number_of_shards", 1)
        .put("number_of_replicas", 0)
        .put("refresh_interval", "1s");
    body.set("mappings", elastic.hubMappings());
    for (String index : indices) {
      elastic.deleteIndex(index);
      elastic.createIndex(index, Http.JSON.writeValueAsString(body));
    }
    List<String> bulks = new ArrayList<>();
    for (int i = 0; i < documents.size(); i += BULK_SIZE) {
      StringBuilder bulk = new StringBuilder();
      for (Elastic.Source document :
          documents.subList(i, Math.min(documents.size(), i + BULK_SIZE))) {
        bulk.append("{\"index\":{\"_index\":\"")
            .append(indexOf(document, monthly))
            .append("\",\"_id\":\"")
            .append(document.id())
            .append("\"}}\n")
            .append(document.json())
            .append('\n');
      }
      bulks.add(bulk.toString());
    }
    double average = documents.stream().mapToInt(d -> d.json().length()).average().orElse(0);
    progress.line(
        "%,d documents of %.0f bytes on average, bulks of %d, %d writers, %d index(es)",
        documents.size(), average, BULK_SIZE, WRITERS, indices.size());
    AtomicLong failed = new AtomicLong();
    long started = System.nanoTime();
    try (ExecutorService writers = Executors.newFixedThreadPool(WRITERS)) {
      List<Future<?>> done = new ArrayList<>();
      for (String bulk : bulks) {
        done.add(writers.submit(() -> failed.addAndGet(elastic.bulk(bulk))));
      }
      for (Future<?> future : done) {
        future.get();
      }
    }
    // Searchable, as the hub's figure is: the indices refresh each second, the last bulk waits.
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (elastic.count(INDEX + "*") < documents.size() - failed.get()
        && System.nanoTime() < deadline) {
      Thread.sleep(100); // sampling the count; there is no event to wait on
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    for (String index : indices) {
      elastic.deleteIndex(index);
    }
    return new Result(
        documents.size() - failed.get(), seconds, failed.get(), average, indices.size());
  }

  /** The benchmark's index for the document: the one index, or that of its month observed. */
  static String indexOf(Elastic.Source document, boolean monthly) {
    if (!monthly) {
      return INDEX;
    }
    String observed = Http.JSON.readTree(document.json()).path("observedAt").asString("");
    return INDEX + "-" + (observed.length() >= 7 ? observed.substring(0, 7) : "none");
  }
}
