package uk.crossline.model.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookTest {

  private static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");
  private static final URI URL = URI.create("https://receiver.example/hooks");
  private static final String FIRST = "whsec_first-secret-0123456789";
  private static final String SECOND = "whsec_second-secret-0123456789";
  private static final String THIRD = "whsec_third-secret-0123456789";

  @Test
  void neverRotatedThenSignedWithItsSecretOnly() {
    assertThat(new Webhook(URL, FIRST).liveSecrets(T0)).containsExactly(FIRST);
  }

  @Test
  void rotatedWithOverlapThenBothSignedUntilItEndsThenTheNewOnly() {
    Webhook rotated = new Webhook(URL, FIRST).rotated(SECOND, T0, Duration.ofHours(24), "bob");

    assertThat(rotated.secret()).isEqualTo(SECOND);
    assertThat(rotated.liveSecrets(T0)).containsExactly(SECOND, FIRST);
    assertThat(rotated.liveSecrets(T0.plus(Duration.ofHours(24)).minusSeconds(1)))
        .containsExactly(SECOND, FIRST);
    assertThat(rotated.liveSecrets(T0.plus(Duration.ofHours(24)))).containsExactly(SECOND);
    assertThat(rotated.rotation().orElseThrow().rotatedBy()).isEqualTo("bob");
    assertThat(rotated.rotation().orElseThrow().previousExpiresAt())
        .isEqualTo(T0.plus(Duration.ofHours(24)));
  }

  @Test
  void rotatedWithZeroOverlapThenOldSecretNotKeptAtAll() {
    Webhook rotated = new Webhook(URL, FIRST).rotated(SECOND, T0, Duration.ZERO, "bob");

    assertThat(rotated.liveSecrets(T0)).containsExactly(SECOND);
    assertThat(rotated.rotation().orElseThrow().previousSecret()).isEmpty();
  }

  @Test
  void rotatedAgainDuringOverlapThenOldestDroppedAtMostTwoLive() {
    Webhook twice =
        new Webhook(URL, FIRST)
            .rotated(SECOND, T0, Duration.ofHours(24), "bob")
            .rotated(THIRD, T0.plusSeconds(60), Duration.ofHours(24), "bob");

    assertThat(twice.liveSecrets(T0.plusSeconds(61))).containsExactly(THIRD, SECOND);
  }

  @Test
  void movedToAnotherUrlThenSecretsKeptAndAnExpiredPreviousForgotten() {
    Webhook rotated = new Webhook(URL, FIRST).rotated(SECOND, T0, Duration.ofHours(1), "bob");
    URI other = URI.create("https://receiver.example/other");

    Webhook movedDuringOverlap = rotated.at(other, T0.plusSeconds(60));
    Webhook movedAfter = rotated.at(other, T0.plus(Duration.ofHours(2)));

    assertThat(movedDuringOverlap.url()).isEqualTo(other);
    assertThat(movedDuringOverlap.liveSecrets(T0.plusSeconds(61))).containsExactly(SECOND, FIRST);
    assertThat(movedAfter.liveSecrets(T0.plus(Duration.ofHours(2)))).containsExactly(SECOND);
    assertThat(movedAfter.rotation().orElseThrow().previousSecret()).isEmpty();
    assertThat(movedAfter.rotation().orElseThrow().rotatedAt()).isEqualTo(T0);
  }

  @Test
  void toStringThenNoSecretOfAnyAge() {
    Webhook rotated = new Webhook(URL, FIRST).rotated(SECOND, T0, Duration.ofHours(1), "bob");

    assertThat(rotated.toString()).doesNotContain("whsec_").contains("rotatedBy=bob");
    assertThat(rotated.rotation().orElseThrow().toString()).doesNotContain("whsec_");
  }

  @Test
  void negativeOverlapOrSameSecretAgainThenRefused() {
    Webhook webhook = new Webhook(URL, FIRST);

    assertThatThrownBy(() -> webhook.rotated(SECOND, T0, Duration.ofSeconds(-1), "bob"))
        .hasMessageStartingWith("overlap:");
    assertThatThrownBy(() -> webhook.rotated(FIRST, T0, Duration.ofHours(1), "bob"))
        .hasMessageStartingWith("webhook.rotation:");
  }
}
