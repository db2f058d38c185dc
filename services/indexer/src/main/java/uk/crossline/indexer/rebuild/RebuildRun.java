package uk.crossline.indexer.rebuild;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.crossline.indexer.IndexerSettings;
import uk.crossline.indexer.projection.DocumentRejectedException;
import uk.crossline.indexer.projection.Generations;
import uk.crossline.indexer.projection.Generations.Recorded;
import uk.crossline.indexer.projection.Generations.State;
import uk.crossline.indexer.projection.IntelligenceProjection;
import uk.crossline.indexer.projection.ProjectedRecord;
import uk.crossline.indexer.projection.ProjectionUnavailableException;
import uk.crossline.indexer.rebuild.RebuildStatus.Phase;
import uk.crossline.model.Topics;
import uk.crossline.model.event.EventId;
import uk.crossline.model.event.EventJson;
import uk.crossline.model.projection.IntelligenceIndex;

/**
 * One rebuild, from its claim to its outcome, on its own thread: the steps described on {@link
 * ProjectionRebuild}. Its progress can be read from any thread while it runs.
 */
final class RebuildRun implements Runnable {

  private static final Logger log = LoggerFactory.getLogger(RebuildRun.class);

  private final Generations generations;
  private final IntelligenceProjection projection;
  private final Map<String, Object> consumerConfig;
  private final IndexerSettings indexer;
  private final RebuildSettings settings;
  private final Clock clock;
  private final int live;
  private final int target;
  private final String startedBy;
  private final Instant startedAt;
  private final CountDownLatch cancelled = new CountDownLatch(1);

  private volatile Recorded claim;
  private volatile Instant lastHeartbeat;
  private volatile Phase phase = Phase.WAITING_FOR_WRITERS;
  private volatile long read;
  private volatile long toRead;
  private volatile long unreadable;
  private volatile long rejected;
  private volatile Instant finishedAt;
  private volatile String lastError;

  RebuildRun(
      Generations generations,
      IntelligenceProjection projection,
      Map<String, Object> consumerConfig,
      IndexerSettings indexer,
      RebuildSettings settings,
      Clock clock,
      Recorded claim,
      String startedBy) {
    this.generations = generations;
    this.projection = projection;
    this.consumerConfig = Map.copyOf(consumerConfig);
    this.indexer = indexer;
    this.settings = settings;
    this.clock = clock;
    this.claim = claim;
    this.live = claim.state().live();
    this.target = claim.state().building().orElseThrow();
    this.startedBy = startedBy;
    this.startedAt = clock.instant();
    this.lastHeartbeat = startedAt;
  }

  RebuildStatus status() {
    return new RebuildStatus(
        target,
        live,
        phase,
        read,
        toRead,
        TopicRange.percent(read, toRead),
        unreadable,
        rejected,
        startedBy,
        startedAt,
        Optional.ofNullable(finishedAt),
        Optional.ofNullable(lastError));
  }

  /** Stops at the next step and rolls back (the indexer is shutting down). */
  void cancel() {
    cancelled.countDown();
  }

  @Override
  public void run() {
    boolean switched = false;
    try {
      deleteLeftovers();
      pause(indexer.generationRefresh().multipliedBy(2));
      try (Consumer<String, byte[]> consumer =
          new KafkaConsumer<>(
              consumerConfig, new StringDeserializer(), new ByteArrayDeserializer())) {
        List<TopicPartition> partitions = partitionsOf(consumer);
        consumer.assign(partitions);
        TopicRange range =
            new TopicRange(consumer.beginningOffsets(partitions), consumer.endOffsets(partitions));
        toRead = range.total();
        enter(Phase.READING);
        consumer.seekToBeginning(partitions);
        read(consumer, partitions, range, false);
        enter(Phase.SWEEPING);
        TopicRange late = new TopicRange(range.end(), consumer.endOffsets(partitions));
        range.end().forEach(consumer::seek);
        consumer.resume(partitions);
        read(consumer, partitions, late, true);
      }
      enter(Phase.SWITCHING);
      switchAlias();
      switched = true;
      claim = writeState(new State(target, Optional.empty()));
      enter(Phase.CLEANING_UP);
      cleanUp();
      finish(Phase.SUCCEEDED);
    } catch (CancellationException e) {
      fail(e, switched, "the indexer shut down during the rebuild");
    } catch (Exception e) {
      fail(e, switched, reasonOf(e));
    }
  }

  /**
   * Indices of a failed or abandoned attempt; never the live generation or what the alias serves.
   */
  private void deleteLeftovers() throws IOException {
    List<String> leftovers = new ArrayList<>();
    generations
        .indices()
        .forEach(
            (index, aliased) -> {
              int generation = generationOf(index);
              if (!aliased && generation != live && generation != target) {
                leftovers.add(index);
              }
            });
    if (!leftovers.isEmpty()) {
      log.info("Deleting {} indices left by earlier rebuilds: {}", leftovers.size(), leftovers);
      generations.deleteIndices(leftovers);
    }
  }

