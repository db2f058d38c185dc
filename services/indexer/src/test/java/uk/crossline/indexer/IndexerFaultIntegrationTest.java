package uk.crossline.indexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.http.HttpHost;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.crossline.model.event.IntelligenceReported;
import uk.crossline.testsupport.CrosslineIntegrationTest;
import uk.crossline.testsupport.CrosslineStack;

/**
 * The indexer process killed in the middle of a large backlog, so that a half-written batch is
 * certainly replayed. The drill runs an indexer process of its own on a topic of its own, so
 * nothing else in the build indexes its events; afterwards every event must be searchable exactly
 * once. (Elasticsearch stopped and started under load, and the other faults, are the whole-hub
 * drill's: {@code drills}, {@code HubFaultIntegrationTest}.)
 */
@CrosslineIntegrationTest
class IndexerFaultIntegrationTest {

  private static final Instant NOVEMBER = Instant.parse("2026-11-12T08:00:00Z");
  private static final Duration PATIENCE = Duration.ofMinutes(3);

  private static RestClient rest;
  private static Projected projected;

  @BeforeAll
  static void connect() {
    rest =
        RestClient.builder(HttpHost.create(CrosslineStack.get().elasticsearchUrl().toString()))
            .build();
    projected =
        new Projected(
            new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper())));
  }

  @AfterAll
  static void disconnect() throws Exception {
    rest.close();
  }

  @Test
  void indexerKilledMidStreamLosesAndDuplicatesNothing() throws Exception {
    String topic = freshTopic();
    String batch = Events.batch();
    List<IntelligenceReported> events = reports(batch, 20_000);

    var indexer = IndexerProcess.start(topic, "drill-" + UUID.randomUUID());
    try {
      Events.publish(topic, events);
      await().atMost(PATIENCE).until(() -> projected.activeCount(batch) >= 2_000);
    } finally {
      indexer.kill();
    }
    long whenKilled = projected.activeCount(batch);
    assertThat(whenKilled).as("killed mid-stream").isLessThan(20_000);

    try (var restarted = IndexerProcess.start(topic, groupOf(indexer))) {
      await().atMost(PATIENCE).until(() -> projected.activeCount(batch) == 20_000);
      assertThat(projected.distinctActive(batch)).isEqualTo(20_000);
    }
  }

  private static List<IntelligenceReported> reports(String batch, int count) {
    List<IntelligenceReported> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      events.add(Events.report(batch, i, NOVEMBER, "drill report " + i));
    }
    return events;
  }

  private static String freshTopic() throws Exception {
    String topic = "test.drill." + UUID.randomUUID();
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                CrosslineStack.get().kafkaBootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get();
    }
    return topic;
  }

  private static String groupOf(IndexerProcess indexer) {
    return indexer.consumerGroup();
  }
}
