package uk.crossline.intake.submission;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import uk.crossline.intake.agency.ServedAgencies;
import uk.crossline.model.Topics;
import uk.crossline.model.event.EventId;

/**
 * The receipts of the agencies this instance serves, read from the compacted receipts topic at
 * start-up and kept current. Until it has caught up the instance reports itself not ready, so that
 * no retry is taken for a new report.
 */
@Component
class Receipts implements SmartLifecycle, HealthIndicator {

  private static final Logger log = LoggerFactory.getLogger(Receipts.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Map<EventId, Receipt> byEvent = new ConcurrentHashMap<>();
  private final CountDownLatch caughtUp = new CountDownLatch(1);
  private final ConsumerFactory<?, ?> consumers;
  private final ServedAgencies agencies;
  private volatile Consumer<String, byte[]> consumer;
  private volatile Thread reader;
  private volatile boolean running;

  Receipts(ConsumerFactory<?, ?> consumers, ServedAgencies agencies) {
    this.consumers = consumers;
    this.agencies = agencies;
  }

  Optional<Receipt> of(EventId eventId) {
    return Optional.ofNullable(byEvent.get(eventId));
  }

  /** Records what this instance has just published (the topic will say the same shortly). */
  void record(Receipt receipt) {
    byEvent.merge(receipt.eventId(), receipt, Receipts::newer);
  }

  static byte[] serialise(Receipt receipt) {
    return JSON.writeValueAsBytes(receipt);
  }

  boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
    return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public Health health() {
    return caughtUp.getCount() == 0
        ? Health.up().withDetail("receipts", byEvent.size()).build()
        : Health.outOfService().withDetail("receipts", "catching up").build();
  }

  @Override
  @SuppressWarnings("unchecked")
  public void start() {
    consumer =
        (Consumer<String, byte[]>)
            consumers.createConsumer(
                null,
                "intake-receipts",
                null,
                toProperties(
                    Map.of(
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        "false",
                        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                        StringDeserializer.class.getName(),
                        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                        ByteArrayDeserializer.class.getName())));
    running = true;
    reader = Thread.ofPlatform().name("intake-receipts").daemon().start(this::read);
  }

  private void read() {
    try {
      List<TopicPartition> partitions = partitions();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (running) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          apply(record);
        }
        if (caughtUp.getCount() > 0
            && end.entrySet().stream()
                .allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
          caughtUp.countDown();
          log.info("Receipts caught up: {} events of the agencies served", byEvent.size());
        }
      }
    } catch (WakeupException e) {
      // stopping
    } catch (RuntimeException e) {
      log.error("Reading receipts failed; this instance stays not ready", e);
    } finally {
      consumer.close();
    }
  }

  /**
   * The receipts topic's partitions, asked for until the broker answers: an intake that starts
   * while Kafka is away waits for it rather than staying not ready for good.
   */
  private List<TopicPartition> partitions() {
    Duration wait = Duration.ofMillis(500);
    while (running) {
      try {
        var found = consumer.partitionsFor(Topics.INTAKE_RECEIPTS, Duration.ofSeconds(10));
        if (found != null && !found.isEmpty()) {
          return found.stream()
              .map(info -> new TopicPartition(info.topic(), info.partition()))
              .toList();
        }
      } catch (org.apache.kafka.common.errors.TimeoutException e) {
        // the broker is not there yet
      }
      log.warn("The receipts topic cannot be read yet; retrying in {}", wait);
      try {
        Thread.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new WakeupException();
      }
      wait =
          wait.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0
              ? Duration.ofSeconds(10)
              : wait.multipliedBy(2);
    }
    throw new WakeupException();
  }

  private void apply(ConsumerRecord<String, byte[]> record) {
    if (record.value() == null) {
      byEvent.remove(EventId.of(record.key()));
      return;
    }
    Receipt receipt = JSON.readValue(record.value(), Receipt.class);
    if (agencies.serves(receipt.agency())) {
      byEvent.merge(receipt.eventId(), receipt, Receipts::newer);
    }
  }

  private static Receipt newer(Receipt a, Receipt b) {
    return b.revision() >= a.revision() ? b : a;
  }

  private static java.util.Properties toProperties(Map<String, Object> values) {
    var properties = new java.util.Properties();
    properties.putAll(values);
    return properties;
  }

  @Override
  public void stop() {
    running = false;
    if (consumer != null) {
      consumer.wakeup();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
