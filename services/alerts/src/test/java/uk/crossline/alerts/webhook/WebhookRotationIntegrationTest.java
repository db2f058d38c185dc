package uk.crossline.alerts.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import uk.crossline.alerts.AlertEvents;
import uk.crossline.alerts.AlertsApi;
import uk.crossline.alerts.subscription.Subscriptions;
import uk.crossline.model.AgencyId;
import uk.crossline.model.AgencyType;
import uk.crossline.model.Caller;
import uk.crossline.model.Role;
import uk.crossline.model.Topics;
import uk.crossline.model.audit.AuditAction;
import uk.crossline.model.audit.AuditActor;
import uk.crossline.model.audit.AuditEntry;
import uk.crossline.model.audit.AuditJson;
import uk.crossline.model.event.IntelligenceReported;
import uk.crossline.model.event.SharingScope;
import uk.crossline.model.subscription.Area;
import uk.crossline.model.subscription.Channel;
import uk.crossline.model.subscription.Pacing;
import uk.crossline.model.subscription.Subscription;
import uk.crossline.model.subscription.SubscriptionEnded;
import uk.crossline.model.subscription.SubscriptionEvent;
import uk.crossline.model.subscription.SubscriptionJson;
import uk.crossline.model.subscription.SubscriptionStarted;
import uk.crossline.model.subscription.Webhook;
import uk.crossline.model.vocabulary.Tlp;
import uk.crossline.testsupport.CrosslineIntegrationTest;
import uk.crossline.testsupport.CrosslineStack;
import uk.crossline.testsupport.DemoTokens;
import uk.crossline.testsupport.TopicReader;
import uk.crossline.testsupport.WebhookReceiver;

