package uk.crossline.alerts.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import uk.crossline.alerts.AlertEvents;
import uk.crossline.alerts.AlertsApi;
import uk.crossline.alerts.inbox.Inbox;
import uk.crossline.alerts.metrics.AlertMetrics;
import uk.crossline.model.event.IntelligenceReported;
import uk.crossline.model.event.SharingScope;
import uk.crossline.model.vocabulary.Tlp;
import uk.crossline.testsupport.CrosslineIntegrationTest;
import uk.crossline.testsupport.CrosslineStack;
import uk.crossline.testsupport.DemoTokens;

/**
 * The live stream on a real port, fed by events published to the events topic as an intake does.
 * Other tests' alerts may reach the same demo users: only this run's events are asserted on.
 */
@CrosslineIntegrationTest
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "crossline.alerts.stream.heartbeat=1s")
@AutoConfigureMockMvc
class AlertStreamIntegrationTest {

  private static final String GROUP =
      AlertsApi.groupAtEnd(CrosslineStack.get().kafkaBootstrapServers());

  @DynamicPropertySource
  static void matchingGroup(DynamicPropertyRegistry registry) {
    registry.add("crossline.alerts.group-id", () -> GROUP);
  }

  @Autowired MockMvc mvc;
  @Autowired MeterRegistry registry;
  @Autowired Inbox inbox;

  /** A stream opens once the inbox is read (503 before): replaying half of it would lose alerts. */
  @BeforeEach
  void inboxRead() {
    await().atMost(Duration.ofSeconds(120)).until(inbox::caughtUp);
  }

  @LocalServerPort int port;

