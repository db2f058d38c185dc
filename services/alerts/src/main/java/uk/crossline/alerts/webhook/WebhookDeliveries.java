package uk.crossline.alerts.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import uk.crossline.alerts.AlertSettings;
import uk.crossline.alerts.WebhookSettings;
import uk.crossline.alerts.inbox.Alert;
import uk.crossline.alerts.inbox.Digest;
import uk.crossline.alerts.inbox.InboxEntry;
import uk.crossline.alerts.subscription.DeliveryStatus;
import uk.crossline.alerts.subscription.Subscriptions;
import uk.crossline.kit.table.TopicTable;
import uk.crossline.model.subscription.Channel;
import uk.crossline.model.subscription.Subscription;

/**
 * Every webhook delivery, as the compacted deliveries topic holds it, read by every instance from
 * the beginning (so any instance shows a subscription's delivery state); which instance posts a
 * delivery is the {@link DeliveryWorker}'s business. The entry point of this package: matching
 * hands it the alerts of webhook subscriptions.
 */
@Component
public class WebhookDeliveries implements SmartLifecycle, HealthIndicator, DeliveryStatus {

  /** How many given-up alert ids a subscription's view lists. */
  static final int MAX_FAILED_LISTED = 100;

  private final Map<UUID, WebhookDelivery> byId = new ConcurrentHashMap<>();
  private final KafkaProperties kafka;
  private final AlertSettings settings;
  private final WebhookSettings webhookSettings;
  private final Subscriptions subscriptions;
  private final Clock clock = Clock.systemUTC();
  private volatile TopicTable table;

  WebhookDeliveries(
      KafkaProperties kafka,
      AlertSettings settings,
      WebhookSettings webhookSettings,
      Subscriptions subscriptions) {
    this.kafka = kafka;
    this.settings = settings;
    this.webhookSettings = webhookSettings;
    this.subscriptions = subscriptions;
  }

  /** The topic the deliveries are on, whose partitions the instances share out. */
  String topic() {
    return settings.topics().webhookDeliveries();
  }

  public boolean caughtUp() {
    TopicTable current = table;
    return current != null && current.caughtUp();
  }

  /**
   * Hands the alerts of webhook subscriptions to delivery (the others, and alerts held for a
   * digest, are left out), before they reach the inbox: a failure here fails matching's batch,
   * which is retried, and an alert already handed over is not handed over again.
   *
   * @param submittedAt when their event was submitted (for the latency to delivery)
   * @throws TopicTable.UnavailableException when they were not taken (then the batch is retried)
   */
  public void enqueue(List<Alert> alerts, Instant submittedAt) {
    requireCaughtUp();
    Instant now = clock.instant();
    List<WebhookDelivery> pending = new ArrayList<>();
    for (Alert alert : alerts) {
      if (alert.heldFor().isEmpty() && isWebhook(alert) && !byId.containsKey(alert.alertId())) {
        pending.add(
            WebhookDelivery.pending(
                alert.alertId(),
                alert.subscriptionId(),
                List.of(alert.eventId()),
                alert.kind().name(),
                alert.content().map(c -> c.detail().label()).orElse("notice"),
                DeliveryJson.body(alert),
                submittedAt,
                now));
      }
    }
    record(pending);
  }

  /** The most alerts one POST of a digest carries, so each stays far below the broker's limit. */
  static final int ALERTS_PER_PART = 100;

  /**
   * Hands a digest of a webhook subscription to delivery, with every alert it holds in its body,
   * before it reaches the inbox (a digest of another subscription is left out). A digest of more
   * than {@value #ALERTS_PER_PART} alerts is posted in parts, each with its own id (the first
   * part's is the digest's), so no POST, and no record on the deliveries topic, grows without end.
   *
   * @param submittedAt when its earliest event was submitted (for the latency to delivery)
   * @throws TopicTable.UnavailableException when it was not taken (then it is made again)
   */
  public void enqueue(Digest digest, List<Alert> alerts, Instant submittedAt) {
    requireCaughtUp();
    if (!isWebhook(digest) || byId.containsKey(digest.alertId())) {
      return;
    }
    int parts = Math.max(1, (alerts.size() + ALERTS_PER_PART - 1) / ALERTS_PER_PART);
    List<WebhookDelivery> pending = new ArrayList<>();
    for (int part = 1; part <= parts; part++) {
      List<Alert> these =
          alerts.subList(
              (part - 1) * ALERTS_PER_PART, Math.min(alerts.size(), part * ALERTS_PER_PART));
      UUID id = part == 1 ? digest.alertId() : partId(digest.alertId(), part);
      pending.add(
          WebhookDelivery.pending(
              id,
              digest.subscriptionId(),
              these.stream().map(Alert::eventId).distinct().toList(),
              Digest.KIND,
              these.stream()
                  .map(a -> a.content().map(c -> c.detail().label()).orElse("notice"))
                  .distinct()
                  .sorted()
                  .collect(java.util.stream.Collectors.joining(",")),
              DeliveryJson.body(digest, these, part, parts, id),
              submittedAt,
              clock.instant()));
    }
    record(pending);
  }

