package uk.crossline.model.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.crossline.model.AgencyId;
import uk.crossline.model.AgencyType;
import uk.crossline.model.Caller;
import uk.crossline.model.Role;
import uk.crossline.model.event.EventFormatException;
import uk.crossline.model.location.GeoPoint;
import uk.crossline.model.vocabulary.Category;
import uk.crossline.model.vocabulary.Indicator;
import uk.crossline.model.vocabulary.IntelligenceAssessment;
import uk.crossline.model.vocabulary.SourceEvaluation;

class SubscriptionJsonTest {

  private static final Instant AT = Instant.parse("2026-11-25T10:00:00Z");

  private static Subscription subscription() {
    return new Subscription(
        UUID.fromString("7d1f0f5e-5c1b-4c47-9d59-3f8f6f0d2a11"),
        new Caller(
            "user-1",
            "police.analyst",
            AgencyId.of("west-mercia-police"),
            AgencyType.POLICE,
            Set.of(Role.SUBSCRIBE_ALERTS, Role.LINK_ANALYSIS)),
        "Redditch deal lines",
        "Deal line mapping in Redditch",
        List.of(
            new Area.District("redditch"),
            new Area.Outward("B97"),
            new Area.Radius(new GeoPoint(52.3, -1.94), 2.5)),
        Set.of(Category.DEAL_LINE),
        Set.of(Indicator.NEW_PHONE),
        Optional.of(
            new GradingThreshold(SourceEvaluation.UNTESTED, IntelligenceAssessment.B, true)),
        Channel.INBOX,
        AT,
        AT,
        Optional.empty(),
        Pacing.DEFAULT);
  }

  @Test
  void everyKindOfEventThenReadsBackEqual() {
    for (SubscriptionEvent event :
        List.of(
            SubscriptionStarted.of(subscription()),
            SubscriptionChanged.of(subscription()),
            SubscriptionEnded.of(subscription(), AT, "police.analyst"))) {
      assertThat(SubscriptionJson.read(SubscriptionJson.write(event))).isEqualTo(event);
    }
  }

  @Test
  void digestPacingThenReadsBackEqual() {
    Subscription base = subscription();
    Subscription daily =
        new Subscription(
            base.subscriptionId(),
            base.subscriber(),
            base.name(),
            base.purpose(),
            base.areas(),
            base.categories(),
            base.indicators(),
            base.minimumGrading(),
            base.channel(),
            AT,
            AT,
            Optional.empty(),
            new Pacing(Optional.of(DigestPeriod.DAILY), 5));
    var event = SubscriptionStarted.of(daily);

    assertThat(SubscriptionJson.read(SubscriptionJson.write(event))).isEqualTo(event);
  }

  @Test
  void recordWrittenBeforePacingExistedThenReadsAsDefaultPacing() {
    String json =
        SubscriptionJson.writeString(SubscriptionStarted.of(subscription()))
            .replaceFirst(",\"pacing\":\\{[^}]*\\}", "");
    assertThat(json).doesNotContain("pacing");

    var read = (SubscriptionStarted) SubscriptionJson.read(json);

    assertThat(read.subscription().pacing()).isEqualTo(Pacing.DEFAULT);
  }

  @Test
  void pacingOutsideItsBoundsThenRefused() {
    assertThatThrownBy(() -> new Pacing(Optional.empty(), 0))
        .hasMessageContaining("maxAlertsPerHour");
    assertThatThrownBy(() -> new Pacing(Optional.empty(), Pacing.MAX_ALERTS_PER_HOUR + 1))
        .hasMessageContaining("maxAlertsPerHour");
  }

  @Test
  void unknownFieldThenRefusedNamingIt() {
    String json =
        SubscriptionJson.writeString(SubscriptionStarted.of(subscription()))
            .replaceFirst("\\{", "{\"colour\":\"red\",");

    assertThatThrownBy(() -> SubscriptionJson.read(json))
        .isInstanceOf(EventFormatException.class)
        .hasMessageContaining("colour");
  }

  @Test
  void unknownKindOrNewerVersionThenRefused() {
    String json = SubscriptionJson.writeString(SubscriptionStarted.of(subscription()));

    assertThatThrownBy(() -> SubscriptionJson.read(json.replace("\"STARTED\"", "\"PAUSED\"")))
        .isInstanceOf(EventFormatException.class)
        .hasMessageContaining("kind");
    assertThatThrownBy(
            () -> SubscriptionJson.read(json.replace("\"schemaVersion\":1", "\"schemaVersion\":2")))
        .isInstanceOf(EventFormatException.class)
        .hasMessageContaining("schemaVersion");
  }

