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
import java.util.Optional;
import java.util.stream.StreamSupport;
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
import uk.crossline.model.location.GeoPoint;
import uk.crossline.model.vocabulary.Category;
import uk.crossline.model.vocabulary.Tlp;
import uk.crossline.testsupport.CrosslineIntegrationTest;
import uk.crossline.testsupport.CrosslineStack;
import uk.crossline.testsupport.DemoTokens;
import uk.crossline.testsupport.TopicReader;

/**
 * Pacing on the real stack: a burst beyond a subscription's hourly rate is held and comes as one
 * digest grouped by area and category; a subscriber who asked for digests gets only digests; a
 * paused subscription brings nothing until resumed. The digests are made by calling the release as
 * its schedule would at their due time.
 */
@CrosslineIntegrationTest
@SpringBootTest
@AutoConfigureMockMvc
class PacingIntegrationTest {

  private static final String GROUP =
      AlertsApi.groupAtEnd(CrosslineStack.get().kafkaBootstrapServers());

  @org.springframework.test.context.DynamicPropertySource
  static void matchingGroup(org.springframework.test.context.DynamicPropertyRegistry registry) {
    registry.add("crossline.alerts.group-id", () -> GROUP);
  }

  /**
   * A circle of 100 m around a point of this run's own in a district: no other test's events fall
   * in it, so this test's subscriptions match this test's events only.
   */
  private record Place(String district, GeoPoint point) {

    static Place in(String district, double lat, double lon) {
      var random = java.util.concurrent.ThreadLocalRandom.current();
      return new Place(
          district,
          new GeoPoint(lat + random.nextDouble(-0.02, 0.02), lon + random.nextDouble(-0.02, 0.02)));
    }

    String area() {
      return "{\"type\": \"RADIUS\", \"lat\": %s, \"lon\": %s, \"km\": 0.1}"
          .formatted(point.lat(), point.lon());
    }

    /** A GREEN event here, reported by Redditch. */
    IntelligenceReported event(Category category) {
      return AlertEvents.reported(
          AlertEvents.REDDITCH,
          AlertEvents.withCategory(
              AlertEvents.report(
                  Tlp.GREEN,
                  SharingScope.none(),
                  district,
                  Optional.empty(),
                  Optional.of(point),
                  Optional.empty()),
              category));
    }
  }

