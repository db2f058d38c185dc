package uk.crossline.alerts.drill;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import uk.crossline.alerts.AlertsApi;
import uk.crossline.testsupport.DrillArguments;
import uk.crossline.testsupport.ServiceProcess;

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

  private final ServiceProcess service;
  private final HttpClient http = HttpClient.newHttpClient();

  private AlertsProcess(ServiceProcess service) {
    this.service = service;
  }

  /** How long it took from launch to healthy. */
  Duration startup() {
    return service.startup();
  }

  /**
   * Starts the process and returns once it is healthy: subscriptions, inbox and webhook deliveries
   * read, so it matches and delivers.
   *
   * @param matchingGroup its matching consumer group ({@code crossline.alerts.group-id})
   * @param webhookGroup its webhook delivery group ({@code crossline.alerts.webhook.group-id})
   * @param name what its log is named after (it is in {@code target/service-logs})
   */
  static AlertsProcess start(String matchingGroup, String webhookGroup, String name) {
    return new AlertsProcess(
        ServiceProcess.start(
            "alerts",
            // Every instance holds the whole inbox topic in memory: on a shared test broker that
            // is hundreds of thousands of alerts.
            List.of("-Xmx1g"),
            Stream.of(
                    List.of(
                        // Its access-log chains say which process wrote an entry.
                        "--spring.application.name=crossline-alerts-drill-" + name,
                        "--crossline.alerts.group-id=" + matchingGroup,
                        "--crossline.alerts.webhook.group-id=" + webhookGroup),
                    DrillArguments.quickFailover(SESSION_TIMEOUT),
                    DrillArguments.quickWebhooks())
                .flatMap(List::stream)
                .toList()));
  }

  Path log() {
    return service.log();
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

  /** The status code of a GET without a token, or 0 when the process does not answer. */
  int status(String path) {
    return service.status(path);
  }

  private HttpRequest.Builder builder(String path) {
    return HttpRequest.newBuilder(service.url().resolve(path)).timeout(CALL_TIMEOUT);
  }

  /** SIGKILL: no shutdown hook, no close, no commit. */
  void kill() throws InterruptedException {
    service.kill();
  }

  @Override
  public void close() {
    http.close();
    service.close();
  }
}
