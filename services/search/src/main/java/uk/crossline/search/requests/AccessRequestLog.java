package uk.crossline.search.requests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import uk.crossline.kit.problem.ProblemException;
import uk.crossline.model.Topics;
import uk.crossline.model.accessrequest.AccessApproved;
import uk.crossline.model.accessrequest.AccessRefused;
import uk.crossline.model.accessrequest.AccessRequest;
import uk.crossline.model.accessrequest.AccessRequestEvent;
import uk.crossline.model.accessrequest.AccessRequestJson;
import uk.crossline.model.accessrequest.AccessRequested;
import uk.crossline.model.accessrequest.Decision;

/**
 * Every access request and its decision, read by every search instance from the beginning of the
 * compacted topic (no consumer group) and kept in memory: a global table, so any instance lists and
 * decides alike. A call that publishes waits until its own record has come back from the topic, so
 * the topic's order decides between two people deciding at once, and the caller's next read on this
 * instance already shows what it did.
 */
@Component
class AccessRequestLog implements SmartLifecycle, HealthIndicator {

  private static final Logger log = LoggerFactory.getLogger(AccessRequestLog.class);

  enum Status {
    PENDING,
    APPROVED,
    REFUSED
  }

  /** A request as it stands: its first decision, if any, is the one that counts. */
  record Entry(AccessRequest request, Status status, Optional<Decision> decision) {}

  private final Map<UUID, Entry> byId = new ConcurrentHashMap<>();
  private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
  private final KafkaProperties kafka;
  private final RequestSettings settings;
  private final Object progress = new Object();
  private final Object transactions = new Object();
  private volatile boolean caughtUp;
  private volatile boolean running;
  private volatile Consumer<String, byte[]> consumer;
  private volatile Producer<String, byte[]> producer;
  private volatile Thread reader;

  AccessRequestLog(KafkaProperties kafka, RequestSettings settings) {
    this.kafka = kafka;
    this.settings = settings;
  }

  Optional<Entry> get(UUID requestId) {
    return Optional.ofNullable(byId.get(requestId));
  }

  List<Entry> all() {
    requireCaughtUp();
    return List.copyOf(byId.values());
  }

  /**
   * Publishes the event and returns once this instance has read it back.
   *
   * @throws ProblemException 503 when the broker did not take it, or it did not come back in time
   */
  void publish(AccessRequestEvent event) {
    publishAll(List.of(event));
  }

  /**
   * Publishes the events in one transaction, so an ask reaches its originators whole or not at all,
   * and returns once this instance has read them back.
   *
   * @throws ProblemException 503 when the broker did not take them, or they did not come back in
   *     time; then none of them was published
   */
  void publishAll(List<? extends AccessRequestEvent> events) {
    requireCaughtUp();
    Map<TopicPartition, Long> last = new HashMap<>();
    synchronized (transactions) {
      Producer<String, byte[]> producer = transactionalProducer();
      try {
        producer.beginTransaction();
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (AccessRequestEvent event : events) {
          sent.add(
              producer.send(
                  new ProducerRecord<>(
                      Topics.ACCESS_REQUESTS,
                      event.request().requestId().toString(),
                      AccessRequestJson.write(event))));
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
        throw unavailable();
      } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException e) {
        // The producer cannot go on: a fresh one (with a fresh transactional id) next time.
        log.warn("The access-requests producer failed: {}", e.toString());
        discard(producer);
        throw unavailable();
      } catch (Exception e) {
        log.warn("Access-request records were not published: {}", e.toString());
        try {
          producer.abortTransaction();
        } catch (RuntimeException abortFailed) {
          discard(producer);
        }
        throw unavailable();
      }
    }
    awaitReadBack(last);
  }

  /** Waits until the reader has passed each partition's last offset written. */
  private void awaitReadBack(Map<TopicPartition, Long> last) {
    long deadline = System.nanoTime() + settings.topicWait().toNanos();
    synchronized (progress) {
      for (Map.Entry<TopicPartition, Long> written : last.entrySet()) {
        while (positions.getOrDefault(written.getKey(), 0L) <= written.getValue()) {
          long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
          if (left <= 0) {
            throw unavailable();
          }
          try {
            progress.wait(left);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
          }
        }
      }
    }
  }

