package uk.crossline.alerts.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import uk.crossline.alerts.AlertEvents;
import uk.crossline.alerts.AlertsApi;
import uk.crossline.alerts.inbox.Inbox;
import uk.crossline.model.AgencyId;
import uk.crossline.model.AgencyType;
import uk.crossline.model.Caller;
import uk.crossline.model.access.AccessPolicy;
import uk.crossline.model.access.AlertDetail;
import uk.crossline.model.access.EventAccess;
import uk.crossline.model.event.IntelligenceReported;
import uk.crossline.model.event.OriginatingAgency;
import uk.crossline.model.event.SharingScope;
import uk.crossline.model.vocabulary.Tlp;
import uk.crossline.testsupport.CrosslineIntegrationTest;
import uk.crossline.testsupport.CrosslineStack;
import uk.crossline.testsupport.DemoTokens;
import uk.crossline.testsupport.DemoUsers;

/**
 * The cross-agency oracle for alerts: every marking and sharing scope, from every kind of
 * originator, in a partnership district and a neighbour's, published as intakes do; every demo user
 * who may subscribe subscribed to both districts, with their live streams open. Each user's inbox
 * and stream then hold exactly the events the access policy, asked in memory, says they may be
 * alerted to (never their own agency's), at exactly the detail it allows; nothing more, nothing
 * less. Only this run's events and subscriptions are asserted on.
 */
@CrosslineIntegrationTest
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "crossline.alerts.stream.heartbeat=1s")
@AutoConfigureMockMvc
class AlertsLeakIntegrationTest {

  private static final String GROUP =
      AlertsApi.groupAtEnd(CrosslineStack.get().kafkaBootstrapServers());
  private static final AccessPolicy POLICY = AccessPolicy.bundled();
  private static final List<String> DISTRICTS = List.of("redditch", "wychavon");
  private static final List<OriginatingAgency> ORIGINATORS =
      List.of(
          agency("west-mercia-police", AgencyType.POLICE, "redditch", "bromsgrove", "wyre-forest"),
          agency("west-midlands-police", AgencyType.POLICE, "birmingham"),
          agency("worcs-trading-standards", AgencyType.TRADING_STANDARDS, "wyre-forest"),
          agency("redditch-bc", AgencyType.LOCAL_AUTHORITY, "redditch"),
          agency("nw-schools-safeguarding", AgencyType.EDUCATION, "bromsgrove"));
  private static final Map<Tlp, List<SharingScope>> MARKINGS =
      Map.of(
          Tlp.CLEAR, List.of(SharingScope.none()),
          Tlp.GREEN, List.of(SharingScope.none()),
          Tlp.AMBER,
              List.of(
                  SharingScope.none(),
                  new SharingScope(Set.of(AgencyId.of("bromsgrove-dc")), Set.of()),
                  new SharingScope(Set.of(), Set.of(AgencyType.TRADING_STANDARDS))),
          Tlp.AMBER_STRICT, List.of(SharingScope.none()),
          Tlp.RED, List.of(SharingScope.none()));

  @DynamicPropertySource
  static void matchingGroup(DynamicPropertyRegistry registry) {
    registry.add("crossline.alerts.group-id", () -> GROUP);
  }

  @Autowired MockMvc mvc;
  @Autowired Inbox inbox;
  @LocalServerPort int port;

  @BeforeEach
  void inboxRead() {
    await().atMost(Duration.ofSeconds(120)).until(inbox::caughtUp);
  }

