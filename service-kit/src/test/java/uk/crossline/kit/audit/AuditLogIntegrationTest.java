package uk.crossline.kit.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.context.SpringBootTest;
import uk.crossline.kit.KitTestApplication;
import uk.crossline.model.AgencyId;
import uk.crossline.model.AgencyType;
import uk.crossline.model.Caller;
import uk.crossline.model.Role;
import uk.crossline.model.Topics;
import uk.crossline.model.audit.AuditAction;
import uk.crossline.model.audit.AuditActor;
import uk.crossline.model.audit.AuditChains;
import uk.crossline.model.audit.AuditEntry;
import uk.crossline.model.audit.AuditEntryDraft;
import uk.crossline.model.audit.AuditJson;
import uk.crossline.model.event.EventId;
import uk.crossline.testsupport.CrosslineIntegrationTest;
import uk.crossline.testsupport.CrosslineStack;

/** The kit's access-log writer on the real broker, read back as an auditor would. */
@CrosslineIntegrationTest
@SpringBootTest(
    classes = KitTestApplication.class,
    properties = "spring.application.name=crossline-kit-test")
class AuditLogIntegrationTest {

  private static final Caller ANALYST =
      new Caller(
          "analyst-" + UUID.randomUUID(),
          "analyst.wmp",
          AgencyId.of("west-mercia-police"),
          AgencyType.POLICE,
          Set.of(Role.SEARCH, Role.LINK_ANALYSIS));

  @Autowired AuditLog auditLog;
  @Autowired KafkaProperties kafka;

  @Test
  void entriesWrittenConcurrentlyFormOneIntactChainOnTheTopic() throws Exception {
    // when: eight request threads record 200 searches through the one-chain default
    List<AuditEntry> written = searchesRecordedConcurrently(auditLog);

    // then: the chain on the topic holds every entry, in order, and verifies
    String chain = written.getFirst().chain();
    List<AuditEntry> onTopic = chainOnTopic(chain);
    assertThat(AuditChains.verify(onTopic).isIntact()).isTrue();
    assertThat(onTopic).containsAll(written);
    assertThat(written.stream().map(AuditEntry::sequence).distinct()).hasSize(200);
    assertThat(onTopic)
        .containsSubsequence(
            written.stream().sorted(Comparator.comparingLong(AuditEntry::sequence)).toList());
  }

  @Test
  void entriesWrittenConcurrentlyThroughAPoolFormSeveralIntactChainsOnTheTopic() throws Exception {
    // given: an instance writing four chains at once
    var settings = new AuditSettings(true, Duration.ofSeconds(10), 4);
    List<AuditEntry> written;
    try (var pooled =
        new AuditLog(
            new KafkaProducer<>(
                AuditAutoConfiguration.producerProperties(kafka, settings, "crossline-kit-test"),
                new StringSerializer(),
                new ByteArraySerializer()),
            "crossline-kit-test",
            Clock.systemUTC(),
            settings.timeout(),
            settings.chains(),
            new SimpleMeterRegistry())) {

      // when
      written = searchesRecordedConcurrently(pooled);
      assertThat(pooled.chains()).hasSize(4);
    }

    // then: every entry is on the topic, in its chain's order, and each chain verifies
    Map<String, List<AuditEntry>> byChain =
        written.stream().collect(Collectors.groupingBy(AuditEntry::chain));
    assertThat(byChain).as("eight callers at once share the four chains").hasSizeGreaterThan(1);
    for (var chain : byChain.entrySet()) {
      List<AuditEntry> onTopic = chainOnTopic(chain.getKey());
      assertThat(AuditChains.verify(onTopic).isIntact()).as(chain.getKey()).isTrue();
      assertThat(onTopic)
          .containsExactlyElementsOf(
              chain.getValue().stream()
                  .sorted(Comparator.comparingLong(AuditEntry::sequence))
                  .toList());
    }
  }

  @Test
  void entryOnTheTopicNamesWhoWhenWhyWhatAndWhichEvents() throws Exception {
    // when
    AuditEntry entry =
        auditLog.record(
            AuditEntryDraft.by(ANALYST, AuditAction.VIEW, "Operation Kestrel")
                .with("view", "event")
                .withEventIds(List.of(event(7))));

    // then
    AuditEntry onTopic = chainOnTopic(entry.chain()).getLast();
    assertThat(onTopic).isEqualTo(entry);
    assertThat(onTopic.actor()).isEqualTo(AuditActor.of(ANALYST));
    assertThat(onTopic.purpose()).contains("Operation Kestrel");
    assertThat(onTopic.eventIds()).containsExactly(event(7));
    assertThat(onTopic.chain()).startsWith("crossline-kit-test-").isIn(auditLog.chains());
  }

  /** 200 searches recorded from eight request threads at once, as written. */
  private static List<AuditEntry> searchesRecordedConcurrently(AuditLog log) throws Exception {
    List<Callable<AuditEntry>> searches = new ArrayList<>();
    for (int n = 0; n < 200; n++) {
      int search = n;
      searches.add(
          () ->
              log.record(
                  AuditEntryDraft.by(ANALYST, AuditAction.SEARCH, "deal line review")
                      .with("district", "redditch")
                      .with("search", Integer.toString(search))
                      .withEventIds(List.of(event(search)))));
    }
    List<AuditEntry> written = new ArrayList<>();
    try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
      for (Future<AuditEntry> future : threads.invokeAll(searches)) {
        written.add(future.get());
      }
    }
    return written;
  }

  private static EventId event(int n) {
    return EventId.derive(AgencyId.of("west-mercia-police"), "audit-test-" + n);
  }

  /** Every entry of the chain on the topic, in the order the topic holds them. */
  private static List<AuditEntry> chainOnTopic(String chain) {
    List<AuditEntry> entries = new ArrayList<>();
    try (var consumer =
        new KafkaConsumer<>(
            Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                CrosslineStack.get().kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false),
            new StringDeserializer(),
            new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(Topics.AUDIT_LOG).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        assertThat(System.nanoTime()).as("reading the audit topic in time").isLessThan(deadline);
        for (var record : consumer.poll(Duration.ofMillis(500))) {
          if (chain.equals(record.key())) {
            entries.add(AuditJson.read(record.value()));
          }
        }
      }
    }
    return entries;
  }
}
