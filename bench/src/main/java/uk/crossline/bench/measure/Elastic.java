package uk.crossline.bench.measure;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import uk.crossline.model.projection.IntelligenceIndex;

/** Elasticsearch's REST API, as far as the benchmark needs it: no client library in between. */
public final class Elastic {

  private static final String NDJSON = "application/x-ndjson";
  private static final String JSON = "application/json";

  private final URI base;
  private final Http http;

  public Elastic(URI base, Http http) {
    this.base = URI.create(base.toString().replaceAll("/+$", ""));
    this.http = http;
  }

  URI uri(String path) {
    return URI.create(base + path);
  }

  /** Documents in the hub's read alias (0 while it does not exist yet). */
  public long hubCount() {
    return count(IntelligenceIndex.READ_ALIAS);
  }

  long count(String index) {
    Http.Answer answer = http.get(uri("/" + index + "/_count"), null);
    if (answer.status() == 404) {
      return 0;
    }
    require(answer, "count " + index);
    return answer.json().path("count").asLong();
  }

  /** Sends one bulk body; the number of items that failed. */
  int bulk(String ndjson) {
    Http.Answer answer = http.send("POST", uri("/_bulk"), null, NDJSON, ndjson);
    require(answer, "bulk");
    JsonNode body = answer.json();
    if (!body.path("errors").asBoolean()) {
      return 0;
    }
    int failed = 0;
    for (JsonNode item : body.path("items")) {
      JsonNode result = item.values().iterator().next();
      if (result.path("status").asInt() >= 300) {
        failed++;
      }
    }
    return failed;
  }

  /**
   * For each word, whether a document of the hub's projection has it in its summary: one
   * multi-search of counts, cheap enough to ask ten times a second.
   */
  java.util.List<Boolean> summariesContain(java.util.List<String> words) {
    StringBuilder body = new StringBuilder();
    for (String word : words) {
      body.append("{\"index\":\"").append(IntelligenceIndex.READ_ALIAS).append("\"}\n");
      body.append("{\"size\":0,\"track_total_hits\":true,\"query\":{\"match\":{\"summary\":")
          .append(Http.JSON.writeValueAsString(word))
          .append("}}}\n");
    }
    Http.Answer answer = http.send("POST", uri("/_msearch"), null, NDJSON, body.toString());
    require(answer, "msearch");
    java.util.List<Boolean> found = new java.util.ArrayList<>();
    for (JsonNode response : answer.json().path("responses")) {
      found.add(response.path("hits").path("total").path("value").asLong() > 0);
    }
    return found;
  }

  /** When the intake made an event and when the indexer projected it, in epoch milliseconds. */
  public record Stamps(long submittedAt, long indexedAt) {}

  /**
   * For each word, the stamps of the document whose summary has it, when there is one: one
   * multi-search, for after a run.
   */
  java.util.List<java.util.Optional<Stamps>> stampsOf(java.util.List<String> words) {
    java.util.List<java.util.Optional<Stamps>> stamps = new java.util.ArrayList<>();
    if (words.isEmpty()) {
      return stamps;
    }
    StringBuilder body = new StringBuilder();
    for (String word : words) {
      body.append("{\"index\":\"").append(IntelligenceIndex.READ_ALIAS).append("\"}\n");
      body.append("{\"size\":1,\"_source\":[\"submittedAt\",\"indexedAt\"],")
          .append("\"query\":{\"match\":{\"summary\":")
          .append(Http.JSON.writeValueAsString(word))
          .append("}}}\n");
    }
    Http.Answer answer = http.send("POST", uri("/_msearch"), null, NDJSON, body.toString());
    require(answer, "msearch");
    for (JsonNode response : answer.json().path("responses")) {
      JsonNode source = response.path("hits").path("hits").path(0).path("_source");
      stamps.add(
          source.has("submittedAt") && source.has("indexedAt")
              ? java.util.Optional.of(
                  new Stamps(
                      java.time.Instant.parse(source.path("submittedAt").asString()).toEpochMilli(),
                      java.time.Instant.parse(source.path("indexedAt").asString()).toEpochMilli()))
              : java.util.Optional.empty());
    }
    return stamps;
  }

  JsonNode search(String index, String body) {
    Http.Answer answer = http.send("POST", uri("/" + index + "/_search"), null, JSON, body);
    require(answer, "search " + index);
    return answer.json();
  }