  @Test
  void radiusBeyondFiftyKmOrNoAreaThenRefused() {
    assertThatThrownBy(() -> new Area.Radius(new GeoPoint(52.3, -1.9), 51))
        .hasMessageStartingWith("km:");
    assertThatThrownBy(
            () ->
                new Subscription(
                    UUID.randomUUID(),
                    subscription().subscriber(),
                    "x",
                    "Patrol planning",
                    List.of(),
                    Set.of(),
                    Set.of(),
                    Optional.empty(),
                    Channel.INBOX,
                    AT,
                    AT,
                    Optional.empty(),
                    Pacing.DEFAULT))
        .hasMessageStartingWith("areas:");
  }

  @Test
  void webhookSubscriptionThenReadsBackWithItsUrlAndSecret() {
    Subscription s = subscription();
    Webhook webhook =
        new Webhook(
            java.net.URI.create("https://receiver.example/hooks"), "whsec_0123456789abcdef");
    Subscription withWebhook =
        new Subscription(
            s.subscriptionId(),
            s.subscriber(),
            s.name(),
            s.purpose(),
            s.areas(),
            s.categories(),
            s.indicators(),
            s.minimumGrading(),
            Channel.WEBHOOK,
            AT,
            AT,
            Optional.of(webhook),
            Pacing.DEFAULT);

    SubscriptionEvent read =
        SubscriptionJson.read(SubscriptionJson.write(SubscriptionStarted.of(withWebhook)));

    assertThat(read.subscription().webhook()).contains(webhook);
    assertThat(webhook.toString()).doesNotContain("whsec_");
  }

  @Test
  void webhookChannelWithoutWebhookOrWebhookOnInboxThenRefused() {
    Subscription s = subscription();
    assertThatThrownBy(
            () ->
                new Subscription(
                    s.subscriptionId(),
                    s.subscriber(),
                    s.name(),
                    s.purpose(),
                    s.areas(),
                    s.categories(),
                    s.indicators(),
                    s.minimumGrading(),
                    Channel.WEBHOOK,
                    AT,
                    AT,
                    Optional.empty(),
                    Pacing.DEFAULT))
        .hasMessageStartingWith("webhook:");
  }

  @Test
  void rotatedWebhookThenReadsBackWithBothSecretsAndWhoRotatedIt() {
    Webhook rotated =
        new Webhook(java.net.URI.create("https://receiver.example/hooks"), "whsec_0123456789abcdef")
            .rotated(
                "whsec_fedcba9876543210", AT, java.time.Duration.ofHours(24), "police.analyst");

    SubscriptionEvent read =
        SubscriptionJson.read(SubscriptionJson.write(SubscriptionChanged.of(withWebhook(rotated))));

    assertThat(read.subscription().webhook()).contains(rotated);
    assertThat(read.subscription().webhook().orElseThrow().liveSecrets(AT))
        .containsExactly("whsec_fedcba9876543210", "whsec_0123456789abcdef");
    assertThat(read.subscription().toString()).doesNotContain("whsec_");
  }

  @Test
  void webhookEventWrittenBeforeRotationExistedThenStillReadsNeverRotated() {
    // as the alerts service wrote a webhook subscription before secrets could be rotated
    String before =
        """
        {"kind":"STARTED","schemaVersion":1,"subscription":{\
        "subscriptionId":"7d1f0f5e-5c1b-4c47-9d59-3f8f6f0d2a11",\
        "subscriber":%s,\
        "name":"Redditch deal lines","purpose":"Deal line mapping in Redditch",\
        "areas":[{"type":"DISTRICT","district":"redditch"}],\
        "categories":[],"indicators":[],"channel":"WEBHOOK",\
        "createdAt":"2026-11-25T10:00:00Z","changedAt":"2026-11-25T10:00:00Z",\
        "webhook":{"url":"https://receiver.example/hooks","secret":"whsec_0123456789abcdef"}}}"""
            .formatted(
                SubscriptionJson.writeString(SubscriptionStarted.of(subscription()))
                    .replaceFirst(".*\"subscriber\":(\\{[^}]*\\}).*", "$1"));

    SubscriptionEvent read = SubscriptionJson.read(before);

    Webhook webhook = read.subscription().webhook().orElseThrow();
    assertThat(webhook.rotation()).isEmpty();
    assertThat(webhook.liveSecrets(AT)).containsExactly("whsec_0123456789abcdef");
  }

  private static Subscription withWebhook(Webhook webhook) {
    Subscription s = subscription();
    return new Subscription(
        s.subscriptionId(),
        s.subscriber(),
        s.name(),
        s.purpose(),
        s.areas(),
        s.categories(),
        s.indicators(),
        s.minimumGrading(),
        Channel.WEBHOOK,
        AT,
        AT,
        Optional.of(webhook),
        Pacing.DEFAULT);
  }
}
