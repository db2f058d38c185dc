package uk.crossline.alerts.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import uk.crossline.alerts.AlertEvents;
import uk.crossline.alerts.AlertsApi;
import uk.crossline.model.audit.AuditEntry;
import uk.crossline.model.event.IntelligenceReported;
import uk.crossline.model.event.SharingScope;
import uk.crossline.model.subscription.WebhookSignature;
import uk.crossline.model.vocabulary.Tlp;
import uk.crossline.testsupport.CrosslineIntegrationTest;
import uk.crossline.testsupport.CrosslineStack;
import uk.crossline.testsupport.DemoTokens;
import uk.crossline.testsupport.WebhookReceiver;

/**
 * Webhooks on the real stack, to a real HTTP receiver in the test: events published as an intake
 * does, matched, and posted to the receiver. Back-off and give-up are short here.
 */
@CrosslineIntegrationTest
@SpringBootTest(
    properties = {
      "crossline.alerts.webhook.deliver=true",
      "crossline.alerts.webhook.allow-local-http=true",
      "crossline.alerts.webhook.initial-backoff=200ms",
      "crossline.alerts.webhook.max-backoff=1s",
      "crossline.alerts.webhook.give-up-after=12s",
      "crossline.alerts.webhook.timeout=3s",
      "crossline.alerts.webhook.tick=100ms"
    })
@AutoConfigureMockMvc
class WebhookIntegrationTest {

  private static final String GROUP =
      AlertsApi.groupAtEnd(CrosslineStack.get().kafkaBootstrapServers());

  @DynamicPropertySource
  static void groups(DynamicPropertyRegistry registry) {
    registry.add("crossline.alerts.group-id", () -> GROUP);
    // This context alone owns the deliveries' partitions.
    registry.add(
        "crossline.alerts.webhook.group-id",
        () -> "crossline-alerts-webhooks-test-" + UUID.randomUUID());
  }

  @Autowired MockMvc mvc;
  @Autowired WebhookDeliveries deliveries;
  @Autowired DeliveryWorker worker;
  @Autowired uk.crossline.alerts.subscription.Subscriptions subscriptions;
  @Autowired uk.crossline.kit.audit.AuditLog audit;
  @Autowired org.springframework.boot.kafka.autoconfigure.KafkaProperties kafka;
  @Autowired uk.crossline.alerts.WebhookSettings settings;
  @Autowired uk.crossline.alerts.metrics.AlertMetrics meters;