  /** Every document's source in the hub's read alias, up to {@code limit}, as compact JSON. */
  public List<Source> hubDocuments(int limit) {
    List<Source> sources = new ArrayList<>();
    Http.Answer answer =
        http.send(
            "POST",
            uri("/" + IntelligenceIndex.READ_ALIAS + "/_search?scroll=1m"),
            null,
            JSON,
            "{\"size\":5000,\"sort\":[\"_doc\"]}");
    require(answer, "scroll the projection");
    JsonNode page = answer.json();
    while (true) {
      JsonNode hits = page.path("hits").path("hits");
      if (hits.isEmpty() || sources.size() >= limit) {
        break;
      }
      for (JsonNode hit : hits) {
        if (sources.size() < limit) {
          sources.add(
              new Source(
                  hit.path("_id").asString(), Http.JSON.writeValueAsString(hit.path("_source"))));
        }
      }
      String scrollId = page.path("_scroll_id").asString();
      Http.Answer next =
          http.send(
              "POST",
              uri("/_search/scroll"),
              null,
              JSON,
              "{\"scroll\":\"1m\",\"scroll_id\":\"" + scrollId + "\"}");
      require(next, "scroll");
      page = next.json();
    }
    return sources;
  }

  /** A document's id and its source as compact JSON. */
  public record Source(String id, String json) {}

  /** The mappings of one index behind the read alias. */
  JsonNode hubMappings() {
    Http.Answer answer = http.get(uri("/" + IntelligenceIndex.READ_ALIAS + "/_mapping"), null);
    require(answer, "mappings");
    return answer.json().values().iterator().next().path("mappings");
  }

  void createIndex(String name, String body) {
    require(http.send("PUT", uri("/" + name), null, JSON, body), "create " + name);
  }

  /** Deletes an index of the benchmark's own, by its exact name. */
  void deleteIndex(String name) {
    http.send("DELETE", uri("/" + name), null, null, null);
  }

  void refresh(String index) {
    require(http.send("POST", uri("/" + index + "/_refresh"), null, null, null), "refresh");
  }

  /** The version of the node (the test distribution has no root endpoint to ask). */
  /**
   * Elasticsearch's own running totals over every index (milliseconds and counts of indexing,
   * queries, fetches, refreshes, merges and flushes), to say after a stage where its time went.
   */
  public java.util.Map<String, Long> workTotals() {
    Http.Answer answer =
        http.get(uri("/_stats/indexing,search,refresh,merge,flush,query_cache"), null);
    require(answer, "stats");
    JsonNode total = answer.json().path("_all").path("total");
    java.util.Map<String, Long> totals = new java.util.LinkedHashMap<>();
    totals.put("indexMs", total.path("indexing").path("index_time_in_millis").asLong());
    totals.put("indexed", total.path("indexing").path("index_total").asLong());
    totals.put("queryMs", total.path("search").path("query_time_in_millis").asLong());
    totals.put("queries", total.path("search").path("query_total").asLong());
    totals.put("fetchMs", total.path("search").path("fetch_time_in_millis").asLong());
    totals.put("refreshMs", total.path("refresh").path("total_time_in_millis").asLong());
    totals.put("refreshes", total.path("refresh").path("total").asLong());
    totals.put("mergeMs", total.path("merges").path("total_time_in_millis").asLong());
    totals.put("merges", total.path("merges").path("total").asLong());
    totals.put("flushMs", total.path("flush").path("total_time_in_millis").asLong());
    // The filter cache: whether the access filters were answered from it or computed again.
    totals.put("filterCacheHits", total.path("query_cache").path("hit_count").asLong());
    totals.put("filterCacheMisses", total.path("query_cache").path("miss_count").asLong());
    totals.put("filterCacheEvictions", total.path("query_cache").path("evictions").asLong());
    return totals;
  }

  /** What each of {@link #workTotals()} grew by between two readings. */
  public static java.util.Map<String, Long> growth(
      java.util.Map<String, Long> before, java.util.Map<String, Long> after) {
    java.util.Map<String, Long> grown = new java.util.LinkedHashMap<>();
    after.forEach((name, value) -> grown.put(name, value - before.getOrDefault(name, 0L)));
    return grown;
  }

  public String version() {
    Http.Answer answer = http.get(uri("/_nodes/_local?filter_path=nodes.*.version"), null);
    require(answer, "version");
    return answer.json().path("nodes").values().iterator().next().path("version").asString();
  }

  private static void require(Http.Answer answer, String what) {
    if (!answer.ok()) {
      throw new IllegalStateException(
          "Elasticsearch: "
              + what
              + " answered "
              + answer.status()
              + " "
              + abbreviate(answer.body()));
    }
  }

  static String abbreviate(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "..." : text;
  }
}
