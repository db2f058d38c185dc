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
import uk.crossline.alerts.table.TopicTable;
import uk.crossline.model.Topics;
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

  Inbox(KafkaProperties kafka, AlertSettings settings) {
    this.table =
        new TopicTable(
            kafka,
            Topics.ALERTS,
            "crossline-alerts-inbox",
            settings.topicWait(),
            (key, value) -> apply(AlertJson.read(value)));
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

  private void apply(Alert alert) {
    byId.put(alert.alertId(), alert);
    if (alert.kind() == Alert.Kind.NEW) {
      firstAlerts
          .computeIfAbsent(alert.eventId(), id -> new ConcurrentHashMap<>())
          .put(alert.subscriptionId(), alert);
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
