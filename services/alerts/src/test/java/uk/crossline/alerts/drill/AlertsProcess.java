package uk.crossline.alerts.drill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import uk.crossline.alerts.AlertsApi;
import uk.crossline.testsupport.CrosslineStack;

/**
 * The alerts service as its own operating-system process, from the jar this build packaged: so a
 * test can kill it as a crash would (SIGKILL, nothing closed, no offset committed, no webhook
 * outcome written) and start it again with the same consumer groups.
 *
 * <p>It matches in a group of its own and posts webhooks in a group of its own, so it never takes
 * partitions from another test's instance; its delivery back-off is short, as in the webhook tests.
 */
final class AlertsProcess implements AutoCloseable {

  /**
   * The session timeout of its consumers: a killed member holds its partitions until it expires, so
   * this bounds how long the restarted process waits for them (the client's default is 45 s).
   */
  static final Duration SESSION_TIMEOUT = Duration.ofSeconds(10);

  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

  private final Process process;
  private final int port;
  private final Path log;
  private final HttpClient http = HttpClient.newHttpClient();
  private Duration startup = Duration.ZERO;

  private AlertsProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** How long it took from launch to healthy. */
  Duration startup() {
    return startup;
  }

  /**
   * Starts the process and returns once it is healthy: subscriptions, inbox and webhook deliveries
   * read, so it matches and delivers.
   *
   * @param matchingGroup its matching consumer group ({@code crossline.alerts.group-id})
   * @param webhookGroup its webhook delivery group ({@code crossline.alerts.webhook.group-id})
   * @param name what its log file is called after, in {@code target/}
   */
  static AlertsProcess start(String matchingGroup, String webhookGroup, String name) {
    CrosslineStack stack = CrosslineStack.get();
    long launched = System.nanoTime();
    try {
      int port = freePort();
      Path log = Path.of("target", "alerts-process-" + name + ".log");
      Files.deleteIfExists(log);
      Path jar;
      try (var files = Files.list(Path.of("target"))) {
        jar =
            files
                .filter(p -> p.getFileName().toString().matches("alerts-.*\\.jar"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("package the alerts service first"));
      }
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Process process =
          new ProcessBuilder(
                  List.of(
                      java,
                      // Every instance holds the whole inbox topic in memory: on a shared test
                      // broker that is hundreds of thousands of alerts.
                      "-Xmx1g",
                      // Two cores shared by the whole build: one GC thread.
                      "-XX:+UseSerialGC",
                      "-jar",
                      jar.toString(),
                      "--server.port=" + port,
                      "--server.address=127.0.0.1",
                      // Its access-log chains say which process wrote an entry.
                      "--spring.application.name=crossline-alerts-drill",
                      "--spring.kafka.bootstrap-servers=" + stack.kafkaBootstrapServers(),
                      "--spring.kafka.consumer.properties.session.timeout.ms="
                          + SESSION_TIMEOUT.toMillis(),
                      "--spring.kafka.consumer.properties.heartbeat.interval.ms=2000",
                      "--crossline.elasticsearch.url=" + stack.elasticsearchUrl(),
                      "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + stack.issuer(),
                      "--crossline.alerts.group-id=" + matchingGroup,
                      "--crossline.alerts.webhook.group-id=" + webhookGroup,
                      "--crossline.alerts.webhook.deliver=true",
                      "--crossline.alerts.webhook.allow-local-http=true",
                      "--crossline.alerts.webhook.initial-backoff=200ms",
                      "--crossline.alerts.webhook.max-backoff=2s",
                      "--crossline.alerts.webhook.give-up-after=5m",
                      "--crossline.alerts.webhook.timeout=5s",
                      "--crossline.alerts.webhook.tick=100ms"))
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      var alerts = new AlertsProcess(process, port, log);
      try {
        alerts.awaitHealthy();
      } catch (RuntimeException | Error e) {
        // Not left behind, still matching and posting, when it never became healthy.
        process.destroyForcibly();
        throw e;
      }
      alerts.startup = Duration.ofNanos(System.nanoTime() - launched);
      return alerts;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path log() {
    return log;
  }

  private void awaitHealthy() {
    Awaitility.await("the alerts process to be healthy (log: " + log + ")")
        .atMost(Duration.ofSeconds(180))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              if (!process.isAlive()) {
                throw new IllegalStateException("the alerts process died on start; see " + log);
              }
              return status("/actuator/health/readiness") == 200
                  && status("/actuator/health") == 200;
            });
  }

  /** The status code of a GET without a token, or 0 when the process does not answer. */
  int status(String path) {
    try {
      return http.send(builder(path).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  /** POST with the user's token; the answer's body, or an assertion error naming the status. */
  JsonNode post(String token, String path, String json, int expected) throws Exception {
    return call(
        request(path, token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        expected);
  }

  /** GET with the user's token. */
  JsonNode get(String token, String path) throws Exception {
    return call(request(path, token).GET().build(), 200);
  }

  /**
   * DELETE with the user's token, whatever it answers or if it does not (a test's clean-up, which
   * must not hide why the test failed).
   */
  void delete(String token, String path) throws InterruptedException {
    try {
      http.send(request(path, token).DELETE().build(), HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      // the process is gone; the subscription's webhook gives up in time
    }
  }

  private JsonNode call(HttpRequest request, int expected) throws Exception {
    HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != expected) {
      throw new AssertionError(
          request.method()
              + " "
              + request.uri().getPath()
              + " answered "
              + answer.statusCode()
              + ": "
              + answer.body());
    }
    return AlertsApi.JSON.readTree(answer.body());
  }

  private HttpRequest.Builder request(String path, String token) {
    return builder(path).header("Authorization", "Bearer " + token);
  }

  private HttpRequest.Builder builder(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(CALL_TIMEOUT);
  }

  /** SIGKILL: no shutdown hook, no close, no commit. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    http.close();
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
