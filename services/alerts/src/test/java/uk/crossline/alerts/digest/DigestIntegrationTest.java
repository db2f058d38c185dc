package uk.crossline.alerts.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import uk.crossline.alerts.AlertEvents;
import uk.crossline.alerts.AlertsApi;
import uk.crossline.alerts.inbox.Digest;
import uk.crossline.model.Topics;
import uk.crossline.model.audit.AuditAction;
import uk.crossline.model.audit.AuditEntry;
import uk.crossline.model.audit.AuditJson;
import uk.crossline.model.event.IntelligenceReported;
import uk.crossline.model.event.SharingScope;
import uk.crossline.model.vocabulary.Category;
import uk.crossline.model.vocabulary.Tlp;
import uk.crossline.testsupport.CrosslineIntegrationTest;
import uk.crossline.testsupport.CrosslineStack;
import uk.crossline.testsupport.DemoTokens;
import uk.crossline.testsupport.TopicReader;

/**
 * Pacing on the real stack: a burst beyond a subscription's hourly rate is held and comes as one
 * digest grouped by area and category; a subscriber who asked for digests gets only digests. The
 * digests are made by calling the release as its schedule would at their due time.
 */
@CrosslineIntegrationTest
@SpringBootTest
@AutoConfigureMockMvc
class DigestIntegrationTest {

  private static final String GROUP =
      AlertsApi.groupAtEnd(CrosslineStack.get().kafkaBootstrapServers());

  @org.springframework.test.context.DynamicPropertySource
  static void matchingGroup(org.springframework.test.context.DynamicPropertyRegistry registry) {
    registry.add("crossline.alerts.group-id", () -> GROUP);
  }

  /** {@code crossline.alerts.digest.grace}'s default. */
  private static final Duration GRACE = Duration.ofSeconds(10);

  @Autowired MockMvc mvc;
  @Autowired DigestRelease release;

