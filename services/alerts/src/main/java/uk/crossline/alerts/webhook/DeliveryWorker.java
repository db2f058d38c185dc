package uk.crossline.alerts.webhook;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import uk.crossline.alerts.WebhookSettings;
import uk.crossline.alerts.metrics.AlertMetrics;
import uk.crossline.alerts.subscription.Subscriptions;
import uk.crossline.kit.audit.AuditLog;
import uk.crossline.kit.table.TopicTable;
import uk.crossline.model.audit.AuditAction;
import uk.crossline.model.audit.AuditEntryDraft;
import uk.crossline.model.subscription.Subscription;
import uk.crossline.model.subscription.Webhook;
import uk.crossline.model.subscription.WebhookSignature;

/**
 * Posts the due deliveries this instance owns. Ownership is Kafka's: the worker is a member of a
 * consumer group on the deliveries topic, with its partitions paused (it reads them through {@link
 * WebhookDeliveries}), so each partition, and each alert keyed to it, has one owner among the
 * instances, handed over when an instance comes or goes. Each attempt's outcome is written back
 * under the alert id before the next, so a new owner resumes where the old one stopped; an attempt
 * whose outcome was not written is made again (at least once; the alert id de-duplicates).
 *
 * <p>The owner of a partition is also the one that removes its settled deliveries once they are
 * older than {@link WebhookSettings#keepDeliveriesFor()} (a tombstone each), so one instance
 * decides about each record and the compacted topic does not grow without end.
 */
