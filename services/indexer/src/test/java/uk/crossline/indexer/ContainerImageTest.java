package uk.crossline.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The container image configuration of the root pom (jib-maven-plugin), as built for this module:
 * the build's image-check profile writes the image to a tar on the empty {@code scratch} base, so
 * this runs offline; every service's image comes from the same configuration. And
 * docker-compose.yml runs each service's image on the port that service listens on.
 */
class ContainerImageTest {

  private static final Path IMAGE =
      Path.of(System.getProperty("basedir", ""), "target", "image-check", "image.tar");

  private static Map<String, byte[]> entries;
  private static JsonNode manifest;
  private static JsonNode config;

  @BeforeAll
  static void readTheImage() throws IOException {
    assertThat(IMAGE)
        .as("the image tar the build's image-check profile writes (run through Maven)")
        .exists();
    entries = untar(Files.newInputStream(IMAGE));
    JsonMapper json = JsonMapper.builder().build();
    manifest = json.readTree(entries.get("manifest.json")).get(0);
    config = json.readTree(entries.get(manifest.get("Config").asString()));
  }

  @Test
  void runsAsANumericUserThatIsNotRoot() {
    String user = config.at("/config/User").asString();

    assertThat(user).matches("\\d+:\\d+");
    assertThat(Integer.parseInt(user.substring(0, user.indexOf(':')))).isPositive();
    assertThat(Integer.parseInt(user.substring(user.indexOf(':') + 1))).isPositive();
  }

  @Test
  void startsTheIndexerWithMemorySizedByTheContainer() {
    List<String> entrypoint = strings(config.at("/config/Entrypoint"));

    assertThat(entrypoint.getFirst()).isEqualTo("java");
    assertThat(entrypoint)
        .contains("-XX:+ExitOnOutOfMemoryError")
        .anyMatch(flag -> flag.startsWith("-XX:MaxRAMPercentage="))
        .noneMatch(flag -> flag.startsWith("-Xmx"));
    assertThat(entrypoint.getLast()).isEqualTo(IndexerApplication.class.getName());
  }

  @Test
  void exposesThePortTheIndexerListensOn() {
    YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(new ClassPathResource("application.yml"));
    String port = yaml.getObject().getProperty("server.port");

    assertThat(port).isNotBlank();
    assertThat(names(config.at("/config/ExposedPorts").propertyNames()))
        .containsExactly(port + "/tcp");
  }

  @Test
  void isNamedAndLabelledAfterTheServiceAndItsVersion() {
    String tag = manifest.at("/RepoTags/0").asString();

    assertThat(tag).startsWith("crossline/indexer:");
    String version = tag.substring("crossline/indexer:".length());
    assertThat(config.at("/config/Labels/org.opencontainers.image.version").asString())
        .isEqualTo(version)
        .isNotBlank();
    assertThat(config.at("/config/Labels/org.opencontainers.image.title").asString())
        .isEqualTo("Crossline indexer");
  }

  @Test
  void carriesTheClassesAndEachDependencyInLayersOfTheirOwn() throws IOException {
    List<String> layers = strings(manifest.get("Layers"));
    List<List<String>> files = new ArrayList<>();
    for (String layer : layers) {
      files.add(
          List.copyOf(
              untar(new GZIPInputStream(new ByteArrayInputStream(entries.get(layer)))).keySet()));
    }

    String main = "app/classes/" + IndexerApplication.class.getName().replace('.', '/') + ".class";
    List<String> classes = layerWith(files, main);
    List<String> libraries = layerWith(files, "app/libs/kafka-clients-");
    List<String> ownLibraries = layerWith(files, "app/libs/shared-model-");
    assertThat(classes).noneMatch(file -> file.startsWith("app/libs/"));
    assertThat(libraries).noneMatch(file -> file.startsWith("app/classes/"));
    assertThat(ownLibraries).isNotSameAs(libraries).isNotSameAs(classes);
    assertThat(layerWith(files, "app/resources/application.yml")).isNotSameAs(classes);
    assertThat(layerWith(files, "app/jib-classpath-file")).isNotEmpty();
  }

  @Test
  void composeRunsEveryServiceFromItsImageOnThePortItListensOn() throws IOException {
    Path root = Path.of(System.getProperty("basedir", "")).toAbsolutePath().resolve("../..");
    Map<String, Object> compose;
    try (InputStream file = Files.newInputStream(root.resolve("docker-compose.yml"))) {
      compose = new Yaml().load(file);
    }
    Map<?, ?> services = (Map<?, ?>) compose.get("services");

    for (String service : List.of("intake", "indexer", "search", "alerts", "portal")) {
      Path module = root.resolve("services").resolve(service);
      YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
      yaml.setResources(
          new FileSystemResource(module.resolve("src/main/resources/application.yml")));
      String port = yaml.getObject().getProperty("server.port");
      String pom = Files.readString(module.resolve("pom.xml"));
      Map<?, ?> container = (Map<?, ?>) services.get(service);

      assertThat(pom).as(service).contains("<crossline.image.port>" + port + "<");
      assertThat(container).as(service).isNotNull();
      assertThat((String) container.get("image")).startsWith("crossline/" + service + ":");
      assertThat(String.valueOf(((Map<?, ?>) container.get("environment")).get("SERVER_PORT")))
          .as(service)
          .isEqualTo(port);
      assertThat(((List<?>) container.get("ports")).stream().map(String::valueOf).toList())
          .as(service)
          .containsExactly("127.0.0.1:" + port + ":" + port);
      assertThat(container.get("healthcheck")).as(service).isNotNull();
    }
  }

  private static List<String> layerWith(List<List<String>> layers, String prefix) {
    return layers.stream()
        .filter(layer -> layer.stream().anyMatch(file -> file.startsWith(prefix)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no layer holds " + prefix));
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asString()));
    return values;
  }

  private static List<String> names(Iterable<String> names) {
    List<String> values = new ArrayList<>();
    names.forEach(values::add);
    return values;
  }

  /** The regular files of a tar archive by name (without a leading "./"), in archive order. */
  private static Map<String, byte[]> untar(InputStream archive) throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (archive) {
      byte[] header = new byte[512];
      while (archive.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
        String name = field(header, 0, 100);
        String prefix = field(header, 345, 155);
        if (!prefix.isEmpty()) {
          name = prefix + "/" + name;
        }
        String octal = field(header, 124, 12).trim();
        long size = octal.isEmpty() ? 0 : Long.parseLong(octal, 8);
        byte[] content = archive.readNBytes((int) size);
        archive.skipNBytes((512 - size % 512) % 512);
        char type = (char) header[156];
        if (type == '0' || type == 0) {
          files.put(name.startsWith("./") ? name.substring(2) : name, content);
        }
      }
    }
    return files;
  }

  private static String field(byte[] header, int offset, int length) {
    int end = offset;
    while (end < offset + length && header[end] != 0) {
      end++;
    }
    return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
  }
}