  @Test
  void receiverFailsForAWhileThenRecoversThenGetsEveryAlertOnceSignedWithItsSecret(
      DemoTokens tokens, CrosslineStack stack) throws Exception {
    // given a receiver that answers 503 to its first four requests, and a webhook subscription
    try (WebhookReceiver receiver = new WebhookReceiver(4)) {
      JsonNode created = subscribe(tokens, "bromsgrove.cso", receiver.url());
      String subscriptionId = created.get("subscriptionId").asString();
      String secret = created.at("/webhook/secret").asString();
      try {
        // when Redditch reports three GREEN events in Redditch
        List<IntelligenceReported> events = greenInRedditch(3);
        AlertsApi.awaitMatched(
            stack.kafkaBootstrapServers(),
            GROUP,
            AlertEvents.publish(events.toArray(IntelligenceReported[]::new)));

        // then every alert arrives, each id accepted once, after the receiver failed at first
        var api = new AlertsApi(mvc, tokens);
        Set<String> inboxIds = new HashSet<>();
        for (IntelligenceReported event : events) {
          inboxIds.add(
              api.alertsAbout("bromsgrove.cso", event.eventId().value()).stream()
                  .filter(a -> a.get("subscriptionId").asString().equals(subscriptionId))
                  .findFirst()
                  .orElseThrow()
                  .get("alertId")
                  .asString());
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.accepted().size() >= 3);
        assertThat(receiver.requests.stream().filter(r -> !r.accepted())).hasSize(4);
        Map<String, Long> acceptedById =
            receiver.accepted().stream()
                .collect(
                    Collectors.groupingBy(WebhookReceiver.Request::alertId, Collectors.counting()));
        assertThat(acceptedById.keySet()).isEqualTo(inboxIds);
        assertThat(acceptedById.values()).containsOnly(1L);

        // and each request verifies with the secret shown once, as the receiver checks it
        for (WebhookReceiver.Request request : receiver.requests) {
          assertThat(request.verifiesWith(secret)).isTrue();
          JsonNode body = AlertsApi.JSON.readTree(request.body());
          assertThat(body.get("alertId").asString()).isEqualTo(request.alertId());
          assertThat(body.has("recipientUserId")).isFalse();
        }
        // and a tampered body or a wrong secret does not
        WebhookReceiver.Request one = receiver.accepted().getFirst();
        byte[] tampered =
            new String(one.body(), StandardCharsets.UTF_8)
                .replace("DEAL_LINE", "DEAL_LINES")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(
                WebhookSignature.verify(
                    secret,
                    one.timestamp(),
                    one.signature(),
                    tampered,
                    Instant.now(),
                    WebhookSignature.DEFAULT_TOLERANCE))
            .isFalse();
        assertThat(one.verifiesWith("whsec_not-the-subscribers-secret")).isFalse();

        // and the subscription shows its deliveries well, without the secret
        await()
            .atMost(Duration.ofSeconds(10))
            .untilAsserted(
                () ->
                    call(tokens, "bromsgrove.cso", subscriptionId)
                        .andExpect(jsonPath("$.delivery.status").value("OK"))
                        .andExpect(jsonPath("$.delivery.delivered").value(3))
                        .andExpect(jsonPath("$.webhook.url").value(receiver.url()))
                        .andExpect(jsonPath("$.webhook.secret").doesNotExist()));

        // and each webhook delivery is in the access log, once, by the alerts service
        for (IntelligenceReported event : events) {
          assertThat(webhookDeliveriesLogged(event.eventId().value()))
              .extracting(e -> e.criteria().get("subscriptionId"))
              .containsExactly(subscriptionId);
        }
      } finally {
        api(tokens).end("bromsgrove.cso", subscriptionId);
      }
    }
  }

  @Test
  void receiverNeverRecoversThenGivenUpAndTheSubscriptionShowsIt(
      DemoTokens tokens, CrosslineStack stack) throws Exception {
    // given a receiver that always answers 503
    try (WebhookReceiver receiver = new WebhookReceiver(0)) {
      receiver.failing(true);
      JsonNode created = subscribe(tokens, "redditch.cso", receiver.url());
      String subscriptionId = created.get("subscriptionId").asString();
      try {
        // when Bromsgrove reports a GREEN event in Redditch
        IntelligenceReported event =
            AlertEvents.reported(
                AlertEvents.BROMSGROVE,
                AlertEvents.report(Tlp.GREEN, SharingScope.none(), "redditch"));
        AlertsApi.awaitMatched(stack.kafkaBootstrapServers(), GROUP, AlertEvents.publish(event));

        // then the subscription shows it failing, then given up with the alert's id
        String alertId =
            api(tokens).alertsAbout("redditch.cso", event.eventId().value()).stream()
                .filter(a -> a.get("subscriptionId").asString().equals(subscriptionId))
                .findFirst()
                .orElseThrow()
                .get("alertId")
                .asString();
        await()
            .atMost(Duration.ofSeconds(10))
            .untilAsserted(
                () ->
                    call(tokens, "redditch.cso", subscriptionId)
                        .andExpect(jsonPath("$.delivery.status").value("FAILING")));
        await()
            .atMost(Duration.ofSeconds(40))
            .untilAsserted(
                () ->
                    call(tokens, "redditch.cso", subscriptionId)
                        .andExpect(jsonPath("$.delivery.status").value("GAVE_UP"))
                        .andExpect(jsonPath("$.delivery.failedAlerts[0]").value(alertId))
                        .andExpect(
                            jsonPath("$.delivery.lastError")
                                .value("the receiver answered HTTP 503")));
        // and after giving up, nothing more is posted
        int attempts = receiver.requests.size();
        assertThat(attempts).isGreaterThan(1);
        await()
            .during(Duration.ofSeconds(2))
            .atMost(Duration.ofSeconds(3))
            .until(() -> receiver.requests.size() == attempts);
      } finally {
        api(tokens).end("redditch.cso", subscriptionId);
      }
    }
  }

