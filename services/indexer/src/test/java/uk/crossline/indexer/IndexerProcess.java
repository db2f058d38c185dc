package uk.crossline.indexer;

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
import uk.crossline.testsupport.CrosslineStack;

/**
 * The indexer as its own operating-system process, from the jar this build packaged: so a test can
 * kill it as a crash would (SIGKILL, nothing closed) and start it again.
 */
final class IndexerProcess implements AutoCloseable {

  private final Process process;
  private final int port;
  private final Path log;
  private final String consumerGroup;

  private IndexerProcess(Process process, int port, Path log, String consumerGroup) {
    this.process = process;
    this.port = port;
    this.log = log;
    this.consumerGroup = consumerGroup;
  }

  String consumerGroup() {
    return consumerGroup;
  }

  static IndexerProcess start(String topic, String consumerGroup) {
    CrosslineStack stack = CrosslineStack.get();
    try {
      int port = freePort();
      Path log = Files.createTempFile(Path.of("target"), "indexer-process-", ".log");
      Path jar =
          Files.list(Path.of("target"))
              .filter(p -> p.getFileName().toString().matches("indexer-.*\\.jar"))
              .findFirst()
              .orElseThrow(() -> new IllegalStateException("package the indexer first"));
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Process process =
          new ProcessBuilder(
                  List.of(
                      java,
                      "-Xmx256m",
                      "-jar",
                      jar.toString(),
                      "--server.port=" + port,
                      "--server.address=127.0.0.1",
                      "--spring.kafka.bootstrap-servers=" + stack.kafkaBootstrapServers(),
                      "--crossline.elasticsearch.url=" + stack.elasticsearchUrl(),
                      "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + stack.issuer(),
                      "--crossline.indexer.topic=" + topic,
                      "--crossline.indexer.consumer-group=" + consumerGroup,
                      "--crossline.indexer.retry-max-interval=2s"))
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      var indexer = new IndexerProcess(process, port, log, consumerGroup);
      indexer.awaitReady();
      return indexer;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitReady() {
    org.awaitility.Awaitility.await("the indexer to be ready (log: " + log + ")")
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              if (!process.isAlive()) {
                throw new IllegalStateException("the indexer died on start; see " + log);
              }
              return health("/actuator/health/readiness") == 200;
            });
  }

  /** The status code of an actuator endpoint, or 0 when it does not answer. */
  int health(String path) {
    try (HttpClient http = HttpClient.newHttpClient()) {
      var request =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
              .timeout(Duration.ofSeconds(5))
              .build();
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  /** SIGKILL: no shutdown hook, no close, no commit. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
