package uk.crossline.alerts.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.crossline.model.Topics;
import uk.crossline.model.event.EventId;
import uk.crossline.testsupport.CrosslineIntegrationTest;
import uk.crossline.testsupport.TopicReader;

/**
 * Retention of webhook delivery records on the real broker: the instance owning a partition
 * tombstones the settled deliveries older than they are kept for, and keeps the recent and the
 * pending ones. The records are this test's own, back-dated: a retention period of seconds would
 * tombstone the recent deliveries other tests sharing the broker are asserting on, so the period
 * here is the default 30 days and the seeded deliveries settled 31 and 29 days ago. The sweep runs
 * often. The context is closed after the class, so its worker sweeps for no other test.
 */
@CrosslineIntegrationTest
@SpringBootTest(
    properties = {
      "crossline.alerts.webhook.deliver=true",
      "crossline.alerts.webhook.tick=100ms",
      "crossline.alerts.webhook.keep-deliveries-for=30d",
      "crossline.alerts.webhook.retention-sweep=200ms"
    })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class WebhookRetentionIntegrationTest {

  @DynamicPropertySource
  static void groups(DynamicPropertyRegistry registry) {
    registry.add(
        "crossline.alerts.webhook.group-id",
        () -> "crossline-alerts-webhooks-test-" + UUID.randomUUID());
  }

  @Autowired WebhookDeliveries deliveries;
  @Autowired DeliveryWorker worker;

  @Test
  void settledDeliveriesOlderThanKeptThenTombstonedAndRecentOrPendingOnesKept() {
    // given a subscription's deliveries (this run's own): delivered and given up 31 days ago,
    // delivered 29 days ago, and one still pending since 31 days ago (retried tomorrow)
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> deliveries.caughtUp() && worker.ownedPartitions().size() == 3);
    Instant now = Instant.now();
    Instant longAgo = now.minus(Duration.ofDays(31));
    UUID subscriptionId = UUID.randomUUID();
    WebhookDelivery oldDelivered = pending(subscriptionId, longAgo).delivered(longAgo);
    WebhookDelivery oldGivenUp =
        pending(subscriptionId, longAgo).abandoned("the receiver answered HTTP 410", longAgo);
    Instant lately = now.minus(Duration.ofDays(29));
    WebhookDelivery recentDelivered = pending(subscriptionId, lately).delivered(lately);
    WebhookDelivery stillPending =
        pending(subscriptionId, longAgo)
            .failed(
                "the receiver answered HTTP 503",
                now,
                new Backoff(Duration.ofDays(1), Duration.ofDays(1), Duration.ofDays(100)));
    TopicReader.Mark mark = TopicReader.mark(Topics.ALERT_WEBHOOK_DELIVERIES);

    // when they are recorded and the owner's retention sweeps
    deliveries.record(List.of(oldDelivered, oldGivenUp, recentDelivered, stillPending));

    // then the old settled ones are forgotten, by a tombstone on the topic each
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                deliveries.get(oldDelivered.alertId()).isEmpty()
                    && deliveries.get(oldGivenUp.alertId()).isEmpty());
    List<ConsumerRecord<String, byte[]>> written = TopicReader.recordsSince(mark);
    for (WebhookDelivery old : List.of(oldDelivered, oldGivenUp)) {
      assertThat(written)
          .filteredOn(r -> r.key().equals(old.alertId().toString()))
          .extracting(r -> r.value() == null)
          .containsExactly(false, true);
    }
    // and the recent and the pending ones stay, with no tombstone
    assertThat(deliveries.get(recentDelivered.alertId())).contains(recentDelivered);
    assertThat(deliveries.get(stillPending.alertId())).contains(stillPending);
    assertThat(written)
        .filteredOn(
            r ->
                r.key().equals(recentDelivered.alertId().toString())
                    || r.key().equals(stillPending.alertId().toString()))
        .allMatch(r -> r.value() != null);

    // and the subscription's counts are of what settled within the kept period
    Map<String, Object> status = deliveries.of(subscriptionId).orElseThrow();
    assertThat(status)
        .containsEntry("delivered", 1L)
        .containsEntry("gaveUp", 0)
        .containsEntry("pending", 1L)
        .containsEntry("status", "FAILING");
    assertThat(Instant.parse((String) status.get("countedSince")))
        .isBetween(now.minus(Duration.ofDays(30)), Instant.now().minus(Duration.ofDays(30)));

    // (this test's own records leave the shared topic with it)
    deliveries.forget(List.of(recentDelivered.alertId(), stillPending.alertId()));
  }

  private static WebhookDelivery pending(UUID subscriptionId, Instant at) {
    return WebhookDelivery.pending(
        UUID.randomUUID(),
        subscriptionId,
        List.of(EventId.of(UUID.randomUUID().toString())),
        "NEW",
        "full",
        "{}",
        at,
        at);
  }
}
