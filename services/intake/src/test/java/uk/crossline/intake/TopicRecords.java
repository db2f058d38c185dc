package uk.crossline.intake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import uk.crossline.model.event.EventJson;
import uk.crossline.model.event.IntelligenceEvent;
import uk.crossline.testsupport.CrosslineStack;

/**
 * The committed records a topic received since this object was made: what a test's requests
 * published, read back from the real broker.
 */
final class TopicRecords {

  private final String bootstrapServers;
  private final String topic;
  private final Map<TopicPartition, Long> start;

  private TopicRecords(String bootstrapServers, String topic, Map<TopicPartition, Long> start) {
    this.bootstrapServers = bootstrapServers;
    this.topic = topic;
    this.start = start;
  }

  static TopicRecords from(String topic) {
    String servers = CrosslineStack.get().kafkaBootstrapServers();
    try (var consumer = consumer(servers)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      return new TopicRecords(servers, topic, consumer.endOffsets(partitions));
    }
  }

  /** Every committed record published since, up to the current end of the topic. */
  List<ConsumerRecord<byte[], byte[]>> records() {
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    try (var consumer = consumer(bootstrapServers)) {
      consumer.assign(start.keySet());
      start.forEach(consumer::seek);
      Map<TopicPartition, Long> end = consumer.endOffsets(start.keySet());
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (!caughtUp(consumer, end) && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }

  List<IntelligenceEvent> events() {
    return records().stream().map(record -> EventJson.read(record.value())).toList();
  }

  List<IntelligenceEvent> eventsOf(uk.crossline.model.event.EventId eventId) {
    return events().stream().filter(e -> e.eventId().equals(eventId)).collect(Collectors.toList());
  }

  String topic() {
    return topic;
  }

  private static boolean caughtUp(
      KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
    return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }

  private static KafkaConsumer<byte[], byte[]> consumer(String servers) {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
        new ByteArrayDeserializer(),
        new ByteArrayDeserializer());
  }
}
