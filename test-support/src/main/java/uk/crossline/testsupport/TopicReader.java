package uk.crossline.testsupport;

import java.nio.charset.StandardCharsets;
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
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads what a topic of the test stack received after a mark, without a consumer group, so a test
 * checks what was published during it. Others' tests share the topics: a test filters what it reads
 * down to what it made itself.
 *
 * <p>Only committed records are read, and a read waits for every transaction that was open when it
 * began to end. A producer's commit returns before the broker has written the commit markers into
 * the partitions, so "the end of the topic" for a committed read (the last stable offset) may still
 * lag a transaction whose commit has returned. Reading up to the high watermark instead, which the
 * position of a committed read reaches only once those markers are written, sees every record whose
 * commit returned before the read began.
 */
public final class TopicReader {

  /** How long a read may take to reach the end the topic had when the read began. */
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  /** Where each partition of a topic ended (or began) when the mark was taken. */
  public record Mark(Map<TopicPartition, Long> offsets) {}

  private TopicReader() {}

  /** The end of the topic now: what is read since it is what comes after. */
  public static Mark mark(String topic) {
    try (var consumer = consumer("read_uncommitted")) {
      return new Mark(consumer.endOffsets(partitions(consumer, topic)));
    }
  }

  /** The beginning of the topic: what is read since it is all it still holds. */
  public static Mark beginning(String topic) {
    try (var consumer = consumer("read_uncommitted")) {
      return new Mark(
          partitions(consumer, topic).stream()
              .collect(Collectors.toMap(Function.identity(), partition -> 0L)));
    }
  }

  /**
   * The committed records after the mark, up to the end the topic has when this read begins, once
   * the transactions open then have ended (or after {@link #PATIENCE}, with what could be read).
   */
  public static List<ConsumerRecord<String, byte[]>> recordsSince(Mark mark) {
    Map<TopicPartition, Long> end;
    try (var uncommitted = consumer("read_uncommitted")) {
      end = uncommitted.endOffsets(mark.offsets().keySet());
    }
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    try (var consumer = consumer("read_committed")) {
      consumer.assign(mark.offsets().keySet());
      mark.offsets().forEach(consumer::seek);
      long deadline = System.nanoTime() + PATIENCE.toNanos();
      while (System.nanoTime() < deadline
          && end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }

  /**
   * Every key, value and header of the committed records after each mark, as text (one string per
   * key, per value and per header): what a personal-data canary must not appear in.
   */
  public static List<String> textsSince(List<Mark> marks) {
    List<String> texts = new ArrayList<>();
    for (Mark mark : marks) {
      for (ConsumerRecord<String, byte[]> record : recordsSince(mark)) {
        texts.add(String.valueOf(record.key()));
        texts.add(text(record.value()));
        for (Header header : record.headers()) {
          texts.add(header.key() + "=" + text(header.value()));
        }
      }
    }
    return texts;
  }

  private static String text(byte[] bytes) {
    return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
  }

  /** The values of the records after the mark. */
  public static List<byte[]> valuesSince(Mark mark) {
    return recordsSince(mark).stream().map(ConsumerRecord::value).toList();
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

  private static KafkaConsumer<String, byte[]> consumer(String isolation) {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            CrosslineStack.get().kafkaBootstrapServers(),
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            isolation,
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            "false"),
        new StringDeserializer(),
        new ByteArrayDeserializer());
  }
}