  /**
   * The transactional producer, made when first needed (so an instance starts while the broker is
   * away) with a transactional id of its own: it never consumes-and-produces, so nothing needs
   * fencing between instances.
   */
  private Producer<String, byte[]> transactionalProducer() {
    if (producer == null) {
      Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
      config.put(ProducerConfig.ACKS_CONFIG, "all");
      config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
      config.put(ProducerConfig.CLIENT_ID_CONFIG, "crossline-search-access-requests");
      config.put(
          ProducerConfig.TRANSACTIONAL_ID_CONFIG,
          "crossline-search-access-requests-" + UUID.randomUUID());
      config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, settings.topicWait().toMillis());
      Producer<String, byte[]> made =
          new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
      try {
        made.initTransactions();
      } catch (RuntimeException e) {
        made.close(Duration.ZERO);
        log.warn("The access-requests producer cannot start yet: {}", e.toString());
        throw unavailable();
      }
      producer = made;
    }
    return producer;
  }

  private void discard(Producer<String, byte[]> broken) {
    producer = null;
    broken.close(Duration.ZERO);
  }

  /** How a record of the topic changes the table: a request once, then its first decision. */
  void apply(AccessRequestEvent event) {
    UUID id = event.request().requestId();
    switch (event) {
      case AccessRequested requested ->
          byId.putIfAbsent(id, new Entry(requested.request(), Status.PENDING, Optional.empty()));
      case AccessApproved approved ->
          decide(approved.request(), Status.APPROVED, approved.decision());
      case AccessRefused refused -> decide(refused.request(), Status.REFUSED, refused.decision());
    }
  }

  private void decide(AccessRequest request, Status status, Decision decision) {
    byId.compute(
        request.requestId(),
        (id, entry) ->
            entry != null && entry.status() != Status.PENDING
                ? entry
                : new Entry(request, status, Optional.of(decision)));
  }

  @Override
  public Health health() {
    return caughtUp
        ? Health.up().withDetail("accessRequests", byId.size()).build()
        : Health.outOfService().withDetail("accessRequests", "catching up").build();
  }

  @Override
  public void start() {
    Map<String, Object> consumerConfig = new HashMap<>(kafka.buildConsumerProperties());
    consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
    consumerConfig.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    consumerConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, "crossline-search-access-requests");
    consumer =
        new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new ByteArrayDeserializer());
    running = true;
    reader = Thread.ofPlatform().name("access-requests").daemon().start(this::read);
  }

  private void read() {
    try {
      List<TopicPartition> partitions = partitions();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (running) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          if (record.value() == null) {
            continue;
          }
          try {
            apply(AccessRequestJson.read(record.value()));
          } catch (IllegalArgumentException e) {
            // The reason names the field, never the free text of a request.
            log.warn(
                "Access-request record {}-{}@{} skipped: {}",
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
          log.info("Access requests caught up: {} requests", byId.size());
        }
      }
    } catch (WakeupException e) {
      // stopping
    } catch (RuntimeException e) {
      log.error("Reading access requests failed; this instance stays not ready", e);
    } finally {
      consumer.close();
    }
  }

  private void requireCaughtUp() {
    if (!caughtUp) {
      throw unavailable();
    }
  }

  private static ProblemException unavailable() {
    return new ProblemException(
        HttpStatus.SERVICE_UNAVAILABLE,
        "Access requests unavailable",
        "Access requests cannot be handled just now; try again shortly.",
        List.of());
  }

  /**
   * The topic's partitions, asked for until the broker answers: an instance that starts while Kafka
   * is away waits for it rather than staying not ready for good.
   */
  private List<TopicPartition> partitions() {
    while (running) {
      try {
        var found = consumer.partitionsFor(Topics.ACCESS_REQUESTS, Duration.ofSeconds(10));
        if (found != null && !found.isEmpty()) {
          return found.stream()
              .map(info -> new TopicPartition(info.topic(), info.partition()))
              .toList();
        }
      } catch (org.apache.kafka.common.errors.TimeoutException e) {
        // the broker is not there yet
      }
      log.warn("The access-requests topic cannot be read yet; retrying");
      try {
        Thread.sleep(Duration.ofSeconds(1));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new WakeupException();
      }
    }
    throw new WakeupException();
  }

  @Override
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

  @Override
  public boolean isRunning() {
    return running;
  }
}
