package uk.crossline.search;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import uk.crossline.testsupport.CrosslineStack;

/**
 * Reads what a topic of the test stack received after a mark, without a consumer group, so a test
 * checks what was published during it. Others' tests share the topics: a test filters what it reads
 * down to what it made itself.
 */
public final class TopicReader {

  /** How long a read may take to reach the end the topic had when the read began. */
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  /** Where each partition of a topic ended (or began) when the mark was taken. */
  public record Mark(Map<TopicPartition, Long> offsets) {}

  private TopicReader() {}

  /** The end of the topic now: what is read since it is what comes after. */
  public static Mark mark(String topic) {
    try (var consumer = consumer()) {
      return new Mark(consumer.endOffsets(partitions(consumer, topic)));
    }
  }

  /** The beginning of the topic: what is read since it is all it still holds. */
  public static Mark beginning(String topic) {
    try (var consumer = consumer()) {
      return new Mark(
          partitions(consumer, topic).stream()
              .collect(Collectors.toMap(Function.identity(), partition -> 0L)));
    }
  }

  /** The records after the mark, up to the end the topic has when this read begins. */
  public static List<ConsumerRecord<String, byte[]>> recordsSince(Mark mark) {
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    try (var consumer = consumer()) {
      consumer.assign(mark.offsets().keySet());
      mark.offsets().forEach(consumer::seek);
      var end = consumer.endOffsets(mark.offsets().keySet());
      long deadline = System.nanoTime() + PATIENCE.toNanos();
      while (System.nanoTime() < deadline
          && end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }

  /** The values of the records after the mark with this key. */
  public static List<byte[]> valuesSince(Mark mark, String key) {
    return recordsSince(mark).stream()
        .filter(record -> key.equals(record.key()))
        .map(ConsumerRecord::value)
        .toList();
  }

  private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
    return consumer.partitionsFor(topic).stream()
        .map(p -> new TopicPartition(topic, p.partition()))
        .toList();
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
