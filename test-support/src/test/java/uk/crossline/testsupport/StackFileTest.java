package uk.crossline.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackFileTest {

  @TempDir Path dir;

  @Test
  void stackFileWrittenByCrosslineUpIsRead() throws Exception {
    Path file = dir.resolve("stack.env");
    Files.writeString(
        file,
        """
        # Written by ./crossline up (test)
        CROSSLINE_ENV=test
        KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:19092
        ELASTICSEARCH_URL=http://127.0.0.1:19200
        KEYCLOAK_URL=http://127.0.0.1:18180
        KEYCLOAK_ISSUER=http://127.0.0.1:18180/realms/crossline
        """);

    CrosslineStack stack = StackFile.read(file);

    assertThat(stack.kafkaBootstrapServers()).isEqualTo("127.0.0.1:19092");
    assertThat(stack.elasticsearchUrl()).hasToString("http://127.0.0.1:19200");
    assertThat(stack.issuer()).hasToString("http://127.0.0.1:18180/realms/crossline");
  }

  @Test
  void stackFileWithoutAnAddressIsRefusedNamingIt() throws Exception {
    Path file = dir.resolve("stack.env");
    Files.writeString(file, "KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:19092\n");

    assertThatThrownBy(() -> StackFile.read(file)).hasMessageContaining("ELASTICSEARCH_URL");
  }
}
