package uk.crossline.alerts.subscription;

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
import uk.crossline.alerts.AlertSettings;
import uk.crossline.kit.problem.ProblemException;
import uk.crossline.kit.table.TopicTable;
import uk.crossline.model.subscription.Subscription;
import uk.crossline.model.subscription.SubscriptionChanged;
import uk.crossline.model.subscription.SubscriptionEnded;
import uk.crossline.model.subscription.SubscriptionEvent;
import uk.crossline.model.subscription.SubscriptionJson;
import uk.crossline.model.subscription.SubscriptionStarted;

/**
 * Every subscription as the compacted topic holds it, read by every instance from the beginning: a
 * global table, so any instance matches and answers alike. The one entry point of this package for
 * matching, which asks for the live ones.
 */
@Component
public class Subscriptions implements SmartLifecycle, HealthIndicator {

  /** A subscription as it stands: live, or ended. */
  record Entry(Subscription subscription, boolean ended) {}

  private final Map<UUID, Entry> byId = new ConcurrentHashMap<>();
  private final TopicTable table;

  Subscriptions(KafkaProperties kafka, AlertSettings settings) {
    this.table =
        new TopicTable(
            kafka,
            settings.topics().subscriptions(),
            "crossline-alerts-subscriptions",
            settings.topicWait(),
            (key, value) -> apply(SubscriptionJson.read(value)));
  }

  /** The live subscriptions, for matching: empty until this instance has caught up. */
  public List<Subscription> live() {
    return byId.values().stream().filter(e -> !e.ended()).map(Entry::subscription).toList();
  }

  /** A subscription live or ended, for the follow-ups to alerts it brought. */
  public Optional<Subscription> find(UUID id) {
    return Optional.ofNullable(byId.get(id)).map(Entry::subscription);
  }

  /** Whether every subscription on the topic when this instance started has been read. */
  public boolean caughtUp() {
    return table.caughtUp();
  }

  Optional<Entry> get(UUID id) {
    return Optional.ofNullable(byId.get(id));
  }

  List<Entry> all() {
    requireCaughtUp();
    return List.copyOf(byId.values());
  }

  /** Publishes the event and returns once this instance has read it back. */
  void publish(SubscriptionEvent event) {
    requireCaughtUp();
    try {
      table.publishAll(
          List.of(
              Map.entry(
                  event.subscription().subscriptionId().toString(),
                  SubscriptionJson.write(event))));
    } catch (TopicTable.UnavailableException e) {
      throw unavailable();
    }
  }

  /** An end is final: a later start or change of the same id (a stale instance) is ignored. */
  private void apply(SubscriptionEvent event) {
    Subscription subscription = event.subscription();
    switch (event) {
      case SubscriptionStarted started ->
          byId.putIfAbsent(subscription.subscriptionId(), new Entry(subscription, false));
      case SubscriptionChanged changed ->
          byId.compute(
              subscription.subscriptionId(),
              (id, entry) ->
                  entry != null && entry.ended() ? entry : new Entry(subscription, false));
      case SubscriptionEnded ended ->
          byId.put(subscription.subscriptionId(), new Entry(subscription, true));
    }
  }

  private void requireCaughtUp() {
    if (!table.caughtUp()) {
      throw unavailable();
    }
  }

  private static ProblemException unavailable() {
    return new ProblemException(
        HttpStatus.SERVICE_UNAVAILABLE,
        "Subscriptions unavailable",
        "Subscriptions cannot be handled just now; try again shortly.",
        List.of());
  }

  @Override
  public Health health() {
    return table.caughtUp()
        ? Health.up().withDetail("subscriptions", live().size()).build()
        : Health.outOfService().withDetail("subscriptions", "catching up").build();
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
