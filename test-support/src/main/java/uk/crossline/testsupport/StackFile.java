package uk.crossline.testsupport;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/** Reads the {@code stack.env} file that {@code ./crossline up} writes when its stack is ready. */
final class StackFile {

  private StackFile() {}

  static CrosslineStack read(Path file) {
    var values = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      values.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the stack file " + file, e);
    }
    return new CrosslineStack(
        required(values, "KAFKA_BOOTSTRAP_SERVERS", file),
        URI.create(required(values, "ELASTICSEARCH_URL", file)),
        URI.create(required(values, "KEYCLOAK_URL", file)),
        URI.create(required(values, "KEYCLOAK_ISSUER", file)),
        Optional.of(values.getProperty("CROSSLINE_ENV", "test").trim()));
  }

  private static String required(Properties values, String key, Path file) {
    String value = values.getProperty(key);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(file + " has no " + key);
    }
    return value.trim();
  }
}
