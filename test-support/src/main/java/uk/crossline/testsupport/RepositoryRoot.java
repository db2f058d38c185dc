package uk.crossline.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the checkout, where the {@code crossline} script and {@code infra/} live. */
final class RepositoryRoot {

  private RepositoryRoot() {}

  static Path find() {
    String configured = System.getProperty("crossline.repository.root");
    if (configured != null && isRoot(Path.of(configured))) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (isRoot(dir)) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "cannot find the Crossline checkout (a folder holding ./crossline and infra/) above "
            + Path.of("").toAbsolutePath());
  }

  private static boolean isRoot(Path dir) {
    return Files.isRegularFile(dir.resolve("crossline")) && Files.isDirectory(dir.resolve("infra"));
  }
}
