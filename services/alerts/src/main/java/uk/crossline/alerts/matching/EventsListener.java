package uk.crossline.alerts.matching;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;
import uk.crossline.alerts.inbox.Alert;
import uk.crossline.alerts.inbox.Inbox;
import uk.crossline.alerts.metrics.AlertMetrics;
import uk.crossline.alerts.subscription.Subscriptions;
import uk.crossline.alerts.webhook.WebhookDeliveries;
import uk.crossline.kit.audit.AuditLog;
import uk.crossline.model.Topics;
import uk.crossline.model.audit.AuditAction;
import uk.crossline.model.audit.AuditEntryDraft;
import uk.crossline.model.event.EventId;
import uk.crossline.model.event.EventJson;
import uk.crossline.model.event.IntelligenceEvent;

/**
 * Reads the intelligence events in batches (group {@code crossline-alerts}) and delivers the alerts
 * each brings, one event after another, so an amendment in the same batch as its report already
 * finds the first alerts. Each delivery is written to the access log before it reaches the inbox;
 * offsets are committed after the batch, so a crash redelivers it and the stable alert ids keep
 * each alert one. A consumer given partitions first reads the inbox up to that moment, so that an
 * amendment whose report another instance alerted on finds those first alerts and follows them up.
 */
@Component
class EventsListener implements ConsumerSeekAware {

  private static final Logger log = LoggerFactory.getLogger(EventsListener.class);

  /** How long a batch after a hand-over waits for the inbox before it is retried. */
  private static final Duration HAND_OVER_WAIT = Duration.ofSeconds(10);

  private final Matching matching;
  private final Subscriptions subscriptions;
  private final Inbox inbox;
  private final AuditLog audit;
  private final AlertMetrics metrics;
  private final WebhookDeliveries webhooks;
  private final Clock clock = Clock.systemUTC();

  /**
   * Whether this consumer thread was given partitions since it last read the inbox up to now. The
   * alerts their previous owner delivered were in the inbox topic before it committed the offsets
   * this consumer starts from, but this instance's copy of the inbox may not have read them yet.
   */
  private final ThreadLocal<Boolean> handedOver = ThreadLocal.withInitial(() -> false);

  EventsListener(
      Matching matching,
      Subscriptions subscriptions,
      Inbox inbox,
      AuditLog audit,
      AlertMetrics metrics,
      WebhookDeliveries webhooks) {
    this.matching = matching;
    this.metrics = metrics;
    this.subscriptions = subscriptions;
    this.inbox = inbox;
    this.audit = audit;
    this.webhooks = webhooks;
  }

  @KafkaListener(
      id = "crossline-alerts-matching",
      groupId = "${crossline.alerts.group-id:crossline-alerts}",
      topics = "${crossline.alerts.topics.events:" + Topics.INTELLIGENCE_EVENTS + "}",
      properties = {
        "key.deserializer=org.apache.kafka.common.serialization.StringDeserializer",
        "value.deserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer"
      })
  void onEvents(List<ConsumerRecord<String, byte[]>> records) {
    if (!subscriptions.caughtUp() || !inbox.caughtUp()) {
      // Matching against half the subscriptions would lose alerts: the batch is retried.
      throw new IllegalStateException("subscriptions or inbox still being read");
    }
    if (handedOver.get()) {
      readInboxUpToNow();
      handedOver.set(false);
    }
    for (ConsumerRecord<String, byte[]> record : records) {
      if (record.value() == null) {
        // A retention tombstone: the event leaves the hub, and so do the alerts about it.
        forget(record);
        continue;
      }
      IntelligenceEvent event;
      try {
        event = EventJson.read(record.value());
      } catch (IllegalArgumentException e) {
        // The indexer sends unreadable events to the dead-letter topic; here they alert nobody.
        log.warn(
            "Event {}-{}@{} skipped: {}",
            record.topic(),
            record.partition(),
            record.offset(),
            e.getMessage());
        continue;
      }
      List<Matching.Delivery> deliveries = matching.alertsFor(event, clock.instant());
      metrics.matched(deliveries.size());
      try {
        deliver(event, deliveries);
      } catch (RuntimeException e) {
        // The batch is retried (see ConsumerConfiguration); the ids keep each alert one.
        metrics.retried(AlertMetrics.INBOX, deliveries.size());
        throw e;
      }
      Instant delivered = clock.instant();
      long held = deliveries.stream().filter(d -> d.alert().heldFor().isPresent()).count();
      metrics.held((int) held);
      for (long i = held; i < deliveries.size(); i++) {
        metrics.delivered(AlertMetrics.INBOX, event.submittedAt(), delivered);
      }
    }
  }

  @Override
  public void onPartitionsAssigned(
      Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
    if (!assignments.isEmpty()) {
      handedOver.set(true);
    }
  }

  private void readInboxUpToNow() {
    try {
      if (!inbox.readUpToNow(HAND_OVER_WAIT)) {
        // Deciding "first alert or follow-up" now could miss a follow-up: the batch is retried.
        throw new IllegalStateException("inbox not read up to the partitions' hand-over yet");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted reading the inbox up to the hand-over", e);
    }
  }

  private void forget(ConsumerRecord<String, byte[]> tombstone) {
    EventId eventId;
    try {
      eventId = EventId.of(tombstone.key());
    } catch (RuntimeException notAnEventId) {
      return;
    }
    if (inbox.holdsAlertsAbout(eventId)) {
      inbox.forget(eventId);
      log.info("Event {} left the hub (retention): its alerts left the inbox", eventId.value());
    } else {
      log.debug("Event {} left the hub (retention): no alerts about it", eventId.value());
    }
  }

  /**
   * Each delivery to the access log (an alert held for a digest too: what it discloses was decided
   * now, and the digest's own record lists it again when it goes out), then all of them to the
   * inbox in one transaction.
   */
  private void deliver(IntelligenceEvent event, List<Matching.Delivery> deliveries) {
    for (Matching.Delivery delivery : deliveries) {
      Alert alert = delivery.alert();
      Map<String, String> details = new java.util.LinkedHashMap<>();
      details.put("alertId", alert.alertId().toString());
      details.put("kind", alert.kind().name());
      details.put("subscriptionId", alert.subscriptionId().toString());
      details.put("recipient.username", delivery.subscription().subscriber().username());
      details.put("recipient.agency", alert.recipientAgency().value());
      details.put("detail", alert.content().map(c -> c.detail().label()).orElse("notice"));
      alert.heldFor().ifPresent(h -> details.put("heldFor", h.digestId().toString()));
      audit.record(
          new AuditEntryDraft(
              audit.component(),
              AuditAction.ALERT_DELIVERY,
              Optional.of(delivery.subscription().purpose()),
              details,
              List.of(event.eventId())));
    }
    List<Alert> alerts = deliveries.stream().map(Matching.Delivery::alert).toList();
    // Handed to webhook delivery before the inbox: once in the inbox, a retried batch makes the
    // alert no more, so a webhook hand-over that failed after it would be lost.
    webhooks.enqueue(alerts, event.submittedAt());
    inbox.deliver(alerts);
  }
}
