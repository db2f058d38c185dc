package uk.crossline.search.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import uk.crossline.model.Topics;
import uk.crossline.model.audit.AuditEntry;
import uk.crossline.model.audit.AuditJson;
import uk.crossline.testsupport.CrosslineIntegrationTest;
import uk.crossline.testsupport.CrosslineStack;
import uk.crossline.testsupport.DemoTokens;
import uk.crossline.testsupport.TopicReader;

/**
 * A record that cannot be read goes to the dead-letter topic and the copy goes on; the log
 * verification names it. Unreadable records would break every other reader of the shared audit
 * topic, so this test copies from an audit topic of its own, with a consumer group of its own.
 */
@CrosslineIntegrationTest
@SpringBootTest
@AutoConfigureMockMvc
class AuditDeadLetterIntegrationTest {

  private static final String TOPIC = "test.audit." + UUID.randomUUID();
  private static final Duration COPIED = Duration.ofSeconds(60);

  @Autowired MockMvc mvc;
  @Autowired ElasticsearchClient client;

  @DynamicPropertySource
  static void ownTopic(DynamicPropertyRegistry registry) throws Exception {
    var config = new Properties();
    config.put(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, CrosslineStack.get().kafkaBootstrapServers());
    try (Admin admin = Admin.create(config)) {
      admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get();
    }
    registry.add("crossline.search.audit.topic", () -> TOPIC);
    registry.add("crossline.search.audit.consumer-group", () -> "test-audit-" + UUID.randomUUID());
  }

  @Test
  void unreadableRecordIsDeadLetteredWithItsReasonAndTheCopyGoesOn(DemoTokens tokens)
      throws Exception {
    // given
    String broken = AuditChainsFixture.newChain();
    String whole = AuditChainsFixture.newChain();
    List<AuditEntry> after = AuditChainsFixture.chain(whole, 2);
    var deadLettersBefore = TopicReader.mark(Topics.AUDIT_LOG_DLT);

    // when: an unreadable record, then a readable chain
    try (var producer = AuditCopies.producer()) {
      producer
          .send(
              new ProducerRecord<>(
                  TOPIC, broken, "{\"not\": \"an entry\"}".getBytes(StandardCharsets.UTF_8)))
          .get();
      for (AuditEntry entry : after) {
        producer.send(new ProducerRecord<>(TOPIC, whole, AuditJson.write(entry))).get();
      }
    }

    // then: the readable chain is copied
    AuditCopies.awaitCopied(client, whole, 2);
    // and the unreadable record is a dead letter carrying its reason
    ConsumerRecord<String, byte[]> dead =
        await()
            .atMost(COPIED)
            .until(() -> deadLetter(deadLettersBefore, broken), found -> found != null);
    assertThat(dead.headers().lastHeader("kafka_dlt-exception-message")).isNotNull();
    assertThat(dead.headers().lastHeader("kafka_dlt-original-topic").value())
        .isEqualTo(TOPIC.getBytes(StandardCharsets.UTF_8));
    // and the log verification names the chain whose record cannot be read
    JsonNode verification =
        new AuditApi(mvc, tokens)
            .verification(Map.of("purpose", "check of a damaged log", "chain", broken));
    JsonNode link = AuditApi.chainIn(verification, "log", broken).get("firstBreak");
    assertThat(link.get("problem").asString()).isEqualTo("UNREADABLE");
    assertThat(link.get("location").asString()).startsWith("partition ");
  }

  private static ConsumerRecord<String, byte[]> deadLetter(TopicReader.Mark start, String key) {
    return TopicReader.recordsSince(start).stream()
        .filter(record -> key.equals(record.key()))
        .findFirst()
        .orElse(null);
  }
}
