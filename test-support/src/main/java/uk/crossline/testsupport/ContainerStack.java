package uk.crossline.testsupport;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.elasticsearch.ElasticsearchContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.MountableFile;

/**
 * The stack as containers of the official images, for machines with a Docker engine. Containers are
 * marked reusable: with {@code TESTCONTAINERS_REUSE_ENABLE=true} (which {@code ./crossline test}
 * sets where Docker runs) every module of the build shares them; without it each test JVM gets its
 * own.
 */
final class ContainerStack {

  private static final String KAFKA_IMAGE = "apache/kafka:4.2.1";
  private static final String ELASTICSEARCH_IMAGE =
      "docker.elastic.co/elasticsearch/elasticsearch:8.19.21";
  private static final String KEYCLOAK_IMAGE = "quay.io/keycloak/keycloak:26.5.6";

  private ContainerStack() {}

  static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  static CrosslineStack start(Path root) {
    var kafka = new KafkaContainer(KAFKA_IMAGE).withReuse(true);
    var elasticsearch =
        new ElasticsearchContainer(ELASTICSEARCH_IMAGE)
            .withEnv("xpack.security.enabled", "false")
            .withEnv("ES_JAVA_OPTS", "-Xms512m -Xmx512m")
            .withReuse(true);
    var keycloak =
        new GenericContainer<>(KEYCLOAK_IMAGE)
            .withCommand("start-dev", "--import-realm", "--health-enabled=true")
            .withEnv("KC_BOOTSTRAP_ADMIN_USERNAME", "admin")
            .withEnv("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin")
            .withCopyFileToContainer(
                MountableFile.forHostPath(root.resolve("infra/keycloak/crossline-realm.json")),
                "/opt/keycloak/data/import/crossline-realm.json")
            .withExposedPorts(8080, 9000)
            .waitingFor(
                Wait.forHttp("/health/ready")
                    .forPort(9000)
                    .withStartupTimeout(Duration.ofMinutes(3)))
            .withReuse(true);
    kafka.start();
    elasticsearch.start();
    keycloak.start();

    URI elasticsearchUrl = URI.create("http://" + elasticsearch.getHttpHostAddress());
    URI keycloakUrl =
        URI.create("http://" + keycloak.getHost() + ":" + keycloak.getMappedPort(8080));
    Provisioning.createTopics(kafka.getBootstrapServers(), root.resolve("infra/kafka/topics.tsv"));
    Provisioning.applyTemplates(elasticsearchUrl, root.resolve("infra/elasticsearch"));
    return new CrosslineStack(
        kafka.getBootstrapServers(),
        elasticsearchUrl,
        keycloakUrl,
        URI.create(keycloakUrl + "/realms/crossline"),
        Optional.empty());
  }
}