/**
 * Rotating a webhook's signing secret on the real stack: a real receiver verifies what it gets with
 * the secret it holds, during the overlap and after it; who may rotate; and that no secret reaches
 * an answer other than the rotation's own, nor the access log. The context is closed after the
 * class, so its delivery worker posts for no other test.
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
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class WebhookRotationIntegrationTest {

  private static final String PATH = "/api/v1/subscriptions/";

  /**
   * A receiver that refuses the connection at once: for subscriptions whose alerts don't matter.
   */
  private static final String NOWHERE = "http://127.0.0.1:9/hook";

  private static final String GROUP =
      AlertsApi.groupAtEnd(CrosslineStack.get().kafkaBootstrapServers());

  @DynamicPropertySource
  static void groups(DynamicPropertyRegistry registry) {
    registry.add("crossline.alerts.group-id", () -> GROUP);
    registry.add(
        "crossline.alerts.webhook.group-id",
        () -> "crossline-alerts-webhooks-test-" + UUID.randomUUID());
  }

  @Autowired MockMvc mvc;
  @Autowired Subscriptions subscriptions;
  @Autowired WebhookDeliveries deliveries;

  /**
   * This context has read the subscriptions and deliveries topics (a fresh context answers 503
   * until then). The shared topic may hold deliveries other runs left pending (to receivers long
   * gone): this context's worker owns them all and tries each once (given up after its short
   * give-up time) before this test's own, oldest first. Waiting for that keeps the tests' timings
   * about their own deliveries.
   */
  @BeforeEach
  void backlogPosted() {
    await()
        .atMost(Duration.ofMinutes(3))
        .until(
            () ->
                subscriptions.caughtUp()
                    && deliveries.caughtUp()
                    && deliveries.due(Instant.now(), id -> true).isEmpty());
  }

  @Test
  void secretRotatedThenEitherSecretVerifiesDuringTheOverlapAndOnlyTheNewOneAfterIt(
      DemoTokens tokens, CrosslineStack stack) throws Exception {
    // given a webhook subscription and its receiver, holding the first secret
    try (WebhookReceiver receiver = new WebhookReceiver(0)) {
      JsonNode created = subscribe(tokens, "bromsgrove.cso", receiver.url());
      String id = created.get("subscriptionId").asString();
      String first = created.at("/webhook/secret").asString();
      try {
        // when the subscriber rotates the secret with the hub's overlap (24 h)
        JsonNode rotated =
            json(rotate(tokens, "bromsgrove.cso", id, null).andExpect(status().isOk()));
        String second = rotated.at("/webhook/secret").asString();
        Instant overlapEnds =
            Instant.parse(rotated.at("/webhook/previousSecretExpiresAt").asString());
        assertThat(second).startsWith("whsec_").hasSizeGreaterThan(40).isNotEqualTo(first);
        assertThat(overlapEnds)
            .isBetween(
                Instant.now().plus(Duration.ofHours(23)), Instant.now().plus(Duration.ofHours(25)));
        // and replaces the subscription during the overlap (which keeps both secrets)
        mvc.perform(
                put(PATH + id)
                    .header("Authorization", "Bearer " + tokens.accessToken("bromsgrove.cso"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(webhookBody(receiver.url())))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.webhook.secret").doesNotExist())
            .andExpect(jsonPath("$.webhook.previousSecretExpiresAt").value(overlapEnds.toString()));

        // then an alert posted during the overlap is signed by both: verifies with either secret
        WebhookReceiver.Request during =
            deliveredAbout(tokens, stack, receiver, "bromsgrove.cso", id, second);
        assertThat(during.signature()).matches("v1=[0-9a-f]{64},v1=[0-9a-f]{64}");
        assertThat(during.verifiesWith(second)).isTrue();
        assertThat(during.verifiesWith(first)).isTrue();

        // when the subscriber rotates again, asking the current secret to expire in 2 s
        JsonNode again =
            json(
                rotate(tokens, "bromsgrove.cso", id, "{\"expireCurrentAfter\": \"PT2S\"}")
                    .andExpect(status().isOk()));
        String third = again.at("/webhook/secret").asString();
        Instant expiry = Instant.parse(again.at("/webhook/previousSecretExpiresAt").asString());
        assertThat(expiry).isBefore(Instant.now().plusSeconds(3));
        await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(expiry));

        // then an alert posted after the expiry is signed by the newest secret only: the one it
        // replaced is refused now, and so is the first (dropped at the second rotation)
        WebhookReceiver.Request after =
            deliveredAbout(tokens, stack, receiver, "bromsgrove.cso", id, third);
        assertThat(after.signature()).matches("v1=[0-9a-f]{64}");
        assertThat(after.verifiesWith(third)).isTrue();
        assertThat(after.verifiesWith(second)).isFalse();
        assertThat(after.verifiesWith(first)).isFalse();
        call(tokens, "bromsgrove.cso", get(PATH + id))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.webhook.secretRotatedAt").exists())
            .andExpect(jsonPath("$.webhook.previousSecretExpiresAt").doesNotExist());
      } finally {
        new AlertsApi(mvc, tokens).end("bromsgrove.cso", id);
      }
    }
  }

  @Test
  void rotatedWithZeroOverlapThenTheOldSecretIsRefusedAtOnce(
      DemoTokens tokens, CrosslineStack stack) throws Exception {
    // given a webhook subscription whose secret leaked
    try (WebhookReceiver receiver = new WebhookReceiver(0)) {
      JsonNode created = subscribe(tokens, "wyreforest.cso", receiver.url());
      String id = created.get("subscriptionId").asString();
      String leaked = created.at("/webhook/secret").asString();
      try {
        // when the subscriber rotates it with no overlap
        JsonNode rotated =
            json(
                rotate(tokens, "wyreforest.cso", id, "{\"expireCurrentAfter\": \"PT0S\"}")
                    .andExpect(status().isOk()));
        String fresh = rotated.at("/webhook/secret").asString();

        // then the next alert is signed by the new secret only
        WebhookReceiver.Request next =
            deliveredAbout(tokens, stack, receiver, "wyreforest.cso", id, fresh);
        assertThat(next.signature()).matches("v1=[0-9a-f]{64}");
        assertThat(next.verifiesWith(fresh)).isTrue();
        assertThat(next.verifiesWith(leaked)).isFalse();
      } finally {
        new AlertsApi(mvc, tokens).end("wyreforest.cso", id);
      }
    }
  }

  @Test
  void rotationByTheOwnerThenAllowedByAColleagueThenForbiddenElsewhereThenNotFound(
      DemoTokens tokens) throws Exception {
    // given a webhook subscription of bromsgrove.cso, an inbox one, and a colleague's webhook one
    // (another person of Bromsgrove, seeded on the topic as the API writes it)
    String own = subscribe(tokens, "bromsgrove.cso", NOWHERE).get("subscriptionId").asString();
    String inbox =
        new AlertsApi(mvc, tokens)
            .subscribe("bromsgrove.cso", AlertsApi.district("Inbox only", "redditch"));
    Subscription colleagues = colleagueWebhookSubscription();
    seed(SubscriptionStarted.of(colleagues));
    String colleaguesId = colleagues.subscriptionId().toString();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> subscriptions.find(colleagues.subscriptionId()).isPresent());
    try {
      // when a colleague of the same agency rotates it: forbidden, and nothing changed
      rotate(tokens, "bromsgrove.cso", colleaguesId, null)
          .andExpect(status().isForbidden())
          .andExpect(jsonPath("$.webhook").doesNotExist());
      call(tokens, "bromsgrove.cso", get(PATH + colleaguesId))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.webhook.secretRotatedAt").doesNotExist());
      // when another agency tries, or the id is nobody's or no id: not found
      rotate(tokens, "redditch.cso", own, null).andExpect(status().isNotFound());
      rotate(tokens, "redditch.cso", UUID.randomUUID().toString(), null)
          .andExpect(status().isNotFound());
      rotate(tokens, "redditch.cso", "not-an-id", null).andExpect(status().isNotFound());
      // when the subscription has no webhook: not found
      rotate(tokens, "bromsgrove.cso", inbox, null).andExpect(status().isNotFound());
      // when the caller may not have alerts at all: forbidden
      rotate(tokens, "school.lead", own, null).andExpect(status().isForbidden());
      // when the owner asks for more than the hub's overlap, a negative or malformed one, or
      // gives another field: refused naming the field
      for (String body :
          List.of(
              "{\"expireCurrentAfter\": \"P2D\"}",
              "{\"expireCurrentAfter\": \"-PT1S\"}",
              "{\"expireCurrentAfter\": \"soon\"}",
              "{\"expireCurrentAfter\": 60}")) {
        rotate(tokens, "bromsgrove.cso", own, body)
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("expireCurrentAfter"));
      }
      rotate(tokens, "bromsgrove.cso", own, "{\"secret\": \"whsec_my-own-choice-please\"}")
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.errors[0].field").value("secret"));
      call(tokens, "bromsgrove.cso", get(PATH + own))
          .andExpect(jsonPath("$.webhook.secretRotatedAt").doesNotExist());

      // then the owner may
      rotate(tokens, "bromsgrove.cso", own, "{}")
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.webhook.secret").exists());
      call(tokens, "bromsgrove.cso", get(PATH + own))
          .andExpect(jsonPath("$.webhook.secretRotatedAt").exists());
    } finally {
      new AlertsApi(mvc, tokens).end("bromsgrove.cso", own);
      new AlertsApi(mvc, tokens).end("bromsgrove.cso", inbox);
      seed(SubscriptionEnded.of(colleagues, Instant.now(), colleagues.subscriber().username()));
    }
  }

  @Test
  void secretRotatedThenNoSecretInAnyReadingNorTheAccessLogWhichRecordsWhoRotatedIt(
      DemoTokens tokens) throws Exception {
    // given a webhook subscription
    TopicReader.Mark auditMark = TopicReader.mark(Topics.AUDIT_LOG);
    TopicReader.Mark subscriptionsMark = TopicReader.mark(Topics.ALERT_SUBSCRIPTIONS);
    JsonNode created = subscribe(tokens, "redditch.cso", NOWHERE);
    String id = created.get("subscriptionId").asString();
    String first = created.at("/webhook/secret").asString();
    try {
      // when its owner rotates the secret
      String second =
          json(rotate(tokens, "redditch.cso", id, null).andExpect(status().isOk()))
              .at("/webhook/secret")
              .asString();

      // then neither secret is in the subscription's readings, which say when it was rotated
      String one =
          call(tokens, "redditch.cso", get(PATH + id))
              .andExpect(status().isOk())
              .andExpect(jsonPath("$.webhook.secret").doesNotExist())
              .andExpect(jsonPath("$.webhook.secretRotatedAt").exists())
              .andExpect(jsonPath("$.webhook.previousSecretExpiresAt").exists())
              .andReturn()
              .getResponse()
              .getContentAsString();
      String list =
          call(tokens, "redditch.cso", get("/api/v1/subscriptions"))
              .andExpect(status().isOk())
              .andReturn()
              .getResponse()
              .getContentAsString();
      assertThat(List.of(one, list)).noneMatch(s -> s.contains(first) || s.contains(second));

      // and the access log has the rotation, by its owner, without either secret
      List<byte[]> logged = TopicReader.valuesSince(auditMark);
      assertThat(logged)
          .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
          .noneMatch(s -> s.contains(first) || s.contains(second));
      List<AuditEntry> rotations =
          logged.stream()
              .map(WebhookRotationIntegrationTest::auditEntry)
              .flatMap(Optional::stream)
              .filter(e -> e.action() == AuditAction.SUBSCRIPTION_CHANGE)
              .filter(e -> id.equals(e.criteria().get("subscriptionId")))
              .filter(e -> "WEBHOOK_SECRET_ROTATED".equals(e.criteria().get("change")))
              .toList();
      assertThat(rotations).hasSize(1);
      assertThat(rotations.getFirst().actor())
          .isInstanceOfSatisfying(
              AuditActor.Person.class, p -> assertThat(p.username()).isEqualTo("redditch.cso"));
      assertThat(rotations.getFirst().criteria())
          .containsKeys("previousSecretExpiresAt", "webhook");

      // and the subscription's change on its topic says who rotated it, for every instance
      List<byte[]> changes = TopicReader.valuesSince(subscriptionsMark, id);
      SubscriptionEvent last = SubscriptionJson.read(changes.getLast());
      Webhook webhook = last.subscription().webhook().orElseThrow();
      assertThat(webhook.rotation().orElseThrow().rotatedBy()).isEqualTo("redditch.cso");
      assertThat(webhook.liveSecrets(Instant.now())).containsExactly(second, first);
    } finally {
      new AlertsApi(mvc, tokens).end("redditch.cso", id);
    }
  }

  /**
   * Publishes a GREEN event in Redditch and returns the receiver's accepted POST of its alert to
   * the user's subscription that verifies with the secret the receiver holds. Other test runs on
   * the shared broker may post the same alert too (their delivery workers own every partition of
   * their own group), and one built before rotation existed skips the rotated subscription's event
   * and signs with the first secret: that is not this service's POST.
   */
  private WebhookReceiver.Request deliveredAbout(
      DemoTokens tokens,
      CrosslineStack stack,
      WebhookReceiver receiver,
      String user,
      String subscriptionId,
      String receiverSecret)
      throws Exception {
    IntelligenceReported event =
        AlertEvents.reported(
            AlertEvents.REDDITCH, AlertEvents.report(Tlp.GREEN, SharingScope.none(), "redditch"));
    AlertsApi.awaitMatched(stack.kafkaBootstrapServers(), GROUP, AlertEvents.publish(event));
    String alertId =
        new AlertsApi(mvc, tokens)
            .alertsAbout(user, event.eventId().value()).stream()
                .filter(a -> a.get("subscriptionId").asString().equals(subscriptionId))
                .findFirst()
                .orElseThrow()
                .get("alertId")
                .asString();
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                receiver.accepted().stream()
                    .filter(r -> r.alertId().equals(alertId))
                    .filter(r -> r.verifiesWith(receiverSecret))
                    .findFirst(),
            Optional::isPresent)
        .orElseThrow();
  }

  private static Optional<AuditEntry> auditEntry(byte[] value) {
    try {
      return Optional.of(AuditJson.read(value));
    } catch (RuntimeException unreadable) {
      return Optional.empty();
    }
  }

  /** A webhook subscription of another person of Bromsgrove than bromsgrove.cso. */
  private static Subscription colleagueWebhookSubscription() {
    String marker = UUID.randomUUID().toString();
    Instant now = Instant.now();
    return new Subscription(
        UUID.randomUUID(),
        new Caller(
            "colleague-" + marker,
            "colleague." + marker.substring(0, 8),
            AgencyId.of("bromsgrove-dc"),
            AgencyType.LOCAL_AUTHORITY,
            Set.of(Role.SUBMIT, Role.SEARCH, Role.SUBSCRIBE_ALERTS)),
        "A colleague's hook",
        "Community safety patrol planning",
        List.of(new Area.District("bromsgrove")),
        Set.of(),
        Set.of(),
        Optional.empty(),
        Channel.WEBHOOK,
        now,
        now,
        Optional.of(new Webhook(URI.create(NOWHERE), "whsec_colleague-" + marker)),
        Pacing.DEFAULT);
  }

  private static void seed(SubscriptionEvent event) {
    Map<String, Object> config = AlertEvents.producerConfig();
    try (var producer =
        new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
      producer
          .send(
              new ProducerRecord<>(
                  Topics.ALERT_SUBSCRIPTIONS,
                  event.subscription().subscriptionId().toString(),
                  SubscriptionJson.write(event)))
          .get();
    } catch (Exception e) {
      throw new IllegalStateException("cannot seed the subscription", e);
    }
  }

  private ResultActions rotate(DemoTokens tokens, String user, String id, String body)
      throws Exception {
    MockHttpServletRequestBuilder request =
        post(PATH + id + "/webhook/secret")
            .header("Authorization", "Bearer " + tokens.accessToken(user));
    if (body != null) {
      request = request.contentType(MediaType.APPLICATION_JSON).content(body);
    }
    return mvc.perform(request);
  }

  private ResultActions call(DemoTokens tokens, String user, MockHttpServletRequestBuilder request)
      throws Exception {
    return mvc.perform(request.header("Authorization", "Bearer " + tokens.accessToken(user)));
  }

  private static JsonNode json(ResultActions result) throws Exception {
    return AlertsApi.JSON.readTree(result.andReturn().getResponse().getContentAsString());
  }

  private static String webhookBody(String url) {
    return """
        {"name": "Redditch by webhook", "purpose": "Community safety patrol planning",
         "areas": [{"type": "DISTRICT", "district": "redditch"}],
         "channel": "WEBHOOK", "webhook": {"url": "%s"}}"""
        .formatted(url);
  }

  private JsonNode subscribe(DemoTokens tokens, String user, String url) throws Exception {
    return json(
        mvc.perform(
                post("/api/v1/subscriptions")
                    .header("Authorization", "Bearer " + tokens.accessToken(user))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(webhookBody(url)))
            .andExpect(status().isCreated()));
  }
}
