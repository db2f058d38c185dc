package uk.crossline.alerts.table;

import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/**
 * One compacted topic as a table in memory: read by this instance from the beginning (no consumer
 * group, so every instance holds all of it), written in Kafka transactions. A write returns once
 * this instance has read it back, so the topic's order decides between two instances writing at
 * once, and the writer's next read already shows what it wrote. Readers skip aborted transactions
 * ({@code read_committed}).
 *
 * <p>Not a bean: each feature owns its table and ties it to its own lifecycle.
 */
public final class TopicTable {

  private static final Logger log = LoggerFactory.getLogger(TopicTable.class);

  /** What a feature does with each record read: applies it to its own state. */
  @FunctionalInterface
  public interface Applier {
    /**
     * @param value the record's value, never null (tombstones go to the {@link Remover})
     * @throws IllegalArgumentException when the record cannot be read; it is skipped and logged
     */
    void apply(String key, byte[] value);
  }

  /**
   * Like {@link Applier}, also told where the record stands in the topic: every instance reads the
   * same records at the same positions, so a position means the same on all of them.
   */
  @FunctionalInterface
  public interface PositionedApplier {
    /**
     * @throws IllegalArgumentException when the record cannot be read; it is skipped and logged
     */
    void apply(String key, byte[] value, int partition, long offset);
  }

  /**
   * What a feature does with a tombstone read: forgets the key. Tables whose records are never
   * deleted need none.
   */
  @FunctionalInterface
  public interface Remover {
    void remove(String key);
  }

  /** Why a write did not happen, or did not come back in time. */
  public static final class UnavailableException extends RuntimeException {
    UnavailableException(String message) {
      super(message, null, false, false);
    }
  }

  private final KafkaProperties kafka;
  private final String topic;
  private final String clientId;
  private final Duration topicWait;
  private final PositionedApplier applier;
  private final Remover remover;
  private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
  private final Object progress = new Object();
  private final Object transactions = new Object();
  private volatile boolean caughtUp;
  private volatile boolean running;
  private volatile Consumer<String, byte[]> consumer;
  private volatile Producer<String, byte[]> producer;
  private volatile Thread reader;

  /**
   * @param clientId the Kafka client id, also the prefix of the transactional id
   * @param topicWait how long a write waits to be taken and read back
   */
  public TopicTable(
      KafkaProperties kafka, String topic, String clientId, Duration topicWait, Applier applier) {
    this(
        kafka,
        topic,
        clientId,
        topicWait,
        (PositionedApplier) (key, value, partition, offset) -> applier.apply(key, value));
  }

  public TopicTable(
      KafkaProperties kafka,
      String topic,
      String clientId,
      Duration topicWait,
      PositionedApplier applier) {
    this(kafka, topic, clientId, topicWait, applier, key -> {});
  }

  /** A table whose records may be deleted ({@link #deleteAll}): each tombstone read is removed. */
  public TopicTable(
      KafkaProperties kafka,
      String topic,
      String clientId,
      Duration topicWait,
      Applier applier,
      Remover remover) {
    this(
        kafka,
        topic,
        clientId,
        topicWait,
        (PositionedApplier) (key, value, partition, offset) -> applier.apply(key, value),
        remover);
  }

  private TopicTable(
      KafkaProperties kafka,
      String topic,
      String clientId,
      Duration topicWait,
      PositionedApplier applier,
      Remover remover) {
    this.kafka = kafka;
    this.topic = topic;
    this.clientId = clientId;
    this.topicWait = topicWait;
    this.applier = applier;
    this.remover = remover;
  }

  /** Whether this instance has read the topic up to where it ended when it started. */
  public boolean caughtUp() {
    return caughtUp;
  }

  /**
   * Publishes the records (key, value) in one transaction and returns once this instance has read
   * them back.
   *
   * @throws UnavailableException when the broker did not take them (then none was published), or
   *     they did not come back in time
   */
  public void publishAll(List<Map.Entry<String, byte[]>> records) {
    publish(records);
  }

  /**
   * Publishes a tombstone for each key in one transaction and returns once this instance has read
   * them back: compaction then removes the keys from the topic, and every instance's table forgets
   * them as it reads the tombstones.
   *
   * @throws UnavailableException as {@link #publishAll}
   */
  public void deleteAll(List<String> keys) {
    publish(
        keys.stream()
            .map(
                key ->
                    (Map.Entry<String, byte[]>)
                        new AbstractMap.SimpleImmutableEntry<>(key, (byte[]) null))
            .toList());
  }

