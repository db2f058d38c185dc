package uk.crossline.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs {@code ./crossline start|stop <component>} on the local stack, for fault tests. */
final class LocalComponents {

  private LocalComponents() {}

  static void run(String action, String component, String environment) {
    Path root = RepositoryRoot.find();
    try {
      Path log = Files.createTempFile("crossline-" + action + "-" + component, ".log");
      ProcessBuilder builder =
          new ProcessBuilder(
                  root.resolve("crossline").toString(), action, component, "--env", environment)
              .directory(root.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      stackHome(environment)
          .ifPresent(home -> builder.environment().put("CROSSLINE_HOME", home.toString()));
      Process process = builder.start();
      if (!process.waitFor(3, TimeUnit.MINUTES) || process.exitValue() != 0) {
        process.destroy();
        throw new IllegalStateException(
            "./crossline " + action + " " + component + " failed:\n" + Files.readString(log));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Where the stack named by {@code crossline.stack.file} keeps its pid files ({@code
   * <home>/<env>/stack.env}): another checkout's when a worktree's tests use a stack it started,
   * which the worktree's own {@code .crossline} does not know.
   */
  private static Optional<Path> stackHome(String environment) {
    String named =
        System.getProperty("crossline.stack.file", System.getenv("CROSSLINE_STACK_FILE"));
    if (named == null || named.isBlank()) {
      return Optional.empty();
    }
    Path envDir = Path.of(named).toAbsolutePath().normalize().getParent();
    if (envDir == null || !envDir.getFileName().toString().equals(environment)) {
      return Optional.empty();
    }
    return Optional.ofNullable(envDir.getParent());
  }
}