  @Test
  void everySubscribersInboxAndStreamHoldExactlyWhatThePolicyAllowsAtItsDetail(
      DemoTokens tokens, CrosslineStack stack) throws Exception {
    // given every demo user who may be alerted subscribed to both districts, streams open
    var api = new AlertsApi(mvc, tokens);
    Map<String, Caller> subscribers = new LinkedHashMap<>();
    DemoUsers.CALLERS.forEach(
        (user, caller) -> {
          if (POLICY.alertDetail(caller) != AlertDetail.NONE) {
            subscribers.put(user, caller);
          }
        });
    Map<String, String> subscriptions = new LinkedHashMap<>();
    Map<String, SseClient> streams = new LinkedHashMap<>();
    try {
      for (String user : subscribers.keySet()) {
        subscriptions.put(user, api.subscribe(user, bothDistricts()));
        Supplier<String> token = () -> tokens.accessToken(user);
        SseClient stream = SseClient.connect(port, token, Optional.empty(), Optional.empty());
        assertThat(stream.status).as(user).isEqualTo(200);
        stream.awaitEvent(e -> e.name().equals("open"));
        streams.put(user, stream);
      }

      // when every originator reports under every marking in each district
      List<IntelligenceReported> events = new ArrayList<>();
      for (OriginatingAgency originator : ORIGINATORS) {
        MARKINGS.forEach(
            (tlp, scopes) -> {
              for (SharingScope scope : scopes) {
                for (String district : DISTRICTS) {
                  events.add(
                      AlertEvents.reported(originator, AlertEvents.report(tlp, scope, district)));
                }
              }
            });
      }
      AlertsApi.awaitMatched(
          stack.kafkaBootstrapServers(),
          GROUP,
          AlertEvents.publish(events.toArray(IntelligenceReported[]::new)));
      List<String> ids = events.stream().map(e -> e.eventId().value()).toList();

      // then each inbox and each stream hold exactly the oracle's events at the oracle's detail
      int alerted = 0;
      for (var subscriber : subscribers.entrySet()) {
        String user = subscriber.getKey();
        Caller caller = subscriber.getValue();
        Map<String, String> expected = oracle(caller, events);
        alerted += expected.size();
        String subscription = subscriptions.get(user);

        List<JsonNode> inboxAlerts =
            api.alerts(user, subscription).stream()
                .filter(alert -> ids.contains(alert.path("eventId").asString()))
                .toList();
        assertThat(detailByEvent(inboxAlerts)).as(user + "'s inbox").isEqualTo(expected);
        assertNoSummaryBeyondDetail(user, inboxAlerts, events);

        SseClient stream = streams.get(user);
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> stream.alertsAbout(subscription, ids).size() >= expected.size());
        List<JsonNode> streamed =
            stream.alertsAbout(subscription, ids).stream().map(SseClient.Event::data).toList();
        assertThat(detailByEvent(streamed)).as(user + "'s stream").isEqualTo(expected);
        assertNoSummaryBeyondDetail(user, streamed, events);
      }
      // and the oracle is not trivial: some users get some events, nobody gets everything
      assertThat(alerted).isPositive().isLessThan(events.size() * subscribers.size());
    } finally {
      for (SseClient stream : streams.values()) {
        stream.close();
      }
      subscriptions.forEach(
          (user, id) -> {
            try {
              api.end(user, id);
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          });
    }
  }

  /** Event id to the detail the policy allows, for each event this subscriber may be alerted to. */
  private static Map<String, String> oracle(Caller subscriber, List<IntelligenceReported> events) {
    AlertDetail detail = POLICY.alertDetail(subscriber);
    return events.stream()
        .filter(event -> !event.agency().id().equals(subscriber.agency()))
        .filter(event -> POLICY.mayBeAlerted(subscriber, EventAccess.of(event)))
        .collect(Collectors.toMap(event -> event.eventId().value(), event -> detail.name()));
  }

  private static Map<String, String> detailByEvent(List<JsonNode> alerts) {
    assertThat(alerts).extracting(alert -> alert.get("eventId").asString()).doesNotHaveDuplicates();
    return alerts.stream()
        .collect(
            Collectors.toMap(
                alert -> alert.get("eventId").asString(),
                alert -> alert.at("/content/detail").asString()));
  }

  /** An alert at less than full detail carries nothing of the report's text. */
  private static void assertNoSummaryBeyondDetail(
      String user, List<JsonNode> alerts, List<IntelligenceReported> events) {
    Map<String, String> summaries =
        events.stream()
            .collect(Collectors.toMap(e -> e.eventId().value(), e -> e.report().summary()));
    for (JsonNode alert : alerts) {
      if (!alert.at("/content/detail").asString().equals(AlertDetail.FULL.name())) {
        assertThat(alert.toString())
            .as(user)
            .doesNotContain(summaries.get(alert.get("eventId").asString()));
      }
    }
  }

  private static String bothDistricts() {
    return """
        {"name": "Leak oracle", "purpose": "Community safety patrol planning",
         "maxAlertsPerHour": 10000,
         "areas": [{"type": "DISTRICT", "district": "%s"}, {"type": "DISTRICT", "district": "%s"}]}"""
        .formatted(DISTRICTS.get(0), DISTRICTS.get(1));
  }

  private static OriginatingAgency agency(String id, AgencyType type, String... home) {
    return new OriginatingAgency(AgencyId.of(id), type, List.of(home));
  }
}
