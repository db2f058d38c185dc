package uk.crossline.kit.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The low-level client as the kit builds it, against a server that records what it is sent. */
class ElasticsearchRestClientTest {

  private HttpServer server;
  private final List<Optional<String>> authorizations = new CopyOnWriteArrayList<>();

  @BeforeEach
  void serve() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          authorizations.add(
              Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization")));
          byte[] body = "{\"status\":\"green\"}".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.getResponseHeaders().add("X-elastic-product", "Elasticsearch");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void everyRequestCarriesTheApiKey() throws Exception {
    try (RestClient client = client(Optional.of("aWQ6a2V5"))) {
      for (int i = 0; i < 3; i++) {
        Response response = client.performRequest(new Request("GET", "/_cluster/health"));
        assertThat(response.getStatusLine().getStatusCode()).isEqualTo(200);
      }
    }
    assertThat(authorizations).containsOnly(Optional.of("ApiKey aWQ6a2V5")).hasSize(3);
  }

  @Test
  void withoutAnApiKeyNoRequestIsAuthenticated() throws Exception {
    try (RestClient client = client(Optional.empty())) {
      client.performRequest(new Request("GET", "/_cluster/health"));
      client.performRequest(new Request("GET", "/_cluster/health"));
    }
    assertThat(authorizations).containsOnly(Optional.empty()).hasSize(2);
  }

  private RestClient client(Optional<String> apiKey) {
    URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    return new ElasticsearchAutoConfiguration()
        .elasticsearchRestClient(
            new ElasticsearchSettings(url, apiKey, Duration.ofSeconds(2), Duration.ofSeconds(5)));
  }
}
