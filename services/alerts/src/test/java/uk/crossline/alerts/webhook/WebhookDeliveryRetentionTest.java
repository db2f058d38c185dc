package uk.crossline.alerts.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.crossline.model.event.EventId;

class WebhookDeliveryRetentionTest {

  private static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");
  private static final Backoff BACKOFF =
      new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(10));

  private static WebhookDelivery pending() {
    return WebhookDelivery.pending(
        UUID.randomUUID(),
        UUID.randomUUID(),
        List.of(EventId.of(UUID.randomUUID().toString())),
        "NEW",
        "full",
        "{}",
        T0,
        T0);
  }

  @Test
  void deliveredThenSettledWhenDeliveredNotWhenEnqueued() {
    WebhookDelivery delivered = pending().delivered(T0.plusSeconds(5));

    assertThat(delivered.settledBefore(T0.plusSeconds(5))).isFalse();
    assertThat(delivered.settledBefore(T0.plusSeconds(6))).isTrue();
  }

  @Test
  void givenUpOrAbandonedThenSettledWhenGivenUp() {
    WebhookDelivery givenUp =
        pending().failed("the receiver answered HTTP 503", T0.plusSeconds(10), BACKOFF);
    WebhookDelivery abandoned =
        pending().abandoned("the subscription has no webhook any more", T0.plusSeconds(3));

    assertThat(givenUp.status()).isEqualTo(WebhookDelivery.Status.GAVE_UP);
    assertThat(givenUp.settledBefore(T0.plusSeconds(10))).isFalse();
    assertThat(givenUp.settledBefore(T0.plusSeconds(11))).isTrue();
    assertThat(abandoned.settledBefore(T0.plusSeconds(4))).isTrue();
  }

  @Test
  void pendingOrBeingRetriedThenNeverSettledHoweverOld() {
    WebhookDelivery retried =
        pending().failed("the receiver answered HTTP 503", T0.plusSeconds(1), BACKOFF);

    assertThat(retried.status()).isEqualTo(WebhookDelivery.Status.PENDING);
    assertThat(pending().settledBefore(T0.plus(Duration.ofDays(365)))).isFalse();
    assertThat(retried.settledBefore(T0.plus(Duration.ofDays(365)))).isFalse();
  }
}
