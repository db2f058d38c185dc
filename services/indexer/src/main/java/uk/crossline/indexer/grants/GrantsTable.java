package uk.crossline.indexer.grants;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import uk.crossline.indexer.projection.EventGrants;
import uk.crossline.indexer.projection.ProjectionUnavailableException;
import uk.crossline.model.AgencyId;
import uk.crossline.model.Topics;
import uk.crossline.model.accessrequest.AccessApproved;
import uk.crossline.model.accessrequest.AccessRefused;
import uk.crossline.model.accessrequest.AccessRequestEvent;
import uk.crossline.model.accessrequest.AccessRequestJson;
import uk.crossline.model.accessrequest.AccessRequested;
import uk.crossline.model.event.EventId;

/**
 * Every approved access request, read by every indexer instance from the beginning of the compacted
 * topic with no consumer group, like a global table: Kafka stays the source of truth and a rebuild
 * restores every grant. A request's first decision on the topic is the one that counts. A new grant
 * is recorded here before any document is written, so a batch built after it carries it, and one
 * built before it notices through {@link #changedSince}.
 */
@Component
class GrantsTable implements EventGrants, SmartLifecycle, HealthIndicator {

  private static final Logger log = LoggerFactory.getLogger(GrantsTable.class);
  private static final Duration WAIT_FOR_CATCH_UP = Duration.ofSeconds(30);

  /** A grant, with the originator that decided it: only the event's own originator's count. */
  private record Grant(AgencyId agency, AgencyId originator) {}

  private final Set<UUID> decided = ConcurrentHashMap.newKeySet();
  private final Map<EventId, Set<Grant>> grants = new ConcurrentHashMap<>();
  private final Map<EventId, Long> changed = new ConcurrentHashMap<>();
  private final BlockingQueue<EventId> toWrite = new LinkedBlockingQueue<>();
  private final CountDownLatch caughtUp = new CountDownLatch(1);
  private final KafkaProperties kafka;
  private volatile long version;
  private volatile boolean running;
  private volatile Consumer<String, byte[]> consumer;
  private volatile Thread reader;

  GrantsTable(KafkaProperties kafka) {
    this.kafka = kafka;
  }

  @Override
  public long version() {
    try {
      if (!caughtUp.await(WAIT_FOR_CATCH_UP.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new ProjectionUnavailableException("the grants have not been read yet", null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProjectionUnavailableException("interrupted waiting for the grants", e);
    }
    return version;
  }

  @Override
  public Set<AgencyId> of(EventId eventId, AgencyId originator) {
    Set<AgencyId> agencies = new HashSet<>();
    for (Grant grant : grants.getOrDefault(eventId, Set.of())) {
      if (grant.originator().equals(originator)) {
        agencies.add(grant.agency());
      }
    }
    return Set.copyOf(agencies);
  }

  @Override
  public Set<EventId> changedSince(long since, Collection<EventId> eventIds) {
    Set<EventId> found = new HashSet<>();
    for (EventId id : eventIds) {
      if (changed.getOrDefault(id, 0L) > since) {
        found.add(id);
      }
    }
    return found;
  }

  /** The next event whose new grant should be written onto its documents, if one comes in time. */
  EventId nextToWrite(Duration wait) throws InterruptedException {
    return toWrite.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Tries the event again later. */
  void writeLater(EventId eventId) {
    toWrite.add(eventId);
  }

  /** A record of the topic: an approval that is its request's first decision adds a grant. */
  synchronized void apply(AccessRequestEvent event) {
    switch (event) {
      case AccessRequested requested -> {}
      case AccessRefused refused -> decided.add(refused.request().requestId());
      case AccessApproved approved -> {
        if (!decided.add(approved.request().requestId())) {
          return;
        }
        EventId eventId = approved.request().eventId();
        grants
            .computeIfAbsent(eventId, id -> ConcurrentHashMap.newKeySet())
            .add(new Grant(approved.request().requester(), approved.request().originator()));
        // The table first, then the documents (see the class comment).
        version++;
        changed.put(eventId, version);
        toWrite.add(eventId);
      }
    }
  }

  @Override
  public Health health() {
    return caughtUp.getCount() == 0
        ? Health.up().withDetail("grantedEvents", grants.size()).build()
        : Health.outOfService().withDetail("grants", "catching up").build();
  }

  @Override
  public void start() {
    Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "crossline-indexer-grants");
    consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    running = true;
    reader = Thread.ofPlatform().name("indexer-grants").daemon().start(this::read);
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
            log.warn(
                "Access-request record {}-{}@{} skipped: {}",
                record.topic(),
                record.partition(),
                record.offset(),
                e.getMessage());
          }
        }
        if (caughtUp.getCount() > 0
            && end.entrySet().stream()
                .allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
          caughtUp.countDown();
          log.info("Grants caught up: {} events granted", grants.size());
        }
      }
    } catch (WakeupException e) {
      // stopping
    } catch (RuntimeException e) {
      log.error("Reading the grants failed; this instance stays not ready", e);
    } finally {
      consumer.close();
    }
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
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