  @Test
  void clientThatReconnectsWithLastEventIdGetsExactlyTheMissedAlertsInOrderThenLiveOnes(
      DemoTokens tokens, CrosslineStack stack) throws Exception {
    // given Bromsgrove subscribed to Redditch district, its stream open
    var api = new AlertsApi(mvc, tokens);
    String subscription =
        api.subscribe("bromsgrove.cso", AlertsApi.district("Redditch stream", "redditch"));
    Supplier<String> token = () -> tokens.accessToken("bromsgrove.cso");
    try {
      List<String> before = new ArrayList<>();
      String lastEventId;
      try (var first = SseClient.connect(port, token, Optional.empty(), Optional.empty())) {
        assertThat(first.status).isEqualTo(200);
        first.awaitEvent(e -> e.name().equals("open"));

        // when two events are reported, they stream live
        before.add(reportAndAwait(api, stack).eventId().value());
        before.add(reportAndAwait(api, stack).eventId().value());
        first.awaitEvent(e -> first.alertsAbout(subscription, before).size() >= 2);
        assertThat(first.alertsAbout(subscription, before))
            .extracting(e -> e.data().get("eventId").asString())
            .containsExactlyElementsOf(before);
        // and heartbeats keep the connection open while nothing happens
        await().atMost(Duration.ofSeconds(10)).until(() -> first.heartbeats.get() > 0);
        lastEventId = first.lastEventId();
      }

      // when three more are reported while it is away
      List<String> missed = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        missed.add(reportAndAwait(api, stack).eventId().value());
      }

      // then on reconnecting with Last-Event-ID it gets exactly those, in order, once each
      List<String> all = new ArrayList<>(before);
      all.addAll(missed);
      try (var again = SseClient.connect(port, token, Optional.of(lastEventId), Optional.empty())) {
        assertThat(again.status).isEqualTo(200);
        again.awaitEvent(e -> again.alertsAbout(subscription, all).size() >= 3);
        assertThat(again.alertsAbout(subscription, all))
            .extracting(e -> e.data().get("eventId").asString())
            .containsExactlyElementsOf(missed);
        assertThat(again.alertsAbout(subscription, all))
            .allSatisfy(
                e -> {
                  assertThat(e.data().get("subscriptionId").asString()).isEqualTo(subscription);
                  assertThat(e.data().get("kind").asString()).isEqualTo("NEW");
                  assertThat(e.data().has("recipientUserId")).isFalse();
                });
        assertNoDuplicatesAndIdsInOrder(again);

        // and then live ones follow, a follow-up too, once each
        IntelligenceReported live = reportAndAwait(api, stack);
        all.add(live.eventId().value());
        var amendment =
            AlertEvents.amended(
                live, AlertEvents.report(Tlp.GREEN, SharingScope.none(), "redditch"));
        AlertsApi.awaitMatched(
            stack.kafkaBootstrapServers(), GROUP, AlertEvents.publish(amendment));
        again.awaitEvent(e -> again.alertsAbout(subscription, all).size() >= 5);
        assertThat(again.alertsAbout(subscription, all))
            .extracting(
                e -> e.data().get("eventId").asString() + "/" + e.data().get("kind").asString())
            .containsExactly(
                missed.get(0) + "/NEW",
                missed.get(1) + "/NEW",
                missed.get(2) + "/NEW",
                live.eventId().value() + "/NEW",
                live.eventId().value() + "/FOLLOW_UP");
        assertNoDuplicatesAndIdsInOrder(again);
      }

      // and a client that cannot set headers resumes with the lastEventId parameter alike
      try (var byParameter =
          SseClient.connect(port, token, Optional.empty(), Optional.of(lastEventId))) {
        byParameter.awaitEvent(e -> byParameter.alertsAbout(subscription, all).size() >= 5);
        assertThat(byParameter.alertsAbout(subscription, all))
            .extracting(e -> e.data().get("eventId").asString())
            .containsExactly(
                missed.get(0), missed.get(1), missed.get(2), all.getLast(), all.getLast());
      }
    } finally {
      api.end("bromsgrove.cso", subscription);
    }
  }

  @Test
  void streamShowsOnlyTheCallersOwnAlerts(DemoTokens tokens, CrosslineStack stack)
      throws Exception {
    // given Bromsgrove and Wyre Forest both subscribed to Redditch, both streams open
    var api = new AlertsApi(mvc, tokens);
    String bromsgrove =
        api.subscribe("bromsgrove.cso", AlertsApi.district("Redditch own", "redditch"));
    String wyreForest =
        api.subscribe("wyreforest.cso", AlertsApi.district("Redditch own", "redditch"));
    try (var bromsgroveStream =
            SseClient.connect(
                port,
                () -> tokens.accessToken("bromsgrove.cso"),
                Optional.empty(),
                Optional.empty());
        var wyreForestStream =
            SseClient.connect(
                port,
                () -> tokens.accessToken("wyreforest.cso"),
                Optional.empty(),
                Optional.empty())) {
      assertThat(bromsgroveStream.status).isEqualTo(200);
      assertThat(wyreForestStream.status).isEqualTo(200);
      bromsgroveStream.awaitEvent(e -> e.name().equals("open"));
      wyreForestStream.awaitEvent(e -> e.name().equals("open"));

      // when Redditch reports an event both match
      String event = reportAndAwait(api, stack).eventId().value();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> !api.alertsAbout("wyreforest.cso", event).isEmpty());

      // then each stream has its own alert and never the other's
      bromsgroveStream.awaitEvent(
          e -> !bromsgroveStream.alertsAbout(bromsgrove, List.of(event)).isEmpty());
      wyreForestStream.awaitEvent(
          e -> !wyreForestStream.alertsAbout(wyreForest, List.of(event)).isEmpty());
      assertThat(bromsgroveStream.alertsAbout(List.of(event)))
          .extracting(e -> e.data().get("subscriptionId").asString())
          .contains(bromsgrove);
      assertThat(wyreForestStream.alertsAbout(List.of(event)))
          .extracting(e -> e.data().get("subscriptionId").asString())
          .contains(wyreForest);
      assertThat(bromsgroveStream.alerts())
          .noneMatch(e -> e.data().get("subscriptionId").asString().equals(wyreForest))
          .allMatch(e -> e.data().get("recipientAgency").asString().equals("bromsgrove-dc"));
      assertThat(wyreForestStream.alerts())
          .noneMatch(e -> e.data().get("subscriptionId").asString().equals(bromsgrove))
          .allMatch(e -> e.data().get("recipientAgency").asString().equals("wyre-forest-dc"));
    } finally {
      api.end("bromsgrove.cso", bromsgrove);
      api.end("wyreforest.cso", wyreForest);
    }
  }

  @Test
  void withoutTheRoleOrATokenOrWithABadLastEventIdThenRefused(DemoTokens tokens) throws Exception {
    // school.lead may submit but not be alerted
    try (var noRole =
        SseClient.connect(
            port, () -> tokens.accessToken("school.lead"), Optional.empty(), Optional.empty())) {
      assertThat(noRole.status).isEqualTo(403);
    }
    try (var noToken = SseClient.connect(port, () -> null, Optional.empty(), Optional.empty())) {
      assertThat(noToken.status).isEqualTo(401);
    }
    try (var badId =
        SseClient.connect(
            port,
            () -> tokens.accessToken("bromsgrove.cso"),
            Optional.of("not-a-position"),
            Optional.empty())) {
      assertThat(badId.status).isEqualTo(400);
    }
    try (var unknownParameter =
        SseClient.connect(
            port, () -> tokens.accessToken("bromsgrove.cso"), Optional.empty(), "?since=0")) {
      assertThat(unknownParameter.status).isEqualTo(400);
    }
  }

  @Test
  void positionTakenBeforeAnAlertLandsThenAStreamFromItGetsThatAlert(
      DemoTokens tokens, CrosslineStack stack) throws Exception {
    // given Bromsgrove subscribed, and a page that took the stream's position
    var api = new AlertsApi(mvc, tokens);
    String subscription =
        api.subscribe("bromsgrove.cso", AlertsApi.district("Redditch", "redditch"));
    try {
      String position =
          AlertsApi.JSON
              .readTree(
                  mvc.perform(
                          get("/api/v1/alerts/stream/position")
                              .header(
                                  "Authorization",
                                  "Bearer " + tokens.accessToken("bromsgrove.cso")))
                      .andReturn()
                      .getResponse()
                      .getContentAsString())
              .get("position")
              .asString();
      // when an alert lands before the stream is opened
      IntelligenceReported event =
          AlertEvents.reported(
              AlertEvents.REDDITCH, AlertEvents.report(Tlp.GREEN, SharingScope.none(), "redditch"));
      AlertsApi.awaitMatched(stack.kafkaBootstrapServers(), GROUP, AlertEvents.publish(event));

      // then a stream opened from that position still brings it
      try (var client =
          SseClient.connect(
              port,
              () -> tokens.accessToken("bromsgrove.cso"),
              Optional.of(position),
              Optional.empty())) {
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> !client.alertsAbout(List.of(event.eventId().value())).isEmpty());
      }
      // and the position is refused to whoever may not be alerted
      mvc.perform(
              get("/api/v1/alerts/stream/position")
                  .header("Authorization", "Bearer " + tokens.accessToken("school.lead")))
          .andExpect(
              org.springframework.test.web.servlet.result.MockMvcResultMatchers.status()
                  .isForbidden());
    } finally {
      api.end("bromsgrove.cso", subscription);
    }
  }

  @Test
  void matchedDeliveredAndLatencyMoveAndShowAtPrometheus(DemoTokens tokens, CrosslineStack stack)
      throws Exception {
    // given a subscription, and the counts as they stand
    var api = new AlertsApi(mvc, tokens);
    String subscription =
        api.subscribe("bromsgrove.cso", AlertsApi.district("Redditch metrics", "redditch"));
    try {
      double matched = registry.counter(AlertMetrics.MATCHED).count();
      double delivered =
          registry.counter(AlertMetrics.DELIVERED, "channel", AlertMetrics.INBOX).count();
      long timed = registry.timer(AlertMetrics.LATENCY, "channel", AlertMetrics.INBOX).count();

      // when an event matches it and is delivered to the inbox
      reportAndAwait(api, stack);

      // then matched, delivered and the latency have moved
      assertThat(registry.counter(AlertMetrics.MATCHED).count()).isGreaterThan(matched);
      assertThat(registry.counter(AlertMetrics.DELIVERED, "channel", AlertMetrics.INBOX).count())
          .isGreaterThan(delivered);
      assertThat(registry.timer(AlertMetrics.LATENCY, "channel", AlertMetrics.INBOX).count())
          .isGreaterThan(timed);
      // and Prometheus shows them, the webhook channel's at hand for its deliveries
      String scrape =
          mvc.perform(get("/actuator/prometheus")).andReturn().getResponse().getContentAsString();
      assertThat(scrape)
          .contains("crossline_alerts_matched_total")
          .containsPattern("crossline_alerts_delivered_total\\{[^}]*channel=\"inbox\"")
          .containsPattern("crossline_alerts_delivered_total\\{[^}]*channel=\"webhook\"")
          .contains("crossline_alerts_retried_total")
          .contains("crossline_alerts_failed_total")
          .containsPattern("crossline_alerts_latency_seconds_count\\{[^}]*channel=\"inbox\"")
          .contains("crossline_alerts_streams");
    } finally {
      api.end("bromsgrove.cso", subscription);
    }
  }

  @Test
  void openApiDescribesTheStreamWithItsOneParameter() throws Exception {
    String docs = mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString();
    var stream = AlertsApi.JSON.readTree(docs).at("/paths/~1api~1v1~1alerts~1stream/get");
    assertThat(stream.isMissingNode()).isFalse();
    List<String> parameters = new ArrayList<>();
    stream.path("parameters").forEach(p -> parameters.add(p.get("name").asString()));
    assertThat(parameters).containsExactlyInAnyOrder("Last-Event-ID", "lastEventId");
  }

  private static void assertNoDuplicatesAndIdsInOrder(SseClient client) {
    List<SseClient.Event> alerts = client.alerts();
    assertThat(alerts).extracting(e -> e.data().get("alertId").asString()).doesNotHaveDuplicates();
    StreamPosition previous = StreamPosition.START;
    for (SseClient.Event event : client.events) {
      StreamPosition position = StreamPosition.parse(event.id()).orElseThrow();
      assertThat(position.max(previous)).isEqualTo(position);
      previous = position;
    }
  }

  /** Redditch reports a GREEN event; returns once Bromsgrove's inbox has its alert. */
  private IntelligenceReported reportAndAwait(AlertsApi api, CrosslineStack stack)
      throws Exception {
    IntelligenceReported event =
        AlertEvents.reported(
            AlertEvents.REDDITCH, AlertEvents.report(Tlp.GREEN, SharingScope.none(), "redditch"));
    AlertsApi.awaitMatched(stack.kafkaBootstrapServers(), GROUP, AlertEvents.publish(event));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> !api.alertsAbout("bromsgrove.cso", event.eventId().value()).isEmpty());
    return event;
  }
}