  @Test
  void deliveryStoppedWhileDeliveriesPendingThenRestartedInstanceDeliversThem(
      DemoTokens tokens, CrosslineStack stack) throws Exception {
    // given a failing receiver with two alerts pending for it
    try (WebhookReceiver receiver = new WebhookReceiver(0)) {
      receiver.failing(true);
      JsonNode created = subscribe(tokens, "wyreforest.cso", receiver.url());
      String subscriptionId = created.get("subscriptionId").asString();
      try {
        List<IntelligenceReported> events = greenInRedditch(2);
        AlertsApi.awaitMatched(
            stack.kafkaBootstrapServers(),
            GROUP,
            AlertEvents.publish(events.toArray(IntelligenceReported[]::new)));
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () ->
                    receiver.requests.stream()
                            .map(WebhookReceiver.Request::alertId)
                            .collect(Collectors.toSet())
                            .size()
                        == 2);

        // when delivery stops (worker and its state) while they are pending
        worker.stop();
        deliveries.stop();
        int seen = receiver.requests.size();
        receiver.failing(false);
        assertThat(receiver.requests).hasSize(seen);

        // and starts again, reading its state from the topic, as a restarted instance does
        deliveries.start();
        worker.start();

        // then both are delivered, each accepted once
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.accepted().size() >= 2);
        assertThat(
                receiver.accepted().stream()
                    .collect(
                        Collectors.groupingBy(
                            WebhookReceiver.Request::alertId, Collectors.counting()))
                    .values())
            .containsExactly(1L, 1L);
        await()
            .atMost(Duration.ofSeconds(10))
            .untilAsserted(
                () ->
                    call(tokens, "wyreforest.cso", subscriptionId)
                        .andExpect(jsonPath("$.delivery.status").value("OK"))
                        .andExpect(jsonPath("$.delivery.delivered").value(2)));
      } finally {
        api(tokens).end("wyreforest.cso", subscriptionId);
      }
    }
  }

  @Test
  void twoInstancesDeliveringThenEachAlertPostedByOneOnly(DemoTokens tokens, CrosslineStack stack)
      throws Exception {
    // given a second instance's worker in the same consumer group, each owning some partitions
    DeliveryWorker second =
        new DeliveryWorker(deliveries, subscriptions, audit, kafka, settings, meters);
    second.start();
    try (WebhookReceiver receiver = new WebhookReceiver(0)) {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  !worker.ownedPartitions().isEmpty()
                      && !second.ownedPartitions().isEmpty()
                      && worker.ownedPartitions().size() + second.ownedPartitions().size() == 3);
      assertThat(worker.ownedPartitions()).doesNotContainAnyElementsOf(second.ownedPartitions());
      JsonNode created = subscribe(tokens, "bromsgrove.cso", receiver.url());
      String subscriptionId = created.get("subscriptionId").asString();
      try {
        // when eight alerts are matched for the subscription
        List<IntelligenceReported> events = greenInRedditch(8);
        AlertsApi.awaitMatched(
            stack.kafkaBootstrapServers(),
            GROUP,
            AlertEvents.publish(events.toArray(IntelligenceReported[]::new)));

        // then each is posted once: one instance posts a given alert
        await()
            .atMost(Duration.ofSeconds(30))
            .untilAsserted(
                () ->
                    call(tokens, "bromsgrove.cso", subscriptionId)
                        .andExpect(jsonPath("$.delivery.delivered").value(8)));
        assertThat(receiver.requests).hasSize(8);
        assertThat(receiver.requests.stream().map(WebhookReceiver.Request::alertId).distinct())
            .hasSize(8);
      } finally {
        api(tokens).end("bromsgrove.cso", subscriptionId);
      }
    } finally {
      second.stop();
    }
  }

  @Test
  void webhookUrlNotHttpsOrWithoutChannelThenRefusedNamingTheField(DemoTokens tokens)
      throws Exception {
    for (String url :
        List.of("http://example.org/hook", "ftp://127.0.0.1/hook", "https://u:p@example.org/x")) {
      mvc.perform(
              post("/api/v1/subscriptions")
                  .header("Authorization", "Bearer " + tokens.accessToken("bromsgrove.cso"))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(webhookBody(url)))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.errors[0].field").value("webhook.url"));
    }
    mvc.perform(
            post("/api/v1/subscriptions")
                .header("Authorization", "Bearer " + tokens.accessToken("bromsgrove.cso"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"name": "x", "purpose": "Patrol planning",
                     "areas": [{"type": "DISTRICT", "district": "redditch"}],
                     "webhook": {"url": "https://receiver.example/hook", "secret": "mine"}}"""))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[?(@.field == 'webhook')]").exists());
  }

  @Test
  void httpsWebhookThenSecretShownOnceAndKeptWhenReplaced(DemoTokens tokens) throws Exception {
    JsonNode created = subscribe(tokens, "bromsgrove.cso", "https://receiver.example/hook");
    String id = created.get("subscriptionId").asString();
    try {
      assertThat(created.get("channel").asString()).isEqualTo("WEBHOOK");
      assertThat(created.at("/webhook/secret").asString())
          .startsWith("whsec_")
          .hasSizeGreaterThan(40);
      call(tokens, "bromsgrove.cso", id)
          .andExpect(jsonPath("$.webhook.url").value("https://receiver.example/hook"))
          .andExpect(jsonPath("$.webhook.secret").doesNotExist())
          .andExpect(jsonPath("$.delivery.status").value("OK"));
      mvc.perform(
              org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                      "/api/v1/subscriptions/" + id)
                  .header("Authorization", "Bearer " + tokens.accessToken("bromsgrove.cso"))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(webhookBody("https://receiver.example/other")))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.webhook.url").value("https://receiver.example/other"))
          .andExpect(jsonPath("$.webhook.secret").doesNotExist());
    } finally {
      api(tokens).end("bromsgrove.cso", id);
    }
  }

  private static String webhookBody(String url) {
    return """
        {"name": "Redditch by webhook", "purpose": "Community safety patrol planning",
         "areas": [{"type": "DISTRICT", "district": "redditch"}],
         "channel": "WEBHOOK", "webhook": {"url": "%s"}}"""
        .formatted(url);
  }

  private JsonNode subscribe(DemoTokens tokens, String user, String url) throws Exception {
    String answer =
        mvc.perform(
                post("/api/v1/subscriptions")
                    .header("Authorization", "Bearer " + tokens.accessToken(user))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(webhookBody(url)))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return AlertsApi.JSON.readTree(answer);
  }

  private org.springframework.test.web.servlet.ResultActions call(
      DemoTokens tokens, String user, String subscriptionId) throws Exception {
    return mvc.perform(
            get("/api/v1/subscriptions/" + subscriptionId)
                .header("Authorization", "Bearer " + tokens.accessToken(user)))
        .andExpect(status().isOk());
  }

  private AlertsApi api(DemoTokens tokens) {
    return new AlertsApi(mvc, tokens);
  }

  private static List<IntelligenceReported> greenInRedditch(int count) {
    return java.util.stream.IntStream.range(0, count)
        .mapToObj(
            i ->
                AlertEvents.reported(
                    AlertEvents.REDDITCH,
                    AlertEvents.report(Tlp.GREEN, SharingScope.none(), "redditch")))
        .toList();
  }

  /** The webhook ALERT_DELIVERY entries naming this event, read from the access log topic. */
  private static List<AuditEntry> webhookDeliveriesLogged(String eventId) {
    return AlertsApi.deliveriesLoggedAbout(eventId).stream()
        .filter(entry -> "WEBHOOK".equals(entry.criteria().get("channel")))
        .toList();
  }
}
