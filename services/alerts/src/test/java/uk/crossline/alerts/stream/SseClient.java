package uk.crossline.alerts.stream;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
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
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import uk.crossline.alerts.AlertsApi;

/**
 * A Server-Sent Events client as a browser's EventSource is: reads the stream on a real port on a
 * thread of its own, keeps the events and heartbeats it saw, and when the server ends the stream
 * (at the token's expiry, say) reconnects with its last event id and a fresh token, until closed.
 */
final class SseClient implements AutoCloseable {

  /** One event: its id, its name and its data as JSON. */
  record Event(String id, String name, JsonNode data) {}

  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  /** The status of the first connection. */
  final int status;

  final List<Event> events = new CopyOnWriteArrayList<>();
  final AtomicInteger heartbeats = new AtomicInteger();
  final AtomicInteger connections = new AtomicInteger(1);
  private final int port;
  private final Supplier<String> token;
  private volatile InputStream body;
  private volatile boolean closed;

  private SseClient(int port, Supplier<String> token, HttpResponse<InputStream> first) {
    this.port = port;
    this.token = token;
    this.status = first.statusCode();
    this.body = first.body();
    if (status == 200) {
      Thread.ofVirtual().start(this::run);
    }
  }

  /** Connects with the token, and with a last event id as a header or a parameter if given. */
  static SseClient connect(
      int port,
      Supplier<String> token,
      Optional<String> lastEventIdHeader,
      Optional<String> lastEventIdParam)
      throws Exception {
    return connect(
        port,
        token,
        lastEventIdHeader,
        lastEventIdParam
            .map(id -> "?lastEventId=" + URLEncoder.encode(id, StandardCharsets.UTF_8))
            .orElse(""));
  }

  /** Connects with this query string as it is. */
  static SseClient connect(
      int port, Supplier<String> token, Optional<String> lastEventIdHeader, String query)
      throws Exception {
    return new SseClient(port, token, open(port, token.get(), lastEventIdHeader, query));
  }

  private static HttpResponse<InputStream> open(
      int port, String token, Optional<String> lastEventIdHeader, String query) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/v1/alerts/stream" + query))
            .header("Accept", "text/event-stream")
            .timeout(Duration.ofSeconds(10));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    lastEventIdHeader.ifPresent(id -> request.header("Last-Event-ID", id));
    return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
  }

  private void run() {
    while (!closed) {
      read(body);
      if (closed) {
        return;
      }
      try {
        Optional<String> last = events.isEmpty() ? Optional.empty() : Optional.of(lastEventId());
        HttpResponse<InputStream> again = open(port, token.get(), last, "");
        if (again.statusCode() != 200) {
          return;
        }
        body = again.body();
        connections.incrementAndGet();
      } catch (Exception e) {
        return;
      }
    }
  }

  private void read(InputStream stream) {
    String id = null;
    String name = "message";
    StringBuilder data = new StringBuilder();
    try (var lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
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
      // the connection ended
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

  /**
   * The alerts of this subscription about these events, in the order received (other tests may
   * subscribe the same demo user to the same area at the same time).
   */
  List<Event> alertsAbout(String subscriptionId, List<String> eventIds) {
    return alertsAbout(eventIds).stream()
        .filter(e -> e.data().get("subscriptionId").asString().equals(subscriptionId))
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
    closed = true;
    body.close();
  }
}
