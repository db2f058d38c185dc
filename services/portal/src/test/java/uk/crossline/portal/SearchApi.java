package uk.crossline.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.crossline.testsupport.DemoTokens;

/**
 * The real search API of the {@link RunningHub} asked as a demo user with that user's token,
 * outside the browser: to wait for the indexer's lag after seeding, and to check what the hub holds
 * after a page has changed it.
 */
final class SearchApi {

  /** The purpose of the tests' own consultations (each one is audited like any other). */
  private static final String PURPOSE = "Portal test setup";

  /** How long the indexer may take to make a seeded report visible. */
  private static final Duration INDEXER_LAG = Duration.ofSeconds(60);

  private SearchApi() {}

  /** The answer to this path and query (the purpose is added) as the user; asserts a 200. */
  static JsonNode get(DemoTokens tokens, String user, String pathAndQuery) throws Exception {
    HttpResponse<String> response = send(tokens, user, pathAndQuery);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JsonMapper.builder().build().readTree(response.body());
  }

  /** The search API's answer to these words, as the user sees it. */
  static JsonNode search(DemoTokens tokens, String user, String words) throws Exception {
    return get(
        tokens, user, "/api/v1/search?q=" + URLEncoder.encode(words, StandardCharsets.UTF_8));
  }

  /** Waits until the search API finds exactly this many reports with the words for the user. */
  static void awaitTotal(DemoTokens tokens, String user, String words, long total) {
    await()
        .atMost(INDEXER_LAG)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> search(tokens, user, words).path("total").asLong() == total);
  }

  /** Waits until the search API shows the user exactly one report with the words; returns it. */
  static JsonNode awaitOne(DemoTokens tokens, String user, String words) throws Exception {
    awaitTotal(tokens, user, words, 1);
    return search(tokens, user, words).path("hits").get(0);
  }

  /** Waits until the user may open the report through the search API (the indexer's lag). */
  static void awaitVisible(DemoTokens tokens, String user, String eventId) {
    await()
        .atMost(INDEXER_LAG)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> send(tokens, user, "/api/v1/events/" + eventId).statusCode() == 200);
  }

  private static HttpResponse<String> send(DemoTokens tokens, String user, String pathAndQuery)
      throws Exception {
    String purpose = "purpose=" + URLEncoder.encode(PURPOSE, StandardCharsets.UTF_8);
    String address = pathAndQuery + (pathAndQuery.contains("?") ? "&" : "?") + purpose;
    try (HttpClient http = HttpClient.newHttpClient()) {
      return http.send(
          HttpRequest.newBuilder(RunningHub.get().search.url().resolve(address))
              .header("Authorization", "Bearer " + tokens.accessToken(user))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }
  }
}
