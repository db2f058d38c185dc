package uk.crossline.testsupport;

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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One of the hub's services as its own operating-system process, from the jar this build packaged,
 * against the test stack: for tests that need a service of another module running (the portal's
 * browser tests), or that kill one as a crash would (SIGKILL, nothing closed) and start it again.
 */
public final class ServiceProcess implements AutoCloseable {

  private static final Duration READY_WITHIN = Duration.ofSeconds(180);

  private final String name;
  private final Process process;
  private final int port;
  private final Path log;
  private final Duration startup;

  private ServiceProcess(String name, Process process, int port, Path log, long launched) {
    this.name = name;
    this.process = process;
    this.port = port;
    this.log = log;
    this.startup = Duration.ofNanos(System.nanoTime() - launched);
  }

  /**
   * Starts the service of {@code services/<module>} on a free port with the stack's addresses and
   * these arguments ({@code --name=value}), and returns once it is ready.
   *
   * @throws IllegalStateException when its jar was not built or it does not become ready
   */
  public static ServiceProcess start(String module, List<String> arguments) {
    return start(module, List.of("-Xmx384m"), arguments);
  }

  /**
   * As {@link #start(String, List)}, with these JVM options (a heap of its own, say) instead of the
   * default {@code -Xmx384m}.
   */
  public static ServiceProcess start(
      String module, List<String> jvmOptions, List<String> arguments) {
    CrosslineStack stack = CrosslineStack.get();
    long launched = System.nanoTime();
    Path jar = jarOf(module);
    try {
      int port = freePort();
      Path logs = Files.createDirectories(Path.of("target", "service-logs"));
      Path log = Files.createTempFile(logs, module + "-", ".log");
      // jvmOptions first: they go before -jar.
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(jvmOptions);
      command.addAll(
          List.of(
              // Two cores shared by the whole build: one GC thread, a quick compiler.
              "-XX:+UseSerialGC",
              "-XX:TieredStopAtLevel=1",
              "-jar",
              jar.toString(),
              "--server.port=" + port,
              "--server.address=127.0.0.1",
              "--spring.kafka.bootstrap-servers=" + stack.kafkaBootstrapServers(),
              "--crossline.elasticsearch.url=" + stack.elasticsearchUrl(),
              "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + stack.issuer()));
      command.addAll(arguments);
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      try {
        awaitReady(module, process, port, log);
      } catch (RuntimeException e) {
        // Never left behind, still consuming and posting, when it did not become ready.
        process.destroyForcibly();
        throw e;
      }
      return new ServiceProcess(module, process, port, log, launched);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The packaged jar of {@code services/<module>}. */
  public static Path jarOf(String module) {
    Path target = RepositoryRoot.find().resolve("services").resolve(module).resolve("target");
    try (var files = Files.list(target)) {
      return files
          .filter(p -> p.getFileName().toString().matches(module + "-[0-9].*\\.jar"))
          .filter(p -> !p.getFileName().toString().endsWith("-plain.jar"))
          .findFirst()
          .orElseThrow();
    } catch (IOException | java.util.NoSuchElementException e) {
      throw new IllegalStateException(
          "services/"
              + module
              + " is not packaged: build it first (mvn -pl services/"
              + module
              + " -am package -DskipTests)");
    }
  }

  /** The module it runs, e.g. {@code intake}. */
  public String name() {
    return name;
  }

  public int port() {
    return port;
  }

  /** Where it answers, e.g. http://127.0.0.1:40123. */
  public URI url() {
    return URI.create("http://127.0.0.1:" + port);
  }

  public Path log() {
    return log;
  }

  /** How long it took from launch to ready. */
  public Duration startup() {
    return startup;
  }

  private static void awaitReady(String name, Process process, int port, Path log) {
    long deadline = System.nanoTime() + READY_WITHIN.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " died on start; see " + log.toAbsolutePath());
      }
      if (status(port, "/actuator/health/readiness") == 200
          && status(port, "/actuator/health") == 200) {
        return;
      }
      try {
        Thread.sleep(500); // polling a starting process; no event to wait on
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while " + name + " started", e);
      }
    }
    throw new IllegalStateException(
        name + " not ready within " + READY_WITHIN + "; see " + log.toAbsolutePath());
  }

  /** The status code of a GET of a path of the service without a token, or 0 if none came. */
  public int status(String path) {
    return status(port, path);
  }

  private static int status(int port, String path) {
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
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
