package uk.crossline.drills.fault;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import uk.crossline.model.projection.IntelligenceIndex;

/**
 * The projection as search reads it, through its alias, over Elasticsearch's REST API; and the
 * flood-stage block Elasticsearch sets when its disk is nearly full, set and lifted by hand.
 */
final class Projection {

  /** The block Elasticsearch sets on every index of a node past its flood-stage watermark. */
  static final String FLOOD_STAGE_BLOCK = "index.blocks.read_only_allow_delete";

  /** At most this many event ids in one search (the result window is 10,000 hits). */
  private static final int PAGE = 2_000;

  private final URI elasticsearch;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  Projection(URI elasticsearch) {
    this.elasticsearch = elasticsearch;
  }

  /**
   * How many documents search finds for each of the events (an event without one is left out): one
   * means searchable exactly once; two would be a copy in two monthly indices.
   */
  Map<String, Integer> copiesPerEvent(Collection<String> eventIds) throws Exception {
    call("POST", "/" + IntelligenceIndex.READ_ALIAS + "/_refresh", null);
    Map<String, Integer> copies = new TreeMap<>();
    List<String> ids = List.copyOf(eventIds);
    for (int from = 0; from < ids.size(); from += PAGE) {
      List<String> page = ids.subList(from, Math.min(ids.size(), from + PAGE));
      ObjectNode query = SteadyLoad.JSON.createObjectNode();
      query.put("size", page.size() * 2);
      query.put("_source", false);
      var values = query.putObject("query").putObject("ids").putArray("values");
      page.forEach(values::add);
      JsonNode answer =
          call("POST", "/" + IntelligenceIndex.READ_ALIAS + "/_search", query.toString());
      for (JsonNode hit : answer.path("hits").path("hits")) {
        copies.merge(hit.path("_id").asString(), 1, Integer::sum);
      }
    }
    return copies;
  }

  /** Sets the flood-stage block on every index search reads, as Elasticsearch would. */
  void setFloodStageBlock() throws Exception {
    call("PUT", "/" + IntelligenceIndex.READ_ALIAS + "/_settings", blockSetting("true"));
  }

  /**
   * Lifts the block from every index of the projection, of every generation (what an operator does
   * once disk is freed; Elasticsearch 8 also lifts it itself when usage falls).
   */
  void liftFloodStageBlock() throws Exception {
    call("PUT", "/" + IntelligenceIndex.allGenerations() + "/_settings", blockSetting(null));
  }

  /** The indices of the projection that carry the block. */
  List<String> blockedIndices() throws Exception {
    JsonNode settings =
        call(
            "GET",
            "/"
                + IntelligenceIndex.allGenerations()
                + "/_settings/"
                + FLOOD_STAGE_BLOCK
                + "?flat_settings=true",
            null);
    return settings.properties().stream()
        .filter(
            e -> e.getValue().path("settings").path(FLOOD_STAGE_BLOCK).asString().equals("true"))
        .map(Map.Entry::getKey)
        .toList();
  }

  private static String blockSetting(String value) {
    ObjectNode body = SteadyLoad.JSON.createObjectNode();
    if (value == null) {
      body.putNull(FLOOD_STAGE_BLOCK);
    } else {
      body.put(FLOOD_STAGE_BLOCK, value);
    }
    return body.toString();
  }

  private JsonNode call(String method, String path, String json) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(elasticsearch.resolve(path))
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IOException(method + " " + path + " answered " + response.statusCode());
    }
    return SteadyLoad.JSON.readTree(response.body());
  }
}
