package uk.crossline.search.audit;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import uk.crossline.kit.problem.ProblemException;
import uk.crossline.model.audit.AuditEntry;
import uk.crossline.model.audit.AuditJson;
import uk.crossline.search.audit.VerificationReport.CopyVerification;

/**
 * The access log itself, the audit topic, read whole for the verification: every partition from its
 * beginning to the end it had when the check started, with a plain consumer (assigned, no group,
 * nothing committed), so the check never moves any reader's offsets.
 */
@Component
class AuditTopic {

  static final String COPY = "KAFKA_LOG";

  private final KafkaProperties kafka;
  private final AuditTrailSettings settings;

  AuditTopic(KafkaProperties kafka, AuditTrailSettings settings) {
    this.kafka = kafka;
    this.settings = settings;
  }

  CopyVerification verify(Optional<String> chain) {
    CopyCheck check =
        new CopyCheck(
            COPY,
            "the source of truth: the Kafka topic "
                + settings.topic()
                + ", every partition read from its beginning");
    long deadline = System.nanoTime() + settings.logReadTimeout().toNanos();
    try (KafkaConsumer<String, byte[]> consumer = consumer()) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(settings.topic()).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
        if (System.nanoTime() > deadline) {
          throw unavailable();
        }
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
            check(check, record, chain);
          }
        }
      }
    } catch (KafkaException e) {
      throw unavailable();
    }
    return check.result();
  }

  private static void check(
      CopyCheck check, ConsumerRecord<String, byte[]> record, Optional<String> chain) {
    String location = "partition " + record.partition() + ", offset " + record.offset();
    AuditEntry entry;
    try {
      if (record.value() == null) {
        throw new IllegalArgumentException("the record has no value");
      }
      entry = AuditJson.read(record.value());
    } catch (IllegalArgumentException e) {
      // The record's key is the chain its writer meant it for.
      if (record.key() != null && AuditQuery.CHAIN.matcher(record.key()).matches()) {
        if (chain.isEmpty() || chain.get().equals(record.key())) {
          check.chain(record.key()).addUnreadable(Optional.empty(), e.getMessage(), location);
        }
      } else if (chain.isEmpty()) {
        check.unattributed(location, "the record cannot be read: " + e.getMessage());
      }
      return;
    }
    if (chain.isEmpty() || chain.get().equals(entry.chain())) {
      check.chain(entry.chain()).add(entry, location);
    }
  }

  private KafkaConsumer<String, byte[]> consumer() {
    Map<String, Object> properties = new HashMap<>(kafka.buildConsumerProperties());
    properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
    properties.put(
        ConsumerConfig.CLIENT_ID_CONFIG,
        "crossline-search-audit-verification-" + UUID.randomUUID());
    return new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
  }

  private static ProblemException unavailable() {
    return new ProblemException(
        HttpStatus.SERVICE_UNAVAILABLE,
        "Access log unavailable",
        "The access log cannot be read in full just now; try again shortly.",
        List.of());
  }
}
