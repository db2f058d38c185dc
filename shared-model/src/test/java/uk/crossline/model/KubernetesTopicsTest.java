package uk.crossline.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The cluster's topics (Strimzi {@code KafkaTopic}s in infra/kubernetes) are those of
 * infra/kafka/topics.tsv: the same names and configs, at least as many partitions, three replicas
 * and two in sync for a write (the tsv's replication and min.insync.replicas are for one machine).
 */
class KubernetesTopicsTest {

  private static final Path DEFINITIONS = Path.of("..", "infra", "kafka", "topics.tsv");
  private static final Path KAFKA_TOPICS =
      Path.of("..", "infra", "kubernetes", "kafka", "topics.yaml");
  private static final String MIN_IN_SYNC = "min.insync.replicas";

  @Test
  void theClustersTopicsAreTheTopicsDefinedInInfra() throws IOException {
    var differences = differences(Files.readAllLines(DEFINITIONS), Files.readString(KAFKA_TOPICS));

    assertThat(differences).isEmpty();
  }

  @Test
  void aTopicWhoseConfigDriftedFromTheDefinitionsIsNamed() throws IOException {
    var drifted =
        Files.readAllLines(DEFINITIONS).stream()
            .map(
                line ->
                    line.startsWith(Topics.AUDIT_LOG + "\t")
                        ? line.replace("retention.ms=-1", "retention.ms=86400000")
                        : line)
            .toList();

    var differences = differences(drifted, Files.readString(KAFKA_TOPICS));

    assertThat(differences)
        .containsExactly(
            Topics.AUDIT_LOG + ": retention.ms is -1 in the cluster, 86400000 in topics.tsv");
  }

  @Test
  void aTopicMissingFromTheClusterAndOneTooFewPartitionsAreNamed() throws IOException {
    var definitions = new ArrayList<>(Files.readAllLines(DEFINITIONS));
    definitions.add("crossline.not.in.the.cluster\t3\t1\tcleanup.policy=delete");
    definitions.replaceAll(
        line ->
            line.startsWith(Topics.ALERTS + "\t") ? line.replace("\t3\t1\t", "\t64\t1\t") : line);

    var differences = differences(definitions, Files.readString(KAFKA_TOPICS));

    assertThat(differences)
        .containsExactlyInAnyOrder(
            "crossline.not.in.the.cluster: in topics.tsv, no KafkaTopic",
            Topics.ALERTS + ": 6 partitions in the cluster, fewer than topics.tsv's 64");
  }

  private record Definition(int partitions, Map<String, String> configs) {}

  private static List<String> differences(List<String> tsv, String kafkaTopics) throws IOException {
    Map<String, Definition> defined = new LinkedHashMap<>();
    for (String line : tsv) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] fields = line.split("\t");
      Map<String, String> configs = new LinkedHashMap<>();
      if (fields.length > 3) {
        for (String pair : fields[3].split(",")) {
          configs.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
      }
      defined.put(fields[0], new Definition(Integer.parseInt(fields[1]), configs));
    }

    Map<String, JsonNode> cluster = new LinkedHashMap<>();
    try (var documents = new YAMLMapper().readerFor(JsonNode.class).readValues(kafkaTopics)) {
      while (documents.hasNext()) {
        JsonNode topic = (JsonNode) documents.next();
        if (!topic.isNull() && topic.path("kind").asString("").equals("KafkaTopic")) {
          String name = topic.path("spec").path("topicName").asString("");
          cluster.put(
              name.isEmpty() ? topic.path("metadata").path("name").asString() : name, topic);
        }
      }
    }

    List<String> differences = new ArrayList<>();
    for (String name : new TreeSet<>(cluster.keySet())) {
      if (!defined.containsKey(name)) {
        differences.add(name + ": a KafkaTopic, not in topics.tsv");
      }
    }
    defined.forEach(
        (name, definition) -> {
          JsonNode topic = cluster.get(name);
          if (topic == null) {
            differences.add(name + ": in topics.tsv, no KafkaTopic");
            return;
          }
          JsonNode spec = topic.path("spec");
          int partitions = spec.path("partitions").asInt();
          if (partitions < definition.partitions()) {
            differences.add(
                name
                    + ": "
                    + partitions
                    + " partitions in the cluster, fewer than topics.tsv's "
                    + definition.partitions());
          }
          int replicas = spec.path("replicas").asInt();
          if (replicas != 3) {
            differences.add(name + ": " + replicas + " replicas in the cluster, not 3");
          }
          if (!topic
              .path("metadata")
              .path("labels")
              .path("strimzi.io/cluster")
              .asString("")
              .equals("crossline")) {
            differences.add(name + ": not labelled for the cluster crossline");
          }
          Map<String, String> configs = new LinkedHashMap<>();
          spec.path("config")
              .properties()
              .forEach(e -> configs.put(e.getKey(), e.getValue().asString()));
          if (!"2".equals(configs.remove(MIN_IN_SYNC))) {
            differences.add(name + ": " + MIN_IN_SYNC + " is not 2 in the cluster");
          }
          Map<String, String> expected = new LinkedHashMap<>(definition.configs());
          expected.remove(MIN_IN_SYNC);
          expected.forEach(
              (key, value) -> {
                if (!configs.containsKey(key)) {
                  differences.add(name + ": " + key + " missing in the cluster");
                } else if (!configs.get(key).equals(value)) {
                  differences.add(
                      name
                          + ": "
                          + key
                          + " is "
                          + configs.get(key)
                          + " in the cluster, "
                          + value
                          + " in topics.tsv");
                }
              });
          configs.keySet().stream()
              .filter(key -> !expected.containsKey(key))
              .forEach(
                  key -> differences.add(name + ": " + key + " in the cluster, not in topics.tsv"));
        });
    return differences;
  }
}
