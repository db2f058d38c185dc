package uk.crossline.alerts.inbox;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import uk.crossline.alerts.AlertSettings;
import uk.crossline.kit.table.TopicTable;
import uk.crossline.model.Caller;
import uk.crossline.model.Role;
import uk.crossline.model.Topics;
import uk.crossline.model.access.AccessPolicy;
import uk.crossline.model.access.AlertDetail;
import uk.crossline.model.event.EventId;

/**
 * Every alert delivered, as the compacted alerts topic holds it, read by every instance from the
 * beginning. The entry point of this package for matching: which alerts exist already (so a
 * redelivered event alerts once) and which subscriptions were first alerted to an event (so they
 * get its follow-ups).
 */
@Component
public class Inbox implements SmartLifecycle, HealthIndicator {

  private final Map<UUID, Alert> byId = new ConcurrentHashMap<>();
  private final Map<EventId, Map<UUID, Alert>> firstAlerts = new ConcurrentHashMap<>();
  private final TopicTable table;
  private final List<Listener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

  /**
   * Told of every alert record as this instance reads the inbox topic, in the topic's order, on the
   * reader's thread (so it must return quickly and never block).
   */
  @FunctionalInterface
  public interface Listener {
    /**
     * @param first whether this is the first record of this alert id on this instance; a later one
     *     is a read mark, or the same alert delivered again by a second instance
     */
    void landed(Alert alert, int partition, long offset, boolean first);
  }

  Inbox(KafkaProperties kafka, AlertSettings settings) {
    this.table =
        new TopicTable(
            kafka,
            Topics.ALERTS,
            "crossline-alerts-inbox",
            settings.topicWait(),
            (key, value, partition, offset) -> apply(AlertJson.read(value), partition, offset));
  }

  /**
   * Adds a listener of alerts as they land. A listener added before this instance starts reading
   * (while beans are made) sees every alert from the beginning of the topic.
   */
  public void listen(Listener listener) {
    listeners.add(listener);
  }

  /** Whether the alert is this caller's: the inbox decides whose alerts are whose. */
  public static boolean isFor(Alert alert, Caller caller) {
    return alert.recipientUserId().equals(caller.userId())
        && alert.recipientAgency().equals(caller.agency());
  }

  /**
   * Whether the caller may read alerts at all: the role, and an agreement that gives alerts (the
   * access policy decides).
   */
  public static boolean mayReadAlerts(Caller caller, AccessPolicy policy) {
    return caller.has(Role.SUBSCRIBE_ALERTS) && policy.alertDetail(caller) != AlertDetail.NONE;
  }

  /** The alert as its recipient reads it from the inbox API. */
  public static Map<String, Object> view(Alert alert) {
    return InboxController.view(alert);
  }

  public boolean caughtUp() {
    return table.caughtUp();
  }

  public boolean holds(UUID alertId) {
    return byId.containsKey(alertId);
  }

  /** The first alert each subscription got about this event, by subscription id. */
  public Map<UUID, Alert> firstAlertsAbout(EventId eventId) {
    return Map.copyOf(firstAlerts.getOrDefault(eventId, Map.of()));
  }

  /**
   * Delivers the alerts in one transaction and returns once this instance has read them back.
   *
   * @throws TopicTable.UnavailableException when they were not delivered (or not read back)
   */
  public void deliver(List<Alert> alerts) {
    table.publishAll(
        alerts.stream()
            .map(alert -> Map.entry(alert.alertId().toString(), AlertJson.write(alert)))
            .toList());
  }

  List<Alert> of(String userId) {
    return byId.values().stream().filter(a -> a.recipientUserId().equals(userId)).toList();
  }

  Optional<Alert> get(UUID alertId) {
    return Optional.ofNullable(byId.get(alertId));
  }

  private void apply(Alert alert, int partition, long offset) {
    boolean first = byId.put(alert.alertId(), alert) == null;
    if (alert.kind() == Alert.Kind.NEW) {
      firstAlerts
          .computeIfAbsent(alert.eventId(), id -> new ConcurrentHashMap<>())
          .put(alert.subscriptionId(), alert);
    }
    for (Listener listener : listeners) {
      listener.landed(alert, partition, offset, first);
    }
  }

  @Override
  public Health health() {
    return table.caughtUp()
        ? Health.up().withDetail("alerts", byId.size()).build()
        : Health.outOfService().withDetail("alerts", "catching up").build();
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
