package uk.crossline.bench.measure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.AppInfoParser;
import uk.crossline.model.Topics;

/**
 * The Kafka producer ceiling on this machine: the hub's own event records, read back from the
 * events topic, sent again with acks=all (and the intake's linger) to a topic of the benchmark's
 * own with the events topic's partition count, as fast as one producer can.
 */
public final class RawKafka {

  private static final String TOPIC = "bench.raw.producer";

  public record Result(long records, double seconds, double averageRecordBytes, int partitions) {

    public double recordsPerSecond() {
      return records / seconds;
    }

    public Map<String, Object> figures() {
      Map<String, Object> figures = new LinkedHashMap<>();
      figures.put("records", records);
      figures.put("averageRecordBytes", Latencies.round(averageRecordBytes));
      figures.put("partitions", partitions);
      figures.put("acks", "all");
      figures.put("seconds", Latencies.round(seconds));
      figures.put("recordsPerSecond", Latencies.round(recordsPerSecond()));
      figures.put(
          "megabytesPerSecond", Latencies.round(records * averageRecordBytes / seconds / 1e6));
      figures.put("clientVersion", AppInfoParser.getVersion());
      return figures;
    }
  }

  private final String bootstrap;
  private final Progress progress;

  public RawKafka(String bootstrap, Progress progress) {
    this.bootstrap = bootstrap;
    this.progress = progress;
  }

  /** Up to {@code limit} records of the events topic, as the indexer reads them. */
  List<ConsumerRecord<String, byte[]>> sample(int limit) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false);
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    try (var consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(Topics.INTELLIGENCE_EVENTS).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (records.size() < limit && System.nanoTime() < deadline) {
        for (var record : consumer.poll(Duration.ofMillis(500))) {
          if (record.value() != null && records.size() < limit) {
            records.add(record);
          }
        }
      }
    }
    return records;
  }

  public Result run(long count, Duration atMost) throws Exception {
    List<ConsumerRecord<String, byte[]>> sample = sample(5_000);
    if (sample.isEmpty()) {
      throw new IllegalStateException("the events topic is empty: nothing to measure with");
    }
    double average = sample.stream().mapToInt(r -> r.value().length).average().orElse(0);
    int partitions;
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      partitions =
          admin
              .describeTopics(Set.of(Topics.INTELLIGENCE_EVENTS))
              .allTopicNames()
              .get()
              .get(Topics.INTELLIGENCE_EVENTS)
              .partitions()
              .size();
      try {
        admin.deleteTopics(Set.of(TOPIC)).all().get();
      } catch (java.util.concurrent.ExecutionException e) {
        // Not there: the usual case.
      }
      createTopic(admin, partitions);
    }
    progress.line(
        "%,d records of %.0f bytes on average, %d partitions, acks=all",
        count, average, partitions);
    Map<String, Object> config = new LinkedHashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    AtomicLong acknowledged = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    long sent = 0;
    long started = System.nanoTime();
    long deadline = started + atMost.toNanos();
    try (var producer =
        new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
      while (sent < count && System.nanoTime() < deadline) {
        byte[] value = sample.get((int) (sent % sample.size())).value();
        producer.send(
            new ProducerRecord<>(TOPIC, UUID.randomUUID().toString(), value),
            (metadata, e) -> {
              if (e == null) {
                acknowledged.incrementAndGet();
              } else {
                failed.incrementAndGet();
              }
            });
        sent++;
      }
      producer.flush();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      admin.deleteTopics(Set.of(TOPIC)).all().get(30, TimeUnit.SECONDS);
    }
    if (failed.get() > 0) {
      progress.line("%,d records failed", failed.get());
    }
    return new Result(acknowledged.get(), seconds, average, partitions);
  }

  private static void createTopic(Admin admin, int partitions) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      try {
        admin.createTopics(List.of(new NewTopic(TOPIC, partitions, (short) 1))).all().get();
        return;
      } catch (java.util.concurrent.ExecutionException e) {
        // A topic being deleted cannot be created again until the deletion is done.
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(500);
      }
    }
  }
}