  @Test
  void burstBeyondTheHourlyRateThenTheRestComeAsOneDigestGroupedByAreaAndCategory(
      DemoTokens tokens, CrosslineStack stack) throws Exception {
    awaitNotInTheLastMinuteOfAnHour();
    // given Bromsgrove subscribed to Redditch and Wyre Forest at three single alerts an hour
    var api = new AlertsApi(mvc, tokens);
    String subscription =
        api.subscribe(
            "bromsgrove.cso",
            """
            {"name": "Neighbours, paced", "purpose": "Community safety patrol planning",
             "areas": [{"type": "DISTRICT", "district": "redditch"},
                       {"type": "DISTRICT", "district": "wyre-forest"}],
             "maxAlertsPerHour": 3}""");
    var audit = TopicReader.mark(Topics.AUDIT_LOG);
    try {
      // when seven GREEN events arrive at once: deal lines and cuckooing in two districts
      List<IntelligenceReported> burst = new ArrayList<>();
      for (int i = 0; i < 7; i++) {
        burst.add(
            AlertEvents.reported(
                AlertEvents.REDDITCH,
                AlertEvents.report(
                    Tlp.GREEN,
                    SharingScope.none(),
                    i % 2 == 0 ? "redditch" : "wyre-forest",
                    i < 4 ? Category.DEAL_LINE : Category.CUCKOOING)));
      }
      AlertsApi.awaitMatched(
          stack.kafkaBootstrapServers(),
          GROUP,
          AlertEvents.publish(producer(stack), burst.toArray(IntelligenceReported[]::new)));

      // then three come on their own and the other four wait, unseen
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(() -> assertThat(mine(api, subscription)).hasSize(3));
      assertThat(mine(api, subscription))
          .allSatisfy(alert -> assertThat(alert.get("kind").asString()).isEqualTo("NEW"));
      Instant due = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
      assertThat(release.release(due.plus(GRACE).minusSeconds(1)))
          .noneMatch(d -> isOf(d, subscription));

      // when the hour ends (and the grace for alerts still landing has passed)
      List<Digest> made =
          release.release(due.plus(GRACE)).stream().filter(d -> isOf(d, subscription)).toList();

      // then one digest holds the four, grouped by district and category
      assertThat(made).hasSize(1);
      Digest digest = made.getFirst();
      assertThat(digest.reason().name()).isEqualTo("RATE_LIMIT");
      assertThat(digest.total()).isEqualTo(4);
      assertThat(digest.from()).isEqualTo(due.minus(Duration.ofHours(1)));
      assertThat(digest.to()).isEqualTo(due);
      assertThat(digest.groups())
          .allSatisfy(
              group -> {
                assertThat(group.area()).isIn("redditch", "wyre-forest");
                assertThat(group.category()).isIn("DEAL_LINE", "CUCKOOING");
              });
      assertThat(digest.groups().stream().mapToInt(g -> g.alertIds().size()).sum()).isEqualTo(4);
      // and the inbox lists it once, as a digest, with the alerts it holds behind it
      List<JsonNode> listed = mine(api, subscription);
      assertThat(listed).hasSize(4);
      JsonNode listedDigest =
          listed.stream().filter(a -> a.get("kind").asString().equals("DIGEST")).findFirst().get();
      assertThat(listedDigest.get("alertId").asString()).isEqualTo(digest.alertId().toString());
      assertThat(listedDigest.get("total").asInt()).isEqualTo(4);
      JsonNode inDigest =
          getJson(tokens, "/api/v1/alerts?digest=" + digest.alertId()).get("alerts");
      assertThat(inDigest).hasSize(4);
      assertThat(
              StreamSupport.stream(inDigest.spliterator(), false)
                  .map(a -> a.at("/heldFor/reason").asString()))
          .containsOnly("RATE_LIMIT");
      // and made again (a second instance, a restart) it is not delivered twice
      assertThat(release.release(due.plus(GRACE))).noneMatch(d -> isOf(d, subscription));
      // and the digest can be marked read like an alert
      mvc.perform(
              post("/api/v1/alerts/" + digest.alertId() + "/read")
                  .header("Authorization", "Bearer " + tokens.accessToken("bromsgrove.cso")))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.kind").value("DIGEST"))
          .andExpect(jsonPath("$.read").value(true));
      // and its delivery is in the access log with the events it discloses
      List<AuditEntry> logged =
          TopicReader.valuesSince(audit).stream()
              .map(AuditJson::read)
              .filter(e -> e.action() == AuditAction.ALERT_DELIVERY)
              .filter(e -> digest.alertId().toString().equals(e.criteria().get("alertId")))
              .toList();
      assertThat(logged).hasSize(1);
      assertThat(logged.getFirst().eventIds()).hasSize(4);
    } finally {
      api.end("bromsgrove.cso", subscription);
    }
  }