  /**
   * Reads every partition up to the range's end, in batches as polled.
   *
   * @param tombstonesOnly apply only retention tombstones (the sweep)
   */
  private void read(
      Consumer<String, byte[]> consumer,
      List<TopicPartition> partitions,
      TopicRange range,
      boolean tombstonesOnly) {
    while (true) {
      Map<TopicPartition, Long> positions = new HashMap<>();
      List<TopicPartition> reached = new ArrayList<>();
      for (TopicPartition partition : partitions) {
        long position = consumer.position(partition);
        positions.put(partition, position);
        if (range.reached(partition, position)) {
          reached.add(partition);
        }
      }
      if (!tombstonesOnly) {
        read = range.read(positions);
      }
      // Records past the end are not this step's; a reached partition is not fetched again.
      consumer.pause(reached);
      if (reached.size() == partitions.size()) {
        return;
      }
      heartbeatIfDue();
      checkNotCancelled();
      List<ProjectedRecord> batch = new ArrayList<>();
      for (ConsumerRecord<String, byte[]> record : consumer.poll(settings.pollTimeout())) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        if (!range.contains(partition, record.offset())
            || tombstonesOnly && record.value() != null) {
          continue;
        }
        Optional<ProjectedRecord> projected = projectedRecord(batch.size(), record);
        if (projected.isPresent()) {
          batch.add(projected.get());
        } else {
          unreadable++;
        }
      }
      apply(batch);
    }
  }

  /** As the live listener reads a record; empty where it would dead-letter it. */
  static Optional<ProjectedRecord> projectedRecord(
      int position, ConsumerRecord<String, byte[]> record) {
    try {
      if (record.key() == null) {
        return Optional.empty();
      }
      EventId key = EventId.of(record.key());
      if (record.value() == null) {
        return Optional.of(new ProjectedRecord(position, key, Optional.empty()));
      }
      var event = EventJson.read(record.value());
      if (!event.eventId().equals(key)) {
        return Optional.empty();
      }
      return Optional.of(new ProjectedRecord(position, key, Optional.of(event)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * Applies a batch to the new generation, retrying while Elasticsearch cannot take it (up to
   * {@code give-up-after}), and refreshes it: the projection finds an event's current copy by
   * search, so the next batch must see this one, or an amendment that moves an event to another
   * month, or a retraction, would miss the copy it replaces.
   */
  private void apply(List<ProjectedRecord> batch) {
    List<ProjectedRecord> pending = batch;
    Instant unavailableSince = null;
    Duration wait = indexer.retryInitialInterval();
    while (!pending.isEmpty()) {
      try {
        projection.apply(pending, target, false);
        generations.refresh(target);
        return;
      } catch (DocumentRejectedException e) {
        rejected++;
        pending = without(pending, e.position());
      } catch (ProjectionUnavailableException | IOException e) {
        Instant now = clock.instant();
        if (unavailableSince == null) {
          unavailableSince = now;
        }
        if (now.isAfter(unavailableSince.plus(settings.giveUpAfter()))) {
          throw new ProjectionUnavailableException(
              "Elasticsearch could not take a batch for " + settings.giveUpAfter(), e);
        }
        log.info("Rebuild of generation {} waits for Elasticsearch: {}", target, e.getMessage());
        pause(wait);
        wait = min(wait.multipliedBy(2), indexer.retryMaxInterval());
      }
    }
  }

  private static List<ProjectedRecord> without(List<ProjectedRecord> records, int position) {
    List<ProjectedRecord> rest = new ArrayList<>();
    for (ProjectedRecord record : records) {
      if (record.position() != position) {
        rest.add(new ProjectedRecord(rest.size(), record.eventId(), record.event()));
      }
    }
    return rest;
  }

  private void switchAlias() throws IOException {
    Map<String, Boolean> indices = generations.indices();
    for (String index : indices.keySet()) {
      var parsed = IntelligenceIndex.parse(index).orElseThrow();
      if (parsed.generation() == live) {
        generations.ensureIndex(IntelligenceIndex.name(target, parsed.month()), false);
      }
    }
    generations.refresh(target);
    heartbeat();
    indices = generations.indices();
    List<String> leaving = new ArrayList<>();
    List<String> joining = new ArrayList<>();
    indices.forEach(
        (index, aliased) -> {
          if (aliased) {
            leaving.add(index);
          }
          if (generationOf(index) == target) {
            joining.add(index);
          }
        });
    generations.changeAlias(leaving, joining, List.of());
    log.info(
        "The read alias now serves generation {} ({} indices) instead of {} ({} indices)",
        target,
        joining.size(),
        live,
        leaving.size());
  }

  private void cleanUp() throws IOException {
    pause(indexer.generationRefresh().multipliedBy(2));
    List<String> joining = new ArrayList<>();
    List<String> deleted = new ArrayList<>();
    generations
        .indices()
        .forEach(
            (index, aliased) -> {
              int generation = generationOf(index);
              if (generation == target && !aliased) {
                joining.add(index);
              } else if (generation < target) {
                deleted.add(index);
              }
            });
    generations.changeAlias(List.of(), joining, deleted);
    log.info(
        "Rebuild of generation {} done: {} offsets read, {} unreadable, {} refused; {} old indices"
            + " deleted",
        target,
        read,
        unreadable,
        rejected,
        deleted.size());
  }

  private void fail(Exception e, boolean switched, String reason) {
    if (switched && phase == Phase.CLEANING_UP) {
      // The new generation is live; the next rebuild deletes what is left of the old one.
      lastError = "the old generation's indices were not all deleted: " + reason;
      log.warn("Rebuild of generation {}: {}", target, lastError);
      finish(Phase.SUCCEEDED);
      return;
    }
    if (switched) {
      // Both generations are still written, so search stays complete; a new rebuild takes over
      // once this claim is abandoned.
      lastError =
          "the read alias serves generation "
              + target
              + " but the state could not be updated ("
              + reason
              + "); every instance still writes both generations; start a rebuild again";
      log.warn("Rebuild of generation {}: {}", target, lastError);
      finish(Phase.FAILED);
      return;
    }
    lastError = reason;
    if (e instanceof CancellationException) {
      log.warn("Rebuild of generation {} stopped, rolling back: {}", target, reason);
    } else {
      log.warn("Rebuild of generation {} failed, rolling back: {}", target, reason, e);
    }
    try {
      Optional<Recorded> rolledBack =
          generations.writeIfUnchanged(new State(live, Optional.empty()), Optional.of(claim));
      if (rolledBack.isPresent()) {
        // Instances stop writing the new generation within the refresh; then it can go.
        Thread.sleep(indexer.generationRefresh().multipliedBy(2));
        List<String> built =
            generations.indices().entrySet().stream()
                .filter(index -> !index.getValue() && generationOf(index.getKey()) == target)
                .map(Map.Entry::getKey)
                .toList();
        generations.deleteIndices(built);
      }
    } catch (IOException | RuntimeException rollback) {
      log.warn("Rolling back the rebuild of generation {} failed too", target, rollback);
      lastError = reason + "; rolling back failed too: " + reasonOf(rollback);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
    finish(Phase.FAILED);
  }

  private Recorded writeState(State state) throws IOException {
    return generations
        .writeIfUnchanged(state, Optional.of(claim))
        .orElseThrow(
            () -> new IllegalStateException("another instance changed the projection's state"));
  }

  private void heartbeatIfDue() {
    if (clock.instant().isBefore(lastHeartbeat.plus(settings.heartbeat()))) {
      return;
    }
    try {
      heartbeat();
    } catch (IOException | ProjectionUnavailableException e) {
      // Elasticsearch is away: the batches will wait for it, and the next heartbeat will try again.
      log.info("Rebuild of generation {}: heartbeat not written: {}", target, e.getMessage());
    } catch (ElasticsearchException e) {
      if (e.status() < 500 && e.status() != 429) {
        throw e;
      }
    }
  }

  /** Renews the claim; fails if another instance has changed the state since, taking over. */
  private void heartbeat() throws IOException {
    claim = writeState(claim.state());
    lastHeartbeat = clock.instant();
  }

  private void pause(Duration duration) {
    try {
      if (cancelled.await(duration.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new CancellationException("the indexer is shutting down");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted");
    }
  }

  private void checkNotCancelled() {
    if (cancelled.getCount() == 0 || Thread.currentThread().isInterrupted()) {
      throw new CancellationException("the indexer is shutting down");
    }
  }

  private void enter(Phase next) {
    log.info("Rebuild of generation {}: {}", target, next);
    phase = next;
  }

  private void finish(Phase outcome) {
    finishedAt = clock.instant();
    phase = outcome;
  }

  private static List<TopicPartition> partitionsOf(Consumer<String, byte[]> consumer) {
    return consumer.partitionsFor(Topics.INTELLIGENCE_EVENTS).stream()
        .map(info -> new TopicPartition(info.topic(), info.partition()))
        .toList();
  }

  private static int generationOf(String index) {
    return IntelligenceIndex.parse(index).map(IntelligenceIndex.Parsed::generation).orElse(-1);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /** What went wrong, in words for the operator: no stack trace, no record content. */
  private static String reasonOf(Exception e) {
    if (e instanceof ElasticsearchException elastic) {
      return "Elasticsearch refused: " + elastic.error().type() + " (" + elastic.status() + ")";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
