package uk.crossline.drills.scale;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.crossline.model.projection.IntelligenceIndex;
import uk.crossline.testsupport.CrosslineStack;

/** The projection as search reads it (through the alias), for the drill's batch only. */
final class Projection {

  /** One document: the event id, the revision it holds, its status and summary. */
  record Document(String eventId, long version, String status, String summary) {}

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http = HttpClient.newHttpClient();
  private final URI alias =
      CrosslineStack.get().elasticsearchUrl().resolve("/" + IntelligenceIndex.READ_ALIAS + "/");

  /** Every document of the batch, active or retracted, once refreshed (at most 10,000). */
  List<Document> documents(String batch) throws IOException, InterruptedException {
    send(
        HttpRequest.newBuilder(alias.resolve("_refresh"))
            .POST(HttpRequest.BodyPublishers.noBody()));
    String query =
        """
        {"size": 10000, "version": true, "track_total_hits": true,
         "_source": ["eventId", "version", "status", "summary"],
         "query": {"prefix": {"originRefHash": "%s"}}}"""
            .formatted(batch);
    JsonNode answer =
        JSON.readTree(
            send(
                HttpRequest.newBuilder(alias.resolve("_search"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(query))));
    List<Document> documents = new ArrayList<>();
    for (JsonNode hit : answer.path("hits").path("hits")) {
      JsonNode source = hit.path("_source");
      documents.add(
          new Document(
              hit.path("_id").asString(),
              hit.path("_version").asLong(),
              source.path("status").asString(),
              source.path("summary").asString("")));
    }
    return documents;
  }

  private String send(HttpRequest.Builder request) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(
          "Elasticsearch answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }
}
