package uk.crossline.model.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reading the policy files: YAML, strict about duplicate keys (a second value for a key would
 * otherwise silently win), from a stream or from the copy bundled in this jar.
 */
public final class PolicyFiles {

  /** Where the build puts {@code infra/policy/} on the classpath. */
  public static final String CLASSPATH_DIRECTORY = "policy/";

  private static final YAMLMapper YAML =
      YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private PolicyFiles() {}

  /**
   * The file's content as a tree.
   *
   * @param file the file's name, for error messages
   * @throws PolicyFormatException when it is not well-formed YAML or not a mapping
   */
  public static JsonNode read(InputStream yaml, String file) {
    JsonNode tree;
    try {
      tree = YAML.readTree(yaml);
    } catch (JacksonException e) {
      // Policy files hold no personal data, so the parser's own words may be shown.
      throw new PolicyFormatException(
          file, "", "not well-formed YAML: " + e.getOriginalMessage() + " (" + location(e) + ")");
    }
    if (tree == null || !tree.isObject()) {
      throw new PolicyFormatException(file, "", "a policy file is a YAML mapping");
    }
    return tree;
  }

  /** The bundled copy of {@code infra/policy/<file>}, read as {@link #read} does. */
  public static JsonNode bundled(String file) {
    try (InputStream stream =
        PolicyFiles.class.getClassLoader().getResourceAsStream(CLASSPATH_DIRECTORY + file)) {
      if (stream == null) {
        throw new IllegalStateException(
            "the policy file "
                + file
                + " is missing from the classpath ("
                + CLASSPATH_DIRECTORY
                + ")");
      }
      return read(stream, file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String location(JacksonException e) {
    return e.getLocation() == null
        ? "unreadable"
        : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
  }
}
