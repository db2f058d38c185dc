package uk.crossline.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TopicsTest {

  @Test
  void topicsDefinedInInfraAreExactlyTheTopicsTheCodeNames() throws IOException {
    Path definitions = Path.of("..", "infra", "kafka", "topics.tsv");

    var defined =
        Files.readAllLines(definitions).stream()
            .filter(line -> !line.isBlank() && !line.startsWith("#"))
            .map(line -> line.split("\t")[0])
            .toList();

    assertThat(defined).containsExactlyInAnyOrderElementsOf(Topics.all());
  }
}
