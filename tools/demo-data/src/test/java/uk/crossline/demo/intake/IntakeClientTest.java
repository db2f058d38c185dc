package uk.crossline.demo.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.crossline.demo.report.FormJson;

class IntakeClientTest {

  private HttpServer server;
  private final List<String> bodies = new CopyOnWriteArrayList<>();
  private final List<String> contentTypes = new CopyOnWriteArrayList<>();
  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private volatile int status;
  private volatile String answer;
  private final AtomicInteger unavailableFirst = new AtomicInteger();
  private IntakeClient client;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          contentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
          authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
          int code = unavailableFirst.getAndDecrement() > 0 ? 503 : status;
          byte[] body = (code == 503 ? "{}" : answer).getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(code, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    client =
        new IntakeClient(
            URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
            FormJson.mapper());
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void bulkUploadThenOneFormPerLineAndRefusedRowsNamedByReference() {
    status = 200;
    answer =
        """
        {"rows":3,"accepted":2,"duplicates":0,"rejected":1,
         "errors":[{"row":2,"field":"where.postcode","reason":"lies outside the area"}],
         "errorsTruncated":false}
        """;

    Outcome outcome =
        client.upload(
            "t0ken",
            "police/reports",
            List.of(Map.of("n", 1), Map.of("n", 2), Map.of("n", 3)),
            row -> "REF-" + row);

    assertThat(outcome.accepted()).isEqualTo(2);
    assertThat(outcome.rejected()).isEqualTo(1);
    assertThat(outcome.errors())
        .containsExactly(new Outcome.RowError("REF-2", "where.postcode", "lies outside the area"));
    assertThat(bodies.getFirst().lines()).containsExactly("{\"n\":1}", "{\"n\":2}", "{\"n\":3}");
    assertThat(contentTypes.getFirst()).isEqualTo("application/x-ndjson");
    assertThat(authorizations.getFirst()).isEqualTo("Bearer t0ken");
  }

  @Test
  void singleAlreadyHeldThenCountedAsDuplicate() {
    status = 200;
    answer = "{\"eventId\":\"x\",\"kind\":\"REPORT\",\"revision\":1,\"duplicate\":true}";

    Outcome outcome = client.submit("t", "council/reports", Map.of("n", 1), "REF-1");

    assertThat(outcome.duplicates()).isEqualTo(1);
    assertThat(outcome.accepted()).isZero();
  }

  @Test
  void singleRefusedThenEachFieldAtFaultReported() {
    status = 400;
    answer =
        """
        {"title":"Invalid request","status":400,
         "errors":[{"field":"marking.tlp","reason":"required"},{"field":"summary","reason":"blank"}]}
        """;

    Outcome outcome = client.submit("t", "council/reports", Map.of("n", 1), "REF-9");

    assertThat(outcome.rejected()).isEqualTo(1);
    assertThat(outcome.errors())
        .extracting(Outcome.RowError::field)
        .containsExactly("marking.tlp", "summary");
  }

  @Test
  void intakeStillStartingThenSentAgain() {
    unavailableFirst.set(1);
    status = 201;
    answer = "{\"eventId\":\"x\",\"kind\":\"REPORT\",\"revision\":1,\"duplicate\":false}";

    Outcome outcome = client.submit("t", "police/reports", Map.of("n", 1), "REF-1");

    assertThat(outcome.accepted()).isEqualTo(1);
    assertThat(bodies).hasSize(2);
  }

  @Test
  void tokenRefusedThenLoadingStopsSayingWhy() {
    status = 401;
    answer = "{\"title\":\"Unauthorized\"}";

    assertThatThrownBy(() -> client.upload("t", "police/reports", List.of(Map.of()), r -> "R"))
        .isInstanceOf(LoadFailure.class)
        .hasMessageContaining("HTTP 401");
  }
}