  @Test
  void subscriberWhoAskedForHourlyDigestsThenGetsNoSingleAlertsAndOthersCannotReadTheDigest(
      DemoTokens tokens, CrosslineStack stack) throws Exception {
    awaitNotInTheLastMinuteOfAnHour();
    // given Wyre Forest asked for an hourly digest of Redditch
    var api = new AlertsApi(mvc, tokens);
    String subscription =
        api.subscribe(
            "wyreforest.cso",
            """
            {"name": "Redditch hourly", "purpose": "Community safety patrol planning",
             "areas": [{"type": "DISTRICT", "district": "redditch"}], "digest": "HOURLY"}""");
    try {
      // when two events arrive
      IntelligenceReported one =
          AlertEvents.reported(
              AlertEvents.REDDITCH, AlertEvents.report(Tlp.GREEN, SharingScope.none(), "redditch"));
      IntelligenceReported two =
          AlertEvents.reported(
              AlertEvents.REDDITCH, AlertEvents.report(Tlp.GREEN, SharingScope.none(), "redditch"));
      AlertsApi.awaitMatched(
          stack.kafkaBootstrapServers(), GROUP, AlertEvents.publish(producer(stack), one, two));

      // then nothing shows before the hour is out
      assertThat(mine(api, subscription)).isEmpty();
      Instant due = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
      Digest digest =
          await()
              .atMost(Duration.ofSeconds(20))
              .until(
                  () ->
                      release.release(due.plus(GRACE)).stream()
                          .filter(d -> isOf(d, subscription))
                          .toList(),
                  made -> made.size() == 1)
              .getFirst();

      // and at the hour one digest of both, in one group
      assertThat(digest.reason().name()).isEqualTo("HOURLY");
      assertThat(digest.groups()).hasSize(1);
      assertThat(digest.groups().getFirst().area()).isEqualTo("redditch");
      assertThat(digest.groups().getFirst().alertIds()).hasSize(2);
      assertThat(mine(api, subscription))
          .singleElement()
          .satisfies(d -> assertThat(d.get("kind").asString()).isEqualTo("DIGEST"));
      // and another council cannot read it nor list what it holds
      mvc.perform(
              get("/api/v1/alerts")
                  .param("digest", digest.alertId().toString())
                  .header("Authorization", "Bearer " + tokens.accessToken("bromsgrove.cso")))
          .andExpect(status().isNotFound());
      mvc.perform(
              post("/api/v1/alerts/" + digest.alertId() + "/read")
                  .header("Authorization", "Bearer " + tokens.accessToken("bromsgrove.cso")))
          .andExpect(status().isNotFound());
    } finally {
      api.end("wyreforest.cso", subscription);
    }
  }

  @Test
  void pacingOutOfBoundsOrRateWithADigestThenRefusedNamingTheField(DemoTokens tokens)
      throws Exception {
    for (String pacing :
        List.of(
            "\"digest\": \"WEEKLY\"",
            "\"maxAlertsPerHour\": 0",
            "\"maxAlertsPerHour\": \"many\"",
            "\"digest\": \"DAILY\", \"maxAlertsPerHour\": 5")) {
      String field = pacing.contains("WEEKLY") ? "digest" : "maxAlertsPerHour";
      mvc.perform(
              post("/api/v1/subscriptions")
                  .header("Authorization", "Bearer " + tokens.accessToken("bromsgrove.cso"))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(
                      """
                      {"name": "Paced", "purpose": "Community safety patrol planning",
                       "areas": [{"type": "DISTRICT", "district": "redditch"}], %s}"""
                          .formatted(pacing)))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.errors[0].field").value(field));
    }
  }

  /** An hour's rate is counted per clock hour: a test does not straddle two. */
  private static void awaitNotInTheLastMinuteOfAnHour() {
    await()
        .atMost(Duration.ofSeconds(75))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> Instant.now().atZone(java.time.ZoneOffset.UTC).getMinute() < 59);
  }

  private static boolean isOf(Digest digest, String subscription) {
    return digest.subscriptionId().toString().equals(subscription);
  }

  private List<JsonNode> mine(AlertsApi api, String subscription) throws Exception {
    String user = null;
    for (String candidate : List.of("bromsgrove.cso", "wyreforest.cso")) {
      for (JsonNode alert : api.alerts(candidate)) {
        if (alert.get("subscriptionId").asString().equals(subscription)) {
          user = candidate;
        }
      }
    }
    if (user == null) {
      return List.of();
    }
    return api.alerts(user).stream()
        .filter(alert -> alert.get("subscriptionId").asString().equals(subscription))
        .toList();
  }

  private JsonNode getJson(DemoTokens tokens, String path) throws Exception {
    return AlertsApi.JSON.readTree(
        mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
                    .header("Authorization", "Bearer " + tokens.accessToken("bromsgrove.cso")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString());
  }

  private static Map<String, Object> producer(CrosslineStack stack) {
    return Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
        stack.kafkaBootstrapServers(),
        ProducerConfig.ACKS_CONFIG,
        "all");
  }
}