  private final Place redditch = Place.in("redditch", 52.30, -1.94);
  private final Place wyreForest = Place.in("wyre-forest", 52.38, -2.25);

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
             "areas": [%s, %s],
             "maxAlertsPerHour": 3}"""
                .formatted(redditch.area(), wyreForest.area()));
    var audit = TopicReader.mark(Topics.AUDIT_LOG);
    try {
      // when seven GREEN events arrive at once: deal lines and cuckooing in two districts
      List<IntelligenceReported> burst = new ArrayList<>();
      for (int i = 0; i < 7; i++) {
        burst.add(
            (i % 2 == 0 ? redditch : wyreForest)
                .event(i < 4 ? Category.DEAL_LINE : Category.CUCKOOING));
      }
      AlertsApi.awaitMatched(
          stack.kafkaBootstrapServers(),
          GROUP,
          AlertEvents.publish(burst.toArray(IntelligenceReported[]::new)));

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
      JsonNode digest = released(api, subscription, due.plus(GRACE));

      // then one digest holds the four, grouped by district and category
      assertThat(digest.get("reason").asString()).isEqualTo("RATE_LIMIT");
      assertThat(digest.get("total").asInt()).isEqualTo(4);
      assertThat(Instant.parse(digest.get("from").asString()))
          .isEqualTo(due.minus(Duration.ofHours(1)));
      assertThat(Instant.parse(digest.get("to").asString())).isEqualTo(due);
      int grouped = 0;
      for (JsonNode group : digest.get("groups")) {
        assertThat(group.get("area").asString()).isIn("redditch", "wyre-forest");
        assertThat(group.get("category").asString()).isIn("DEAL_LINE", "CUCKOOING");
        grouped += group.get("alertIds").size();
      }
      assertThat(grouped).isEqualTo(4);
      String digestId = digest.get("alertId").asString();
      // and the inbox lists it once beside the three single alerts, with its four behind it
      assertThat(mine(api, subscription)).hasSize(4);
      JsonNode inDigest = getJson(tokens, "/api/v1/alerts?digest=" + digestId).get("alerts");
      assertThat(inDigest).hasSize(4);
      assertThat(
              StreamSupport.stream(inDigest.spliterator(), false)
                  .map(a -> a.at("/heldFor/reason").asString()))
          .containsOnly("RATE_LIMIT");
      // and made again (a second instance, a restart) it is not delivered twice
      assertThat(release.release(due.plus(GRACE))).noneMatch(d -> isOf(d, subscription));
      // and the digest can be marked read like an alert
      mvc.perform(
              post("/api/v1/alerts/" + digestId + "/read")
                  .header("Authorization", "Bearer " + tokens.accessToken("bromsgrove.cso")))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.kind").value("DIGEST"))
          .andExpect(jsonPath("$.read").value(true));
      // and its delivery is in the access log with the events it discloses
      List<AuditEntry> logged =
          TopicReader.valuesSince(audit).stream()
              .map(AuditJson::read)
              .filter(e -> e.action() == AuditAction.ALERT_DELIVERY)
              .filter(e -> digestId.equals(e.criteria().get("alertId")))
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
             "areas": [%s], "digest": "HOURLY"}"""
                .formatted(redditch.area()));
    try {
      // when two events arrive
      IntelligenceReported one = redditch.event(Category.DEAL_LINE);
      IntelligenceReported two = redditch.event(Category.DEAL_LINE);
      AlertsApi.awaitMatched(stack.kafkaBootstrapServers(), GROUP, AlertEvents.publish(one, two));

      // then nothing shows before the hour is out
      assertThat(mine(api, subscription)).isEmpty();
      Instant due = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
      JsonNode digest = released(api, subscription, due.plus(GRACE));

      // and at the hour one digest of both, in one group
      assertThat(digest.get("reason").asString()).isEqualTo("HOURLY");
      assertThat(digest.get("groups")).hasSize(1);
      assertThat(digest.at("/groups/0/area").asString()).isEqualTo("redditch");
      assertThat(digest.at("/groups/0/alertIds")).hasSize(2);
      assertThat(mine(api, subscription)).hasSize(1);
      // and another council cannot read it nor list what it holds
      mvc.perform(
              get("/api/v1/alerts")
                  .param("digest", digest.get("alertId").asString())
                  .header("Authorization", "Bearer " + tokens.accessToken("bromsgrove.cso")))
          .andExpect(status().isNotFound());
      mvc.perform(
              post("/api/v1/alerts/" + digest.get("alertId").asString() + "/read")
                  .header("Authorization", "Bearer " + tokens.accessToken("bromsgrove.cso")))
          .andExpect(status().isNotFound());
    } finally {
      api.end("wyreforest.cso", subscription);
    }
  }

  @Test
  void pausedSubscriptionThenNoAlertUntilResumed(DemoTokens tokens, CrosslineStack stack)
      throws Exception {
    // given Bromsgrove's subscription to Redditch, paused by its owner
    var api = new AlertsApi(mvc, tokens);
    String body =
        """
        {"name": "Redditch", "purpose": "Community safety patrol planning",
         "areas": [%s], "paused": %s}""";
    String subscription = api.subscribe("bromsgrove.cso", body.formatted(redditch.area(), "false"));
    try {
      put(tokens, subscription, body.formatted(redditch.area(), "true"))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.paused").value(true));

      // when an event arrives while paused, then nothing comes
      IntelligenceReported whilePaused = redditch.event(Category.DEAL_LINE);
      AlertsApi.awaitMatched(
          stack.kafkaBootstrapServers(), GROUP, AlertEvents.publish(whilePaused));
      assertThat(mine(api, subscription)).isEmpty();

      // when resumed, the next event alerts (the one missed while paused does not come later)
      put(tokens, subscription, body.formatted(redditch.area(), "false"))
          .andExpect(jsonPath("$.paused").value(false));
      IntelligenceReported resumed = redditch.event(Category.DEAL_LINE);
      AlertsApi.awaitMatched(stack.kafkaBootstrapServers(), GROUP, AlertEvents.publish(resumed));
      assertThat(mine(api, subscription))
          .singleElement()
          .satisfies(
              a -> assertThat(a.get("eventId").asString()).isEqualTo(resumed.eventId().value()));
    } finally {
      api.end("bromsgrove.cso", subscription);
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
            "\"digest\": \"DAILY\", \"maxAlertsPerHour\": 5",
            "\"paused\": \"yes\"")) {
      String field =
          pacing.contains("WEEKLY")
              ? "digest"
              : pacing.contains("paused") ? "paused" : "maxAlertsPerHour";
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

  /**
   * The subscription's digest once the release, called as its schedule would at this time, has made
   * it (a release that failed on a slow broker is called again, as the schedule would).
   */
  private JsonNode released(AlertsApi api, String subscription, Instant at) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(
            () -> {
              release.release(at);
              return mine(api, subscription).stream()
                  .filter(a -> a.get("kind").asString().equals(Digest.KIND))
                  .findFirst();
            },
            java.util.Optional::isPresent)
        .orElseThrow();
  }

  /** The subscription's alerts and digests, whoever of the two councils subscribed. */
  private List<JsonNode> mine(AlertsApi api, String subscription) throws Exception {
    List<JsonNode> found = new ArrayList<>();
    for (String user : List.of("bromsgrove.cso", "wyreforest.cso")) {
      found.addAll(api.alerts(user, subscription));
    }
    return found;
  }

  private org.springframework.test.web.servlet.ResultActions put(
      DemoTokens tokens, String subscription, String body) throws Exception {
    return mvc.perform(
        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                "/api/v1/subscriptions/" + subscription)
            .header("Authorization", "Bearer " + tokens.accessToken("bromsgrove.cso"))
            .contentType(MediaType.APPLICATION_JSON)
            .content(body));
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
}
