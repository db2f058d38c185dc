package uk.crossline.alerts.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import uk.crossline.alerts.AlertEvents;
import uk.crossline.alerts.AlertsApi;
import uk.crossline.model.AgencyId;
import uk.crossline.model.event.IntelligenceReported;
import uk.crossline.model.event.SharingScope;
import uk.crossline.model.vocabulary.Tlp;
import uk.crossline.testsupport.CrosslineIntegrationTest;
import uk.crossline.testsupport.CrosslineStack;
import uk.crossline.testsupport.DemoTokens;

/**
 * Matching on the real stack: events published to the events topic as an intake does, alerts read
 * back through the inbox API. Only this run's events are asserted on.
 */
@CrosslineIntegrationTest
@SpringBootTest
@AutoConfigureMockMvc
class MatchingIntegrationTest {

  @Autowired MockMvc mvc;

  private static final String GROUP =
      AlertsApi.groupAtEnd(CrosslineStack.get().kafkaBootstrapServers());

  @org.springframework.test.context.DynamicPropertySource
  static void matchingGroup(org.springframework.test.context.DynamicPropertyRegistry registry) {
    registry.add("crossline.alerts.group-id", () -> GROUP);
  }

  @Test
  void councilSubscribedToNeighboursDistrictGetsGreenButNotAmberNotScopedToItNorRed(
      DemoTokens tokens, CrosslineStack stack) throws Exception {
    // given Bromsgrove (a member) and Wychavon (a neighbour) subscribed to Redditch district
    var api = new AlertsApi(mvc, tokens);
    String bromsgrove = api.subscribe("bromsgrove.cso", AlertsApi.district("Redditch", "redditch"));
    String wychavon = api.subscribe("wychavon.officer", AlertsApi.district("Redditch", "redditch"));
    try {
      // when Redditch reports a GREEN event, an AMBER one shared with Wyre Forest only, and a RED
      IntelligenceReported green =
          AlertEvents.reported(
              AlertEvents.REDDITCH, AlertEvents.report(Tlp.GREEN, SharingScope.none(), "redditch"));
      IntelligenceReported amber =
          AlertEvents.reported(
              AlertEvents.REDDITCH,
              AlertEvents.report(
                  Tlp.AMBER,
                  new SharingScope(Set.of(AgencyId.of("wyre-forest-dc")), Set.of()),
                  "redditch"));
      IntelligenceReported red =
          AlertEvents.reported(
              AlertEvents.REDDITCH, AlertEvents.report(Tlp.RED, SharingScope.none(), "redditch"));
      var landed = AlertEvents.publish(amber, red, green);
      AlertsApi.awaitMatched(stack.kafkaBootstrapServers(), GROUP, landed);

      // then Bromsgrove has one full-detail alert for the GREEN event, naming the rule
      List<JsonNode> alerts =
          mine(api.alertsAbout("bromsgrove.cso", green.eventId().value()), bromsgrove);
      assertThat(alerts).hasSize(1);
      JsonNode alert = alerts.getFirst();
      assertThat(alert.get("kind").asString()).isEqualTo("NEW");
      assertThat(alert.get("subscriptionId").asString()).isEqualTo(bromsgrove);
      assertThat(alert.at("/matchedRule/area").asString()).isEqualTo("district redditch");
      assertThat(alert.at("/content/detail").asString()).isEqualTo("FULL");
      assertThat(alert.at("/content/full/summary").asString()).isEqualTo(green.report().summary());
      assertThat(alert.get("read").asBoolean()).isFalse();
      // and none for the AMBER event not scoped to it, nor for RED
      assertThat(mine(api.alertsAbout("bromsgrove.cso", amber.eventId().value()), bromsgrove))
          .isEmpty();
      assertThat(mine(api.alertsAbout("bromsgrove.cso", red.eventId().value()), bromsgrove))
          .isEmpty();

      // and Wychavon, outside the partnership, gets the GREEN event at district detail only
      List<JsonNode> neighbour =
          mine(api.alertsAbout("wychavon.officer", green.eventId().value()), wychavon);
      assertThat(neighbour).hasSize(1);
      JsonNode content = neighbour.getFirst().get("content");
      assertThat(content.get("detail").asString()).isEqualTo("DISTRICT");
      assertThat(content.has("full")).isFalse();
      assertThat(content.get("district").asString()).isEqualTo("redditch");
      assertThat(content.get("category").asString()).isEqualTo("DEAL_LINE");
      assertThat(neighbour.getFirst().toString()).doesNotContain(green.report().summary());
      assertThat(mine(api.alertsAbout("wychavon.officer", amber.eventId().value()), wychavon))
          .isEmpty();
      assertThat(mine(api.alertsAbout("wychavon.officer", red.eventId().value()), wychavon))
          .isEmpty();

      // and each delivery is in the access log with the event id and its recipient
      assertThat(AlertsApi.deliveriesLoggedAbout(green.eventId().value()))
          .filteredOn(
              entry ->
                  List.of(bromsgrove, wychavon).contains(entry.criteria().get("subscriptionId")))
          .extracting(entry -> entry.criteria().get("recipient.username"))
          .containsExactlyInAnyOrder("bromsgrove.cso", "wychavon.officer");
    } finally {
      api.end("bromsgrove.cso", bromsgrove);
      api.end("wychavon.officer", wychavon);
    }
  }

