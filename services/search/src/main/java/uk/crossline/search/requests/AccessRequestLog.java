package uk.crossline.search.requests;

import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import uk.crossline.kit.problem.ProblemException;
import uk.crossline.kit.table.TopicTable;
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

  enum Status {
    PENDING,
    APPROVED,
    REFUSED
  }

  /** A request as it stands: its first decision, if any, is the one that counts. */
  record Entry(AccessRequest request, Status status, Optional<Decision> decision) {}

  private final Map<UUID, Entry> byId = new ConcurrentHashMap<>();
  private final TopicTable table;

  AccessRequestLog(KafkaProperties kafka, RequestSettings settings) {
    this.table =
        new TopicTable(
            kafka,
            Topics.ACCESS_REQUESTS,
            "crossline-search-access-requests",
            settings.topicWait(),
            (key, value) -> apply(AccessRequestJson.read(value)));
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
    try {
      table.publishAll(
          events.stream()
              .<Map.Entry<String, byte[]>>map(
                  event ->
                      new AbstractMap.SimpleImmutableEntry<>(
                          event.request().requestId().toString(), AccessRequestJson.write(event)))
              .toList());
    } catch (TopicTable.UnavailableException e) {
      throw unavailable();
    }
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
    return table.caughtUp()
        ? Health.up().withDetail("accessRequests", byId.size()).build()
        : Health.outOfService().withDetail("accessRequests", "catching up").build();
  }

  @Override
  public void start() {
    table.start();
  }

  private void requireCaughtUp() {
    if (!table.caughtUp()) {
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

  @Override
  public void stop() {
    table.stop();
  }

  @Override
  public boolean isRunning() {
    return table.isRunning();
  }
}
