package uk.crossline.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import uk.crossline.model.Topics;
import uk.crossline.model.audit.AuditAction;
import uk.crossline.model.audit.AuditActor;
import uk.crossline.model.audit.AuditChains;
import uk.crossline.model.audit.AuditEntry;
import uk.crossline.model.audit.AuditJson;
import uk.crossline.testsupport.CrosslineIntegrationTest;
import uk.crossline.testsupport.CrosslineStack;
import uk.crossline.testsupport.DemoTokens;

/** Every consultation leaves one access-log record, with who, why and what, on a sound chain. */
@CrosslineIntegrationTest
@SpringBootTest
@AutoConfigureMockMvc
class SearchAuditIntegrationTest {

  @Autowired MockMvc mvc;

  @Test
  void eachSearchAndViewLeavesOneChainedRecordWithWhoWhyAndWhat(DemoTokens tokens)
      throws Exception {
    String purpose = "audit check " + UUID.randomUUID();
    var start = endOffsets();

    mvc.perform(
            get("/api/v1/search")
                .header("Authorization", "Bearer " + tokens.accessToken("bromsgrove.cso"))
                .param("purpose", purpose)
                .param("q", "vapes"))
        .andExpect(status().isOk());
    mvc.perform(
            get("/api/v1/events/00000000-0000-8000-8000-000000000000")
                .header("Authorization", "Bearer " + tokens.accessToken("bromsgrove.cso"))
                .param("purpose", purpose))
        .andExpect(status().isNotFound());

    List<AuditEntry> ours =
        entriesSince(start).stream()
            .filter(entry -> entry.purpose().orElse("").equals(purpose))
            .toList();
    assertThat(ours)
        .extracting(AuditEntry::action)
        .containsExactly(AuditAction.SEARCH, AuditAction.VIEW);
    assertThat(ours.getFirst().actor())
        .isInstanceOfSatisfying(
            AuditActor.Person.class,
            person -> {
              assertThat(person.username()).isEqualTo("bromsgrove.cso");
              assertThat(person.agency().value()).isEqualTo("bromsgrove-dc");
            });
    assertThat(ours.getFirst().criteria()).containsEntry("q", "vapes");
    Map<TopicPartition, Long> beginning = new java.util.HashMap<>();
    start.keySet().forEach(partition -> beginning.put(partition, 0L));
    List<AuditEntry> chain =
        entriesSince(beginning).stream()
            .filter(e -> e.chain().equals(ours.getFirst().chain()))
            .toList();
    assertThat(AuditChains.verify(chain).isIntact()).isTrue();
  }

  private static Map<TopicPartition, Long> endOffsets() {
    try (var consumer = consumer()) {
      var partitions =
          consumer.partitionsFor(Topics.AUDIT_LOG).stream()
              .map(p -> new TopicPartition(Topics.AUDIT_LOG, p.partition()))
              .toList();
      return consumer.endOffsets(partitions);
    }
  }

  private static List<AuditEntry> entriesSince(Map<TopicPartition, Long> start) {
    List<AuditEntry> entries = new ArrayList<>();
    try (var consumer = consumer()) {
      consumer.assign(start.keySet());
      start.forEach(consumer::seek);
      var end = consumer.endOffsets(start.keySet());
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (System.nanoTime() < deadline
          && end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> entries.add(AuditJson.read(r.value())));
      }
    }
    entries.sort(
        java.util.Comparator.comparing(AuditEntry::chain).thenComparing(AuditEntry::sequence));
    return entries;
  }

  private static KafkaConsumer<String, byte[]> consumer() {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            CrosslineStack.get().kafkaBootstrapServers(),
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            "false"),
        new StringDeserializer(),
        new ByteArrayDeserializer());
  }
}