  /** The id of a later part of a digest posted in parts: the same on every instance. */
  static UUID partId(UUID digestId, int part) {
    return UUID.nameUUIDFromBytes(
        ("crossline-digest-part|" + digestId + "|" + part)
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private void requireCaughtUp() {
    if (!caughtUp()) {
      throw new IllegalStateException("webhook deliveries still being read");
    }
  }

  private boolean isWebhook(InboxEntry entry) {
    return subscriptions
        .find(entry.subscriptionId())
        .map(Subscription::channel)
        .filter(Channel.WEBHOOK::equals)
        .isPresent();
  }

  /** Publishes the deliveries' new states and returns once this instance has read them back. */
  void record(List<WebhookDelivery> deliveries) {
    table.publishAll(
        deliveries.stream()
            .map(d -> Map.entry(d.alertId().toString(), DeliveryJson.write(d)))
            .toList());
  }

  /** Pending deliveries due by now whose key this instance owns, oldest due first. */
  List<WebhookDelivery> due(Instant now, Predicate<UUID> owned) {
    return byId.values().stream()
        .filter(d -> d.status() == WebhookDelivery.Status.PENDING)
        .filter(d -> !d.nextAttemptAt().isAfter(now))
        .filter(d -> owned.test(d.alertId()))
        .sorted(Comparator.comparing(WebhookDelivery::nextAttemptAt))
        .toList();
  }

  /**
   * Deliveries that settled before the cutoff whose key this instance owns: what retention removes.
   *
   * @param limit the most returned, so one tombstone transaction stays small
   */
  List<UUID> settledBefore(Instant cutoff, Predicate<UUID> owned, int limit) {
    return byId.values().stream()
        .filter(d -> d.settledBefore(cutoff))
        .map(WebhookDelivery::alertId)
        .filter(owned)
        .limit(limit)
        .toList();
  }

  /**
   * Writes a tombstone for each delivery and returns once this instance has read them back (and so
   * forgotten them); every other instance forgets them as it reads them.
   *
   * @throws TopicTable.UnavailableException when they were not written (then all are kept)
   */
  void forget(List<UUID> alertIds) {
    table.publishAll(
        alertIds.stream()
            .map(
                id ->
                    (Map.Entry<String, byte[]>)
                        new SimpleImmutableEntry<>(id.toString(), (byte[]) null))
            .toList());
  }

  Optional<WebhookDelivery> get(UUID alertId) {
    return Optional.ofNullable(byId.get(alertId));
  }

  /**
   * OK when nothing is failing; FAILING while some alert is being retried; GAVE_UP when the last
   * failures were given up (the alerts stay in the inbox), with the ids of the alerts given up.
   * Settled deliveries are kept for {@link WebhookSettings#keepDeliveriesFor()} only, so the
   * delivered and given-up counts are of those that settled since {@code countedSince}.
   */
  @Override
  public Optional<Map<String, Object>> of(UUID subscriptionId) {
    List<WebhookDelivery> mine =
        byId.values().stream().filter(d -> d.subscriptionId().equals(subscriptionId)).toList();
    long retrying =
        mine.stream()
            .filter(d -> d.status() == WebhookDelivery.Status.PENDING && d.attempts() > 0)
            .count();
    List<WebhookDelivery> gaveUp =
        mine.stream()
            .filter(d -> d.status() == WebhookDelivery.Status.GAVE_UP)
            .sorted(Comparator.comparing(WebhookDelivery::enqueuedAt).reversed())
            .toList();
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("status", retrying > 0 ? "FAILING" : gaveUp.isEmpty() ? "OK" : "GAVE_UP");
    view.put(
        "pending", mine.stream().filter(d -> d.status() == WebhookDelivery.Status.PENDING).count());
    view.put(
        "delivered",
        mine.stream().filter(d -> d.status() == WebhookDelivery.Status.DELIVERED).count());
    view.put("gaveUp", gaveUp.size());
    view.put("countedSince", clock.instant().minus(webhookSettings.keepDeliveriesFor()).toString());
    mine.stream()
        .filter(d -> d.lastErrorAt().isPresent())
        .max(Comparator.comparing(d -> d.lastErrorAt().orElseThrow()))
        .ifPresent(
            d -> {
              view.put("lastError", d.lastError().orElseThrow());
              view.put("lastErrorAt", d.lastErrorAt().orElseThrow().toString());
            });
    view.put(
        "failedAlerts",
        gaveUp.stream().limit(MAX_FAILED_LISTED).map(d -> d.alertId().toString()).toList());
    return Optional.of(view);
  }

  private void apply(WebhookDelivery delivery) {
    byId.put(delivery.alertId(), delivery);
  }

  /** A tombstone: retention removed the delivery. */
  private void remove(String key) {
    try {
      byId.remove(UUID.fromString(key));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("key: not an alert id");
    }
  }

  @Override
  public Health health() {
    return caughtUp()
        ? Health.up().withDetail("webhookDeliveries", byId.size()).build()
        : Health.outOfService().withDetail("webhookDeliveries", "catching up").build();
  }

  /** Reads the topic afresh at every start: the state is the topic's, not this instance's. */
  @Override
  public void start() {
    byId.clear();
    table =
        new TopicTable(
            kafka,
            settings.topics().webhookDeliveries(),
            "crossline-alerts-webhook-deliveries",
            settings.topicWait(),
            (key, value) -> apply(DeliveryJson.read(value)),
            this::remove);
    table.start();
  }

  @Override
  public void stop() {
    TopicTable current = table;
    if (current != null) {
      current.stop();
    }
  }

  @Override
  public boolean isRunning() {
    TopicTable current = table;
    return current != null && current.isRunning();
  }
}