  @Test
  void ownAgencysSubmissionThenNoAlert(DemoTokens tokens, CrosslineStack stack) throws Exception {
    // given Bromsgrove subscribed to Redditch district
    var api = new AlertsApi(mvc, tokens);
    String bromsgrove = api.subscribe("bromsgrove.cso", AlertsApi.district("Redditch", "redditch"));
    String redditch = api.subscribe("redditch.cso", AlertsApi.district("Own", "redditch"));
    try {
      // when Bromsgrove itself reports a GREEN event in Redditch
      IntelligenceReported own =
          AlertEvents.reported(
              AlertEvents.BROMSGROVE,
              AlertEvents.report(Tlp.GREEN, SharingScope.none(), "redditch"));
      AlertsApi.awaitMatched(stack.kafkaBootstrapServers(), GROUP, AlertEvents.publish(own));

      // then Bromsgrove is not alerted, while Redditch is
      assertThat(mine(api.alertsAbout("bromsgrove.cso", own.eventId().value()), bromsgrove))
          .isEmpty();
      assertThat(mine(api.alertsAbout("redditch.cso", own.eventId().value()), redditch)).hasSize(1);
    } finally {
      api.end("bromsgrove.cso", bromsgrove);
      api.end("redditch.cso", redditch);
    }
  }

  @Test
  void amendmentAndRetractionAfterAnAlertThenOneFollowUpEachAndRedeliveryAlertsOnce(
      DemoTokens tokens, CrosslineStack stack) throws Exception {
    // given Bromsgrove subscribed to Redditch district, alerted to a GREEN event
    var api = new AlertsApi(mvc, tokens);
    String bromsgrove = api.subscribe("bromsgrove.cso", AlertsApi.district("Redditch", "redditch"));
    try {
      IntelligenceReported first =
          AlertEvents.reported(
              AlertEvents.REDDITCH, AlertEvents.report(Tlp.GREEN, SharingScope.none(), "redditch"));
      String eventId = first.eventId().value();
      // when the same report is published twice (a retried intake, a redelivered batch)
      AlertsApi.awaitMatched(
          stack.kafkaBootstrapServers(), GROUP, AlertEvents.publish(first, first));
      // then it alerts once
      assertThat(mine(api.alertsAbout("bromsgrove.cso", eventId), bromsgrove)).hasSize(1);

      // when it is amended (twice over, the same amendment) and then retracted
      var amendment =
          AlertEvents.amended(
              first, AlertEvents.report(Tlp.GREEN, SharingScope.none(), "redditch"));
      var retraction = AlertEvents.retracted(first, 3);
      AlertsApi.awaitMatched(
          stack.kafkaBootstrapServers(),
          GROUP,
          AlertEvents.publish(amendment, amendment, retraction, retraction));

      // then one follow-up each: the amendment with the new content, the retraction with the id
      // only
      List<JsonNode> alerts = mine(api.alertsAbout("bromsgrove.cso", eventId), bromsgrove);
      assertThat(alerts).hasSize(3);
      JsonNode amended = byAbout(alerts, "AMENDMENT");
      assertThat(amended.get("kind").asString()).isEqualTo("FOLLOW_UP");
      assertThat(amended.at("/content/full/summary").asString())
          .isEqualTo(amendment.report().summary());
      assertThat(amended.get("notice").asString()).isEqualTo(Matching.AMENDED);
      JsonNode retracted = byAbout(alerts, "RETRACTION");
      assertThat(retracted.get("kind").asString()).isEqualTo("FOLLOW_UP");
      assertThat(retracted.has("content")).isFalse();
      assertThat(retracted.get("notice").asString()).isEqualTo(Matching.RETRACTED);
      assertThat(retracted.toString())
          .doesNotContain(first.report().summary())
          .doesNotContain(amendment.report().summary());
    } finally {
      api.end("bromsgrove.cso", bromsgrove);
    }
  }

  /**
   * The alerts of one subscription: other tests' subscriptions for the same user may match the same
   * district on the shared stack.
   */
  private static List<JsonNode> mine(List<JsonNode> alerts, String subscriptionId) {
    return alerts.stream()
        .filter(alert -> alert.get("subscriptionId").asString().equals(subscriptionId))
        .toList();
  }

  private static JsonNode byAbout(List<JsonNode> alerts, String about) {
    return alerts.stream()
        .filter(a -> a.get("about").asString().equals(about))
        .findFirst()
        .orElseThrow();
  }
}
