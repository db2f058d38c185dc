package uk.crossline.kit.table;

import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InterruptException;
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
 * <p>Caught up means this instance's position has reached the topic's high watermark as it was at
 * start, not the last stable offset a committed reader would be told: a producer's commit returns
 * before the broker has written the commit markers, so the last stable offset can still lag a
 * transaction whose commit has returned, and a table that called that the end would serve without
 * it. A committed reader's position passes the high watermark only once those markers are written.
 *
 * <p>Not a bean: each feature owns its table (its state lives in the feature, fed by an {@link
 * Applier}) and ties it to its own lifecycle. Records are applied on the table's reader thread, in
 * the topic's order within a partition; as a topic is read again from the beginning at every start,
 * applying must be idempotent.
 */
public final class TopicTable {

  private static final Logger log = LoggerFactory.getLogger(TopicTable.class);
  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration CATCH_UP_POLL = Duration.ofMillis(20);
  private static final Duration MAX_RETRY = Duration.ofSeconds(10);

  /** The longest {@link #start()} waits for the table to catch up. */
  public static final Duration START_WAIT = Duration.ofSeconds(5);

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

  /** What a feature does with a tombstone (a null value): forgets the key. */
  @FunctionalInterface
  public interface Remover {
    void remove(String key);
  }

  /** Why a write did not happen, did not come back in time, or the table cannot serve yet. */
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
  private volatile CountDownLatch caughtUp = new CountDownLatch(1);
  private volatile boolean running;
  private volatile Consumer<String, byte[]> consumer;
  private volatile Producer<String, byte[]> producer;
  private volatile Thread reader;

  /**
   * A table that skips tombstones.
   *
   * @param clientId the Kafka client id, also the prefix of the transactional id
   * @param topicWait how long a write waits to be taken and read back
   */
  public TopicTable(
      KafkaProperties kafka, String topic, String clientId, Duration topicWait, Applier applier) {
    this(kafka, topic, clientId, topicWait, positioned(applier), key -> {});
  }

  /** A table that skips tombstones, its applier told each record's position. */
  public TopicTable(
      KafkaProperties kafka,
      String topic,
      String clientId,
      Duration topicWait,
      PositionedApplier applier) {
    this(kafka, topic, clientId, topicWait, applier, key -> {});
  }

  /** A table whose tombstones remove their key. */
  public TopicTable(
      KafkaProperties kafka,
      String topic,
      String clientId,
      Duration topicWait,
      Applier applier,
      Remover remover) {
    this(kafka, topic, clientId, topicWait, positioned(applier), remover);
  }

  /** A table whose tombstones remove their key, its applier told each record's position. */
  public TopicTable(
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

  private static PositionedApplier positioned(Applier applier) {
    return (key, value, partition, offset) -> applier.apply(key, value);
  }

  /**
   * Whether this instance has read the topic up to where it ended (its high watermark) when this
   * table started.
   */
  public boolean caughtUp() {
    return caughtUp.getCount() == 0;
  }

  /**
   * Waits for {@link #caughtUp()}.
   *
   * @return whether it caught up within the timeout
   */
  public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
    return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Publishes one record (a null value is a tombstone) and returns once this instance has read it
   * back.
   *
   * @throws UnavailableException as {@link #publishAll} does
   */
  public void publish(String key, byte[] value) {
    publishAll(List.of(new AbstractMap.SimpleImmutableEntry<>(key, value)));
  }

  /**
   * Publishes the records (key, value; a null value is a tombstone) in one transaction and returns
   * once this instance has read them back.
   *
   * @throws UnavailableException when this table has not caught up yet, the broker did not take
   *     them (then none was published), or they did not come back within the topic wait
   */
  public void publishAll(List<Map.Entry<String, byte[]>> records) {
    if (!caughtUp()) {
      throw new UnavailableException(
          topic + " has not been read to its end yet (is the broker there?)");
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
        throw new UnavailableException("interrupted publishing to " + topic);
      } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException e) {
        // The producer cannot go on: a fresh one (with a fresh transactional id) next time.
        log.warn("The {} producer failed: {}", topic, e.toString());
        discard(producer);
        throw new UnavailableException("the producer of " + topic + " failed");
      } catch (Exception e) {
        // A transactional error names its cause only in the cause: log both.
        log.warn(
            "Records were not published to {}: {}{}",
            topic,
            e.toString(),
            e.getCause() == null ? "" : " (cause: " + e.getCause() + ")");
        try {
          producer.abortTransaction();
        } catch (RuntimeException abortFailed) {
          discard(producer);
        }
        throw new UnavailableException("the broker did not take the records for " + topic);
      }
    }
    awaitReadBack(last);
  }

