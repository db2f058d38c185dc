package uk.crossline.indexer.grants;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import uk.crossline.indexer.projection.EventGrants;
import uk.crossline.indexer.projection.ProjectionUnavailableException;
import uk.crossline.kit.table.TopicTable;
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

  private static final Duration WAIT_FOR_CATCH_UP = Duration.ofSeconds(30);

  /** A grant, with the originator that decided it: only the event's own originator's count. */
  private record Grant(AgencyId agency, AgencyId originator) {}

  private final Set<UUID> decided = ConcurrentHashMap.newKeySet();
  private final Map<EventId, Set<Grant>> grants = new ConcurrentHashMap<>();
  private final Map<EventId, Long> changed = new ConcurrentHashMap<>();
  private final BlockingQueue<EventId> toWrite = new LinkedBlockingQueue<>();
  private final TopicTable table;
  private volatile long version;

  GrantsTable(KafkaProperties kafka) {
    // It only reads: the search service publishes the requests and decisions. The wait is for a
    // write, so any will do.
    this.table =
        new TopicTable(
            kafka,
            Topics.ACCESS_REQUESTS,
            "crossline-indexer-grants",
            WAIT_FOR_CATCH_UP,
            (key, value) -> apply(AccessRequestJson.read(value)));
  }

  @Override
  public long version() {
    try {
      if (!table.awaitCaughtUp(WAIT_FOR_CATCH_UP)) {
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
    return table.caughtUp()
        ? Health.up().withDetail("grantedEvents", grants.size()).build()
        : Health.outOfService().withDetail("grants", "catching up").build();
  }

  @Override
  public void start() {
    table.start();
  }

  @Override
  public void stop() {
    table.stop();
  }

  @Override
  public boolean isRunning() {
    return table.isRunning();
  }
}
