package uk.crossline.search.access;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import uk.crossline.model.access.AccessFilter;
import uk.crossline.model.access.AccessPolicy;
import uk.crossline.model.projection.IntelligenceIndex;

/**
 * Whether every live document of the projection bears this access policy's stamps, so that the
 * access filters may take their cheap form, one term on the document's reach ({@link
 * AccessFilter#byReach}), rather than their conditions on the fields ({@link
 * AccessFilter#byFields}). Checked when the service starts and then every few seconds, by counting
 * the live documents the policy did not stamp. Until a check finds none, and as soon as one finds
 * one or fails, searches read the fields: slower, never wrong.
 *
 * <p>Between two checks a document stamped under another policy may arrive (an indexer deployed
 * with another partnership file); the reach form never matches it, so it stays hidden until the
 * next check turns to the fields. A change of partnership hides, it never shows; rebuilding the
 * projection stamps every document again.
 */
@Component
public class ProjectionStamps implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ProjectionStamps.class);

  private final ElasticsearchClient client;
  private final AccessPolicy policy;
  private final ReachSettings settings;
  private volatile boolean stamped;
  private volatile ScheduledExecutorService checks;

  ProjectionStamps(
      ElasticsearchClient client,
      AccessPolicy policy,
      ReachSettings settings,
      MeterRegistry meters) {
    this.client = client;
    this.policy = policy;
    this.settings = settings;
    Gauge.builder("crossline.search.reach.stamped", this, stamps -> stamps.stamped ? 1 : 0)
        .description(
            "1 while searches filter on the stamped reach; 0 while they read the access fields"
                + " (a rebuild of the projection is due or running, or the check fails)")
        .register(meters);
  }

  /** Whether the filters may take their reach form now. */
  public boolean stamped() {
    return stamped;
  }

  /** Counts the live documents this policy did not stamp, and decides by it; true when none. */
  public synchronized boolean checkNow() {
    if (!settings.useStamps()) {
      return false;
    }
    boolean before = stamped;
    long unstamped;
    try {
      unstamped =
          client
              .count(
                  c ->
                      c.index(IntelligenceIndex.READ_ALIAS)
                          .ignoreUnavailable(true)
                          .allowNoIndices(true)
                          .query(AccessQueries.of(policy.unstamped())))
              .count();
    } catch (IOException | RuntimeException e) {
      stamped = false;
      if (before) {
        log.warn(
            "Searches read the access fields: the projection's stamps could not be checked", e);
      }
      return false;
    }
    stamped = unstamped == 0;
    if (before != stamped) {
      if (stamped) {
        log.info("Searches filter on the reach stamped by access policy {}", policy.reachPolicy());
      } else {
        log.warn(
            "Searches read the access fields: {} live documents are not stamped by access policy {}"
                + " (rebuild the projection after a change of partnership)",
            unstamped,
            policy.reachPolicy());
      }
    }
    return stamped;
  }

  @Override
  public void start() {
    if (!settings.useStamps()) {
      log.info("Searches read the access fields: crossline.search.reach.use-stamps is false");
      return;
    }
    checks =
        Executors.newSingleThreadScheduledExecutor(
            task -> Thread.ofPlatform().name("search-reach-check").daemon().unstarted(task));
    long every = settings.checkEvery().toMillis();
    checks.scheduleWithFixedDelay(this::checkNow, 0, every, TimeUnit.MILLISECONDS);
  }

  @Override
  public void stop() {
    if (checks != null) {
      checks.shutdownNow();
      checks = null;
    }
  }

  @Override
  public boolean isRunning() {
    return checks != null;
  }
}