  /** Records with a null value are tombstones. */
  private void publish(List<Map.Entry<String, byte[]>> records) {
    if (!caughtUp) {
      throw new UnavailableException(topic + " is still being read");
    }
    if (records.isEmpty()) {
      return;
    }
    Map<TopicPartition, Long> last = new HashMap<>();
    synchronized (transactions) {
      Producer<String, byte[]> producer = transactionalProducer();
      try {
        producer.beginTransaction();
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (Map.Entry<String, byte[]> record : records) {
          sent.add(producer.send(new ProducerRecord<>(topic, record.getKey(), record.getValue())));
        }
        producer.commitTransaction();
        for (Future<RecordMetadata> future : sent) {
          RecordMetadata metadata = future.get();
          last.merge(
              new TopicPartition(metadata.topic(), metadata.partition()),
              metadata.offset(),
              Math::max);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        discard(producer);
        throw new UnavailableException("interrupted");
      } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException e) {
        // The producer cannot go on: a fresh one (with a fresh transactional id) next time.
        log.warn("The {} producer failed: {}", topic, e.toString());
        discard(producer);
        throw new UnavailableException("the producer failed");
      } catch (Exception e) {
        log.warn("Records were not published to {}: {}", topic, e.toString());
        try {
          producer.abortTransaction();
        } catch (RuntimeException abortFailed) {
          discard(producer);
        }
        throw new UnavailableException("the broker did not take the records");
      }
    }
    awaitReadBack(last);
  }

  private void awaitReadBack(Map<TopicPartition, Long> last) {
    long deadline = System.nanoTime() + topicWait.toNanos();
    synchronized (progress) {
      for (Map.Entry<TopicPartition, Long> written : last.entrySet()) {
        while (positions.getOrDefault(written.getKey(), 0L) <= written.getValue()) {
          long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
          if (left <= 0) {
            throw new UnavailableException("the records did not come back in time");
          }
          try {
            progress.wait(left);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted");
          }
        }
      }
    }
  }

  /**
   * Made when first needed (so an instance starts while the broker is away), with a transactional
   * id of its own: it never consumes-and-produces, so nothing needs fencing between instances.
   */
  private Producer<String, byte[]> transactionalProducer() {
    if (producer == null) {
      Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
      config.put(ProducerConfig.ACKS_CONFIG, "all");
      config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
      config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
      config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, clientId + "-" + UUID.randomUUID());
      config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, topicWait.toMillis());
      Producer<String, byte[]> made =
          new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
      try {
        made.initTransactions();
      } catch (RuntimeException e) {
        made.close(Duration.ZERO);
        log.warn("The {} producer cannot start yet: {}", topic, e.toString());
        throw new UnavailableException("the producer cannot start yet");
      }
      producer = made;
    }
    return producer;
  }

  private void discard(Producer<String, byte[]> broken) {
    producer = null;
    broken.close(Duration.ZERO);
  }

  public void start() {
    Map<String, Object> consumerConfig = new HashMap<>(kafka.buildConsumerProperties());
    consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
    consumerConfig.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    consumerConfig.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
    consumerConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId + "-" + UUID.randomUUID());
    consumer =
        new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new ByteArrayDeserializer());
    running = true;
    reader = Thread.ofPlatform().name(clientId).daemon().start(this::read);
  }

  private void read() {
    try {
      List<TopicPartition> partitions = partitions();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (running) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          if (record.key() == null) {
            continue;
          }
          try {
            if (record.value() == null) {
              remover.remove(record.key());
            } else {
              applier.apply(record.key(), record.value(), record.partition(), record.offset());
            }
          } catch (IllegalArgumentException e) {
            // The reason names the field, never a value.
            log.warn(
                "Record {}-{}@{} skipped: {}",
                record.topic(),
                record.partition(),
                record.offset(),
                e.getMessage());
          }
        }
        synchronized (progress) {
          for (TopicPartition partition : partitions) {
            positions.put(partition, consumer.position(partition));
          }
          progress.notifyAll();
        }
        if (!caughtUp
            && end.entrySet().stream()
                .allMatch(e -> positions.getOrDefault(e.getKey(), 0L) >= e.getValue())) {
          caughtUp = true;
          log.info("{} caught up", topic);
        }
      }
    } catch (WakeupException e) {
      // stopping
    } catch (RuntimeException e) {
      log.error("Reading {} failed; this instance stays not ready", topic, e);
    } finally {
      consumer.close();
    }
  }

  /** The topic's partitions, asked for until the broker answers. */
  private List<TopicPartition> partitions() {
    while (running) {
      try {
        var found = consumer.partitionsFor(topic, Duration.ofSeconds(10));
        if (found != null && !found.isEmpty()) {
          return found.stream()
              .map(info -> new TopicPartition(info.topic(), info.partition()))
              .toList();
        }
      } catch (org.apache.kafka.common.errors.TimeoutException e) {
        // the broker is not there yet
      }
      log.warn("{} cannot be read yet; retrying", topic);
      try {
        Thread.sleep(Duration.ofSeconds(1));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new WakeupException();
      }
    }
    throw new WakeupException();
  }

  public void stop() {
    running = false;
    if (consumer != null) {
      consumer.wakeup();
    }
    if (reader != null) {
      try {
        reader.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    synchronized (transactions) {
      if (producer != null) {
        producer.close(Duration.ofSeconds(5));
        producer = null;
      }
    }
  }

  public boolean isRunning() {
    return running;
  }
}
