package uk.crossline.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs {@code ./crossline start|stop <component>} on the local stack, for fault tests. */
final class LocalComponents {

  private LocalComponents() {}

  static void run(String action, String component, String environment) {
    Path root = RepositoryRoot.find();
    try {
      Path log = Files.createTempFile("crossline-" + action + "-" + component, ".log");
      Process process =
          new ProcessBuilder(
                  root.resolve("crossline").toString(), action, component, "--env", environment)
              .directory(root.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
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
}
