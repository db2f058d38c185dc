package uk.crossline.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Decides which real components this build's tests use, starting them if none run yet. */
final class StackResolver {

  private static final Duration START_TIMEOUT = Duration.ofMinutes(6);

  private StackResolver() {}

  static CrosslineStack resolve() {
    String named =
        System.getProperty("crossline.stack.file", System.getenv("CROSSLINE_STACK_FILE"));
    if (named != null && !named.isBlank()) {
      CrosslineStack stack = StackFile.read(Path.of(named));
      if (!isHealthy(stack)) {
        throw new IllegalStateException(
            "the stack named by " + named + " does not answer; is ./crossline up still running?");
      }
      return stack;
    }
    Path root = RepositoryRoot.find();
    Path testStackFile = root.resolve(".crossline/test/stack.env");
    if (Files.isRegularFile(testStackFile)) {
      CrosslineStack stack = StackFile.read(testStackFile);
      if (isHealthy(stack)) {
        return stack;
      }
    }
    if (ContainerStack.dockerAvailable()) {
      return ContainerStack.start(root);
    }
    return startLocalTestStack(root, testStackFile);
  }

  private static CrosslineStack startLocalTestStack(Path root, Path stackFile) {
    Path log = root.resolve(".crossline/test-stack-start.log");
    System.out.println(
        "[crossline] no Docker engine and no test stack running: starting one with"
            + " './crossline up --env test' (log: "
            + log
            + ")");
    try {
      Files.createDirectories(log.getParent());
      // The child's output goes to a file: a forked test JVM's stdout belongs to Surefire.
      Process process =
          new ProcessBuilder(root.resolve("crossline").toString(), "up", "--env", "test")
              .directory(root.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      if (!process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroy();
        throw new IllegalStateException("the test stack did not start in " + START_TIMEOUT);
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            "./crossline up --env test failed; see " + log + ":\n" + Files.readString(log));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the test stack", e);
    }
    return StackFile.read(stackFile);
  }

  /** All three components answer: a broker port, the cluster health, the realm's discovery. */
  static boolean isHealthy(CrosslineStack stack) {
    return kafkaAnswers(stack.kafkaBootstrapServers())
        && httpOk(stack.elasticsearchUrl().resolve("/_cluster/health"))
        && httpOk(URI.create(stack.issuer() + "/.well-known/openid-configuration"));
  }

  private static boolean kafkaAnswers(String bootstrapServers) {
    String first = bootstrapServers.split(",")[0];
    int colon = first.lastIndexOf(':');
    try (var socket = new Socket()) {
      socket.connect(
          new InetSocketAddress(
              first.substring(0, colon), Integer.parseInt(first.substring(colon + 1))),
          2000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean httpOk(URI uri) {
    try (HttpClient client =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
      var request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build();
      return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