  /** Waits until the reader has passed each partition's last offset written. */
  private void awaitReadBack(Map<TopicPartition, Long> last) {
    Map<TopicPartition, Long> after = new HashMap<>();
    last.forEach((partition, offset) -> after.put(partition, offset + 1));
    boolean read;
    try {
      read = awaitPositions(after, topicWait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UnavailableException("interrupted waiting to read back " + topic);
    }
    if (!read) {
      throw new UnavailableException(
          "the records published to "
              + topic
              + " were not read back within "
              + topicWait
              + " (they are published)");
    }
  }

  /**
   * Waits until this instance has read what any instance had written to the topic when this was
   * called (up to each partition's high watermark then, so past every transaction open then): what
   * another instance wrote before it handed work over is here once this returns.
   *
   * @return whether it was read within the timeout
   */
  public boolean readUpToNow(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    // The reader notes every partition's position after each poll: none yet, nothing read yet.
    List<TopicPartition> partitions = List.copyOf(positions.keySet());
    if (partitions.isEmpty()) {
      return false;
    }
    Map<TopicPartition, Long> end;
    try {
      end = highWatermarks(partitions);
    } catch (KafkaException e) {
      return false;
    }
    return awaitPositions(end, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
  }

  /** Waits until the reader's position in each partition is at least the offset given. */
  private boolean awaitPositions(Map<TopicPartition, Long> ends, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (progress) {
      for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
        while (positions.getOrDefault(end.getKey(), 0L) < end.getValue()) {
          long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
          if (left <= 0) {
            return false;
          }
          progress.wait(left);
        }
      }
    }
    return true;
  }

  /**
   * Made when first needed (so an instance starts while the broker is away). Its transactional id
   * is new for every producer made: a transactional id names one producer, and two producers with
   * the same id fence each other; this table never consumes-and-produces, so nothing needs fencing
   * between instances, or between tables.
   */
  private Producer<String, byte[]> transactionalProducer() {
    if (producer == null) {
      Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
      config.put(ProducerConfig.ACKS_CONFIG, "all");
      config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
      config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
      config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, clientId + "-" + UUID.randomUUID());
      config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, topicWait.toMillis());
      // A transaction here lives for one write, which gives up after topicWait anyway. When an
      // instance dies inside one, the broker aborts it only after this timeout, and until then
      // every instance's committed read of that partition stops at it, so no write there can be
      // read back: at the client's default (60 s) a crash stalled the alerts service's deliveries
      // and matching for a minute and made webhooks post again (the kill-mid-burst drill).
      config.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) topicWait.toMillis());
      Producer<String, byte[]> made =
          new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
      try {
        made.initTransactions();
      } catch (RuntimeException e) {
        made.close(Duration.ZERO);
        log.warn("The {} producer cannot start yet: {}", topic, e.toString());
        throw new UnavailableException("the producer of " + topic + " cannot start yet");
      }
      producer = made;
    }
    return producer;
  }

  private void discard(Producer<String, byte[]> broken) {
    producer = null;
    broken.close(Duration.ZERO);
  }

  /**
   * Starts reading the topic from the beginning on a thread of its own, and returns once it has
   * caught up, or after the topic wait (at most {@link #START_WAIT}), whichever comes first: an
   * application whose tables start this way serves its first call with them read, and one whose
   * broker is away still starts, its tables going on reading (and its features reporting not
   * ready). Started again after {@link #stop()}, it reads it all again and is not caught up until
   * it has.
   *
   * @throws IllegalStateException when it is running
   */
  public void start() {
    CountDownLatch latch;
    synchronized (this) {
      if (running) {
        throw new IllegalStateException(topic + " is being read already");
      }
      latch = new CountDownLatch(1);
      caughtUp = latch;
      positions.clear();
      Consumer<String, byte[]> made =
          new KafkaConsumer<>(consumerConfig("read_committed"), keys(), values());
      consumer = made;
      running = true;
      reader = Thread.ofPlatform().name(clientId).daemon().start(() -> read(made, latch));
    }
    try {
      if (!latch.await(
          Math.min(topicWait.toMillis(), START_WAIT.toMillis()), TimeUnit.MILLISECONDS)) {
        log.warn("{} is not read to its end yet; reading on", topic);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Map<String, Object> consumerConfig(String isolation) {
    Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId + "-" + UUID.randomUUID());
    return config;
  }

  private static StringDeserializer keys() {
    return new StringDeserializer();
  }

  private static ByteArrayDeserializer values() {
    return new ByteArrayDeserializer();
  }

  private void read(Consumer<String, byte[]> consumer, CountDownLatch caughtUp) {
    try {
      List<TopicPartition> partitions = untilAnswered(() -> partitions(consumer));
      Map<TopicPartition, Long> end = untilAnswered(() -> highWatermarks(partitions));
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      while (running) {
        // Shorter while catching up: a fetch that holds only the commit markers at the end
        // returns no record, and the position moves past them only at the next one.
        Duration poll = caughtUp.getCount() > 0 ? CATCH_UP_POLL : POLL;
        for (ConsumerRecord<String, byte[]> record : consumer.poll(poll)) {
          apply(record);
        }
        synchronized (progress) {
          for (TopicPartition partition : partitions) {
            positions.put(partition, consumer.position(partition));
          }
          progress.notifyAll();
        }
        if (caughtUp.getCount() > 0
            && end.entrySet().stream()
                .allMatch(e -> positions.getOrDefault(e.getKey(), 0L) >= e.getValue())) {
          caughtUp.countDown();
          log.info("{} caught up", topic);
        }
      }
    } catch (WakeupException | InterruptException e) {
      // stopping
    } catch (RuntimeException e) {
      log.error("Reading {} failed; this instance stays not ready", topic, e);
    } finally {
      // Interrupted to stop, it still closes its consumer.
      Thread.interrupted();
      consumer.close();
    }
  }

  private void apply(ConsumerRecord<String, byte[]> record) {
    if (record.key() == null) {
      return;
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

  /** The topic's partitions, or null when the broker does not know them (yet). */
  private List<TopicPartition> partitions(Consumer<String, byte[]> consumer) {
    var found = consumer.partitionsFor(topic, MAX_RETRY);
    if (found == null || found.isEmpty()) {
      return null;
    }
    return found.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
  }

  /**
   * Where each partition ends for a reader of uncommitted records: the high watermark, which the
   * position of this table's committed reader passes only once every transaction that was open then
   * has ended, its markers written (see the class comment).
   */
  private Map<TopicPartition, Long> highWatermarks(List<TopicPartition> partitions) {
    try (var uncommitted =
        new KafkaConsumer<>(consumerConfig("read_uncommitted"), keys(), values())) {
      // Assigned, or the client warns that it has nowhere to note the watermarks it is told.
      uncommitted.assign(partitions);
      return uncommitted.endOffsets(partitions, MAX_RETRY);
    }
  }

  /**
   * Asks until the broker answers: an instance that starts while Kafka is away waits for it rather
   * than staying not ready for good.
   */
  private <T> T untilAnswered(Supplier<T> question) {
    Duration wait = Duration.ofMillis(500);
    while (running) {
      try {
        T answer = question.get();
        if (answer != null) {
          return answer;
        }
      } catch (WakeupException | InterruptException e) {
        throw e;
      } catch (KafkaException e) {
        // the broker is not there yet (a timeout, most likely)
        log.debug("{} cannot be read yet: {}", topic, e.toString());
      }
      log.warn("{} cannot be read yet; retrying in {}", topic, wait);
      try {
        Thread.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new WakeupException();
      }
      wait = wait.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : wait.multipliedBy(2);
    }
    throw new WakeupException();
  }

  /** Stops reading, and closes the producer (waiting up to 5 s for what it is sending). */
  public synchronized void stop() {
    running = false;
    if (consumer != null) {
      consumer.wakeup();
    }
    if (reader != null) {
      // Also ends a wait for the broker between two questions.
      reader.interrupt();
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
