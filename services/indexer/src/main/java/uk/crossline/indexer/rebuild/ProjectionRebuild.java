package uk.crossline.indexer.rebuild;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Service;
import uk.crossline.indexer.IndexerSettings;
import uk.crossline.indexer.projection.Generations;
import uk.crossline.indexer.projection.Generations.Recorded;
import uk.crossline.indexer.projection.Generations.State;
import uk.crossline.indexer.projection.IntelligenceProjection;
import uk.crossline.indexer.projection.ProjectionUnavailableException;
import uk.crossline.kit.problem.ProblemException;
import uk.crossline.model.Caller;
import uk.crossline.model.projection.IntelligenceIndex;

/**
 * Rebuilds the projection from the beginning of the events topic into a fresh generation, while
 * search keeps reading the live one through the alias, and switches the alias once the new
 * generation has caught up. One rebuild at a time across all indexer instances.
 *
 * <p>With N the live generation:
 *
 * <ol>
 *   <li><b>Claim.</b> M = the highest generation that has any index, or N, plus one. The state
 *       document becomes {live: N, building: M}, written only if nobody changed it since it was
 *       read (sequence number), so two instances cannot both claim; a claim whose heartbeat is
 *       older than {@code abandoned-after} (its instance died) may be taken over. Indices of other
 *       generations that the alias does not serve (left by a failed or abandoned attempt) are
 *       deleted.
 *   <li><b>Wait for the writers.</b> Every instance re-reads the state at least every {@code
 *       generation-refresh}; after twice that, every batch the live listener projects goes into N
 *       and M alike.
 *   <li><b>Read.</b> Take the end offsets of every partition now (E; under {@code read_committed},
 *       the last stable offsets), then read every partition from its beginning up to E with a plain
 *       consumer of no group, applying each batch to M (not live) and refreshing M, so the next
 *       batch's lookup sees where each event is. Unreadable records are skipped and counted (the
 *       live listener dead-letters them); documents Elasticsearch refuses likewise.
 *   <li><b>Sweep.</b> Take the end offsets again (E2) and re-apply only the retention tombstones
 *       between E and E2. A tombstone is a delete without a version, so the live listener may have
 *       applied it to M before this rebuild wrote the older record it deletes; re-applying it after
 *       the read closes that gap. Tombstones after E2 were published after the read had finished.
 *   <li><b>Switch.</b> Create in M, empty, every monthly index N has and M lacks (the alias keeps
 *       covering the same months, and exists even if M holds nothing), refresh M, renew the claim,
 *       then move the alias in one {@code updateAliases} request: it leaves every index it served
 *       and joins every index of M. Searches see N or M, never a mixture, never nothing. Then the
 *       state becomes {live: M}.
 *   <li><b>Clean up.</b> After twice {@code generation-refresh}, when no instance writes N any
 *       more, one more atomic request adds to the alias any index of M an instance created
 *       unaliased in the meantime (a new month) and deletes every index of an older generation.
 * </ol>
 *
 * <p>Why nothing is lost: a record before E is read by the rebuild; a record from E on is published
 * after every instance writes M, so the live listener writes it to M. Both may write the same
 * event: documents carry the event's revision as external version, so the older write is a no-op
 * whichever comes last, and a retraction is a versioned document too.
 *
 * <p>On failure before the switch: the state goes back to {live: N}, M's indices are deleted once
 * no instance writes them any more, and the error is kept for the status endpoint. Search never
 * noticed. A failure after the switch leaves M live: the error is kept and the next rebuild cleans
 * up.
 */
