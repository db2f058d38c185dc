package uk.crossline.alerts.stream;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import uk.crossline.alerts.AlertsApi;

/**
 * A Server-Sent Events client as a browser's EventSource is: reads the stream on a real port on a
 * thread of its own, and keeps the events and the heartbeats it saw.
 */
final class SseClient implements AutoCloseable {

  /** One event: its id, its name and its data as JSON. */
  record Event(String id, String name, JsonNode data) {}

  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  final int status;
  final List<Event> events = new CopyOnWriteArrayList<>();
  final AtomicInteger heartbeats = new AtomicInteger();
  private final InputStream body;

  private SseClient(HttpResponse<InputStream> response) {
    this.status = response.statusCode();
    this.body = response.body();
    if (status == 200) {
      Thread.ofVirtual().start(this::read);
    }
  }

  /** Connects with the token, and with a last event id as a header or a parameter if given. */
  static SseClient connect(
      int port, String token, Optional<String> lastEventIdHeader, Optional<String> lastEventIdParam)
      throws Exception {
    String query =
        lastEventIdParam
            .map(id -> "?lastEventId=" + java.net.URLEncoder.encode(id, StandardCharsets.UTF_8))
            .orElse("");
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/v1/alerts/stream" + query))
            .header("Accept", "text/event-stream")
            .timeout(Duration.ofSeconds(10));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    lastEventIdHeader.ifPresent(id -> request.header("Last-Event-ID", id));
    return new SseClient(
        HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream()));
  }

  private void read() {
    String id = null;
    String name = "message";
    StringBuilder data = new StringBuilder();
    try (var lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.isEmpty()) {
          if (!data.isEmpty()) {
            events.add(new Event(id, name, AlertsApi.JSON.readTree(data.toString())));
          }
          name = "message";
          data.setLength(0);
        } else if (line.startsWith(":")) {
          heartbeats.incrementAndGet();
        } else {
          int colon = line.indexOf(':');
          String field = colon < 0 ? line : line.substring(0, colon);
          String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
          switch (field) {
            case "id" -> id = value;
            case "event" -> name = value;
            case "data" -> data.append(data.isEmpty() ? "" : "\n").append(value);
            default -> {}
          }
        }
      }
    } catch (Exception e) {
      // closed by the test
    }
  }

  /** The alerts received so far, in order. */
  List<Event> alerts() {
    return events.stream().filter(e -> e.name().equals("alert")).toList();
  }

  /** The alerts about these events, in the order received. */
  List<Event> alertsAbout(List<String> eventIds) {
    return alerts().stream()
        .filter(e -> eventIds.contains(e.data().get("eventId").asString()))
        .toList();
  }

  void awaitEvent(Predicate<Event> which) {
    await().atMost(Duration.ofSeconds(60)).until(() -> events.stream().anyMatch(which));
  }

  /** The id the browser would send on reconnecting: the last id received. */
  String lastEventId() {
    return events.getLast().id();
  }

  @Override
  public void close() throws Exception {
    body.close();
  }
}
