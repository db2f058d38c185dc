package uk.crossline.alerts.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.crossline.model.event.EventId;

class BackoffTest {

  private static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");
  private static final Backoff BACKOFF =
      new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(10), Duration.ofHours(24));

  @Test
  void eachFailureThenWaitDoublesUpToTheLongest() {
    assertThat(BACKOFF.delay(1)).isEqualTo(Duration.ofSeconds(10));
    assertThat(BACKOFF.delay(2)).isEqualTo(Duration.ofSeconds(20));
    assertThat(BACKOFF.delay(3)).isEqualTo(Duration.ofSeconds(40));
    assertThat(BACKOFF.delay(6)).isEqualTo(Duration.ofSeconds(320));
    assertThat(BACKOFF.delay(7)).isEqualTo(Duration.ofMinutes(10));
    assertThat(BACKOFF.delay(1000)).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void failureBeforeGiveUpTimeThenNextAttemptNeverLaterThanIt() {
    Instant nearTheEnd = T0.plus(Duration.ofHours(24)).minusSeconds(30);

    assertThat(BACKOFF.next(1, T0, T0.plusSeconds(1))).contains(T0.plusSeconds(11));
    assertThat(BACKOFF.next(20, T0, nearTheEnd)).contains(T0.plus(Duration.ofHours(24)));
  }

  @Test
  void failureAtOrAfterGiveUpTimeThenGivenUp() {
    assertThat(BACKOFF.next(3, T0, T0.plus(Duration.ofHours(24)))).isEmpty();
    assertThat(BACKOFF.next(3, T0, T0.plus(Duration.ofDays(3)))).isEmpty();
  }

  @Test
  void deliveryFailsThenPendingWithItsNextAttemptThenGivenUpKeepingTheError() {
    WebhookDelivery pending =
        WebhookDelivery.pending(
            UUID.randomUUID(),
            UUID.randomUUID(),
            List.of(EventId.of(UUID.randomUUID().toString())),
            "NEW",
            "full",
            "{}",
            T0.minusSeconds(5),
            T0);

    WebhookDelivery once = pending.failed("the receiver answered HTTP 503", T0, BACKOFF);
    WebhookDelivery late =
        once.failed("the receiver answered HTTP 500", T0.plus(Duration.ofHours(25)), BACKOFF);

    assertThat(once.status()).isEqualTo(WebhookDelivery.Status.PENDING);
    assertThat(once.attempts()).isEqualTo(1);
    assertThat(once.nextAttemptAt()).isEqualTo(T0.plusSeconds(10));
    assertThat(late.status()).isEqualTo(WebhookDelivery.Status.GAVE_UP);
    assertThat(late.attempts()).isEqualTo(2);
    assertThat(late.lastError()).contains("the receiver answered HTTP 500");
    assertThat(once.delivered(T0.plusSeconds(10)).status())
        .isEqualTo(WebhookDelivery.Status.DELIVERED);
  }

  @Test
  void deliveryOnTheTopicThenReadsBackEqual() {
    WebhookDelivery delivery =
        WebhookDelivery.pending(
                UUID.randomUUID(),
                UUID.randomUUID(),
                List.of(EventId.of(UUID.randomUUID().toString())),
                "NEW",
                "full",
                "{}",
                T0.minusSeconds(5),
                T0)
            .failed("the receiver answered HTTP 503", T0, BACKOFF);

    assertThat(DeliveryJson.read(DeliveryJson.write(delivery))).isEqualTo(delivery);
  }

  @Test
  void deliveryWrittenBeforeDigestsExistedThenReadsWithItsOneEvent() {
    EventId event = EventId.of(UUID.randomUUID().toString());
    WebhookDelivery delivery =
        WebhookDelivery.pending(
            UUID.randomUUID(), UUID.randomUUID(), List.of(event), "NEW", "full", "{}", T0, T0);
    String version2 = new String(DeliveryJson.write(delivery), StandardCharsets.UTF_8);
    String version1 =
        version2
            .replace("\"schemaVersion\":2", "\"schemaVersion\":1")
            .replace(
                "\"eventIds\":[\"" + event.value() + "\"]",
                "\"eventId\":\"" + event.value() + "\"");
    assertThat(version1).contains("\"eventId\":");

    WebhookDelivery read = DeliveryJson.read(version1.getBytes(StandardCharsets.UTF_8));

    assertThat(read.eventIds()).containsExactly(event);
    assertThat(read.alertId()).isEqualTo(delivery.alertId());
  }
}