@Component
class DeliveryWorker implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

  /** The longest time between two polls spent posting (well within max.poll.interval.ms). */
  private static final Duration ROUND = Duration.ofSeconds(30);

  /** The most tombstones written in one transaction. */
  static final int TOMBSTONES_PER_WRITE = 500;

  private final WebhookDeliveries deliveries;
  private final Subscriptions subscriptions;
  private final AuditLog audit;
  private final KafkaProperties kafka;
  private final WebhookSettings settings;
  private final Backoff backoff;
  private final AlertMetrics metrics;
  private final HttpClient http;
  private final Clock clock = Clock.systemUTC();
  private final Set<Integer> owned = ConcurrentHashMap.newKeySet();
  private volatile int partitionCount;
  private volatile boolean running;
  private volatile KafkaConsumer<String, byte[]> consumer;
  private volatile Thread thread;
  private Instant nextSweep = Instant.MIN;

  DeliveryWorker(
      WebhookDeliveries deliveries,
      Subscriptions subscriptions,
      AuditLog audit,
      KafkaProperties kafka,
      WebhookSettings settings,
      AlertMetrics metrics) {
    this.deliveries = deliveries;
    this.subscriptions = subscriptions;
    this.audit = audit;
    this.kafka = kafka;
    this.settings = settings;
    this.backoff = Backoff.of(settings);
    this.metrics = metrics;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(settings.timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @Override
  public void start() {
    if (!settings.deliver()) {
      log.info("Webhook delivery is switched off on this instance");
      return;
    }
    Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
    config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "crossline-alerts-webhooks-" + UUID.randomUUID());
    consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    running = true;
    thread = Thread.ofPlatform().name("crossline-alerts-webhooks").daemon().start(this::run);
  }

  private void run() {
    try {
      consumer.subscribe(
          List.of(deliveries.topic()),
          new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
              partitions.forEach(p -> owned.remove(p.partition()));
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
              // Membership only: the records are read by every instance's table.
              consumer.pause(partitions);
              partitions.forEach(p -> owned.add(p.partition()));
              log.info("Webhook deliveries: this instance now posts partitions {}", owned);
            }

            @Override
            public void onPartitionsLost(Collection<TopicPartition> partitions) {
              onPartitionsRevoked(partitions);
            }
          });
      while (running) {
        try {
          round();
        } catch (WakeupException e) {
          throw e;
        } catch (RuntimeException e) {
          // The broker away, most likely: the group hands the partitions on if it lasts.
          log.warn("Webhook delivery round failed; trying again: {}", e.toString());
          pause();
        }
      }
    } catch (WakeupException e) {
      // stopping
    } finally {
      owned.clear();
      consumer.close(Duration.ofSeconds(5));
    }
  }

  private void round() {
    consumer.poll(settings.tick());
    if (partitionCount == 0) {
      partitionCount = consumer.partitionsFor(deliveries.topic()).size();
    }
    if (deliveries.caughtUp() && subscriptions.caughtUp()) {
      // Back to poll within a bounded time, so slow receivers never make this instance miss its
      // group's poll deadline (and so lose, then regain, its partitions).
      Instant roundEnds = clock.instant().plus(ROUND);
      for (WebhookDelivery due : deliveries.due(clock.instant(), this::owns)) {
        if (!running || clock.instant().isAfter(roundEnds)) {
          break;
        }
        attempt(due);
      }
      if (!clock.instant().isBefore(nextSweep) && clock.instant().isBefore(roundEnds)) {
        sweep(roundEnds);
        nextSweep = clock.instant().plus(settings.retentionSweep());
      }
    }
  }

  /**
   * Tombstones the settled deliveries this instance owns that are older than they are kept for, a
   * batch at a time until none is left or the round is over (the rest at the next sweep).
   */
  private void sweep(Instant roundEnds) {
    int removed = 0;
    while (running && clock.instant().isBefore(roundEnds)) {
      Instant cutoff = clock.instant().minus(settings.keepDeliveriesFor());
      List<UUID> old = deliveries.settledBefore(cutoff, this::owns, TOMBSTONES_PER_WRITE);
      if (old.isEmpty()) {
        break;
      }
      try {
        deliveries.forget(old);
      } catch (TopicTable.UnavailableException e) {
        log.warn("Old webhook deliveries were not removed; next sweep: {}", e.getMessage());
        break;
      }
      removed += old.size();
    }
    if (removed > 0) {
      log.info("Webhook deliveries: removed {} settled before the retention period", removed);
    }
  }

  private void pause() {
    try {
      Thread.sleep(Duration.ofSeconds(1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WakeupException();
    }
  }

  /** The deliveries topic's partitions this instance posts for now. */
  Set<Integer> ownedPartitions() {
    return Set.copyOf(owned);
  }

  /** Whether the alert's key falls in a partition this instance owns (Kafka's key partitioner). */
  private boolean owns(UUID alertId) {
    int count = partitionCount;
    return count > 0
        && owned.contains(
            Utils.toPositive(Utils.murmur2(alertId.toString().getBytes(StandardCharsets.UTF_8)))
                % count);
  }

  private void attempt(WebhookDelivery delivery) {
    Instant now = clock.instant();
    Optional<Subscription> subscription = subscriptions.find(delivery.subscriptionId());
    if (subscription.isEmpty()) {
      // Unknown here, not ended (an ended one is still found): its record could not be read by
      // this instance (written by a newer version, during an upgrade). Giving the alert up would
      // lose it; it stays pending for an instance that can read the subscription.
      return;
    }
    Optional<Webhook> webhook = subscription.flatMap(Subscription::webhook);
    if (webhook.isEmpty()) {
      write(delivery.abandoned("the subscription has no webhook any more", now));
      return;
    }
    if (delivery.attempts() == 0 && !audited(delivery, subscription.orElseThrow())) {
      return; // tried again at the next tick: nothing is disclosed unlogged
    }
    WebhookDelivery outcome;
    try {
      byte[] body = delivery.body().getBytes(StandardCharsets.UTF_8);
      long timestamp = now.getEpochSecond();
      // During a rotation's overlap, signed by both secrets: the receiver holds one or the other.
      List<String> secrets = webhook.get().liveSecrets(now);
      HttpRequest request =
          HttpRequest.newBuilder(webhook.get().url())
              .timeout(settings.timeout())
              .header("Content-Type", "application/json")
              .header(WebhookSignature.ALERT_ID_HEADER, delivery.alertId().toString())
              .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
              .header(
                  WebhookSignature.SIGNATURE_HEADER,
                  WebhookSignature.sign(secrets, timestamp, body))
              .POST(HttpRequest.BodyPublishers.ofByteArray(body))
              .build();
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      outcome =
          status >= 200 && status < 300
              ? delivery.delivered(clock.instant())
              : delivery.failed("the receiver answered HTTP " + status, clock.instant(), backoff);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    } catch (Exception e) {
      // The exception's kind only: its message may carry the URL.
      outcome =
          delivery.failed(
              "no answer from the receiver (" + e.getClass().getSimpleName() + ")",
              clock.instant(),
              backoff);
    }
    switch (outcome.status()) {
      case DELIVERED ->
          metrics.delivered(AlertMetrics.WEBHOOK, delivery.submittedAt(), clock.instant());
      case PENDING -> metrics.retried(AlertMetrics.WEBHOOK, 1);
      case GAVE_UP -> metrics.failed(AlertMetrics.WEBHOOK);
    }
    write(outcome);
  }

  /**
   * The access-log entry of this disclosure, before its first attempt (a receiver that answers an
   * error may still have read the body); retries post the same alert and are not logged again.
   */
  private boolean audited(WebhookDelivery delivery, Subscription subscription) {
    try {
      audit.recordInParts(
          new AuditEntryDraft(
              audit.component(),
              AuditAction.ALERT_DELIVERY,
              Optional.of(subscription.purpose()),
              Map.of(
                  "alertId", delivery.alertId().toString(),
                  "kind", delivery.kind(),
                  "subscriptionId", delivery.subscriptionId().toString(),
                  "recipient.username", subscription.subscriber().username(),
                  "recipient.agency", subscription.subscriber().agency().value(),
                  "detail", delivery.detail(),
                  "channel", "WEBHOOK"),
              delivery.eventIds()),
          AUDIT_PART);
      return true;
    } catch (RuntimeException e) {
      log.warn("Webhook delivery waits for the access log: {}", e.toString());
      return false;
    }
  }

  private void write(WebhookDelivery outcome) {
    try {
      deliveries.record(List.of(outcome));
    } catch (TopicTable.UnavailableException e) {
      // Still pending on the topic: attempted again (at least once).
      log.warn("A webhook delivery's outcome was not recorded: {}", e.getMessage());
    }
  }

  /** Event ids per access-log record when a digest discloses many events. */
  private static final int AUDIT_PART = 500;

  @Override
  public void stop() {
    running = false;
    KafkaConsumer<String, byte[]> current = consumer;
    if (current != null) {
      current.wakeup();
    }
    Thread worker = thread;
    if (worker != null) {
      try {
        worker.join(settings.timeout().plusSeconds(10).toMillis());
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