@Service
class ProjectionRebuild implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);
  private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(20);

  private final Generations generations;
  private final IntelligenceProjection projection;
  private final ConsumerFactory<?, ?> consumers;
  private final IndexerSettings indexer;
  private final RebuildSettings settings;
  private final Clock clock;
  private RebuildRun last;
  private Thread worker;

  ProjectionRebuild(
      Generations generations,
      IntelligenceProjection projection,
      ConsumerFactory<?, ?> consumers,
      IndexerSettings indexer,
      RebuildSettings settings,
      Clock clock) {
    this.generations = generations;
    this.projection = projection;
    this.consumers = consumers;
    this.indexer = indexer;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * Claims the next generation and starts building it on a background thread.
   *
   * @throws ProblemException 409 if a rebuild is running here or on another instance
   */
  synchronized ProjectionState start(Caller caller) {
    if (last != null && last.status().running()) {
      throw alreadyRunning(last.status().generation());
    }
    try {
      Optional<Recorded> recorded = generations.recordedNow();
      State state = recorded.map(Recorded::state).orElseGet(generations::current);
      if (state.building().isPresent()) {
        var heard = recorded.orElseThrow().changedAt();
        if (heard.plus(settings.abandonedAfter()).isAfter(clock.instant())) {
          throw alreadyRunning(state.building().get());
        }
        log.warn(
            "The rebuild of generation {} has not been heard of since {}; taking over",
            state.building().get(),
            heard);
      }
      Map<String, Boolean> indices = generations.indices();
      int target = Math.max(state.live(), highestGeneration(indices)) + 1;
      State claimed = new State(state.live(), Optional.of(target));
      Optional<Recorded> claim = generations.writeIfUnchanged(claimed, recorded);
      if (claim.isEmpty()) {
        throw alreadyRunning(target);
      }
      last =
          new RebuildRun(
              generations,
              projection,
              consumerConfig(),
              indexer,
              settings,
              clock,
              claim.get(),
              caller.username());
      worker = Thread.ofPlatform().name("projection-rebuild-g" + target).start(last);
      log.info(
          "Rebuild of generation {} (replacing {}) started by {}",
          target,
          state.live(),
          caller.username());
      return new ProjectionState(claimed.live(), claimed.building(), Optional.of(last.status()));
    } catch (IOException | ElasticsearchException | ProjectionUnavailableException e) {
      throw unavailable(e);
    }
  }

  /** The state as recorded now, and this instance's latest rebuild. */
  ProjectionState state() {
    try {
      State state = generations.recordedNow().map(Recorded::state).orElseGet(generations::current);
      RebuildRun run;
      synchronized (this) {
        run = last;
      }
      return new ProjectionState(
          state.live(), state.building(), Optional.ofNullable(run).map(RebuildRun::status));
    } catch (IOException | ElasticsearchException | ProjectionUnavailableException e) {
      throw unavailable(e);
    }
  }

  /** A rebuild cut short by shutdown rolls back, so the next start finds a clean state. */
  @Override
  public void destroy() throws InterruptedException {
    RebuildRun run;
    Thread thread;
    synchronized (this) {
      run = last;
      thread = worker;
    }
    if (run != null && run.status().running()) {
      run.cancel();
      thread.join(SHUTDOWN_GRACE);
    }
  }

  static int highestGeneration(Map<String, Boolean> indices) {
    return indices.keySet().stream()
        .map(IntelligenceIndex::parse)
        .flatMap(Optional::stream)
        .mapToInt(IntelligenceIndex.Parsed::generation)
        .max()
        .orElse(0);
  }

  /**
   * The consumer settings of the application (brokers, security) without its group: the rebuild
   * assigns partitions itself, commits nothing, and must never join the live listeners' group.
   */
  private Map<String, Object> consumerConfig() {
    Map<String, Object> config = new HashMap<>(consumers.getConfigurationProperties());
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "crossline-indexer-rebuild");
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    return config;
  }

  private static ProblemException alreadyRunning(int generation) {
    return new ProblemException(
        HttpStatus.CONFLICT,
        "Rebuild already running",
        "A rebuild of generation "
            + generation
            + " is already running; follow it at GET /api/v1/admin/projection.",
        List.of());
  }

  private static ProblemException unavailable(Exception e) {
    log.warn("The projection's state cannot be read or written now: {}", e.getMessage());
    return new ProblemException(
        HttpStatus.SERVICE_UNAVAILABLE,
        "Projection unavailable",
        "Elasticsearch cannot answer now; try again shortly.",
        List.of());
  }
}
