package uk.crossline.drills.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.crossline.drills.fault.Hub.Service;
import uk.crossline.drills.fault.SteadyLoad.Answer;
import uk.crossline.drills.fault.SteadyLoad.Result;
import uk.crossline.model.Topics;
import uk.crossline.model.subscription.Pacing;
import uk.crossline.testsupport.CrosslineIntegrationTest;
import uk.crossline.testsupport.CrosslineStack;
import uk.crossline.testsupport.DemoTokens;
import uk.crossline.testsupport.TopicReader;
import uk.crossline.testsupport.WebhookReceiver;

/**
 * The fault drill of issue 10: under a steady load of submissions through the intake's API, in turn
 * the intake, the indexer and the alerts service are killed (SIGKILL) and started again, the Kafka
 * broker and Elasticsearch are restarted, and the projection's indices get the flood-stage
 * read-only block and have it lifted. Afterwards every acknowledged submission is searchable
 * exactly once, every one left unanswered was either wholly recorded or not at all, and every alert
 * reached the subscriber's webhook with a valid signature.
 *
 * <p>It restarts shared components: run it only holding {@code flock -x /tmp/crossline-stack.lock},
 * never beside other tests. It leaves Kafka and Elasticsearch running and no block set, whatever
 * happens.
 */
@CrosslineIntegrationTest
class HubFaultIntegrationTest {

  private static final Duration PATIENCE = Duration.ofMinutes(3);
  private static final Duration TICK = Duration.ofMillis(200);

  /** Acknowledgements awaited after each fault: the hub takes load again. */
  private static final int STEADY = 5;

  private static final String SUBSCRIBER = "bromsgrove.cso";

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  // One drill per instance: what its steps share.
  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final Map<String, Duration> faults = new LinkedHashMap<>();
  private long began;
  private Duration hubStarted;
  private CrosslineStack stack;
  private Projection projection;
  private TopicReader.Mark eventsMark;
  private TopicReader.Mark deadLettersMark;
  private Hub hub;
  private SteadyLoad load;
  private WebhookReceiver receiver;
  private String subscriptionId;
  private String secret;

  @BeforeAll
  static void onALocalStack() {
    assumeTrue(CrosslineStack.get().canStopComponents(), "fault drills need the local stack");
  }

  /** Whatever happened: the broker and the cluster running and healthy, no block left set. */
  @AfterAll
  static void leaveTheStackAsFound() throws Exception {
    CrosslineStack stack = CrosslineStack.get();
    if (!stack.canStopComponents()) {
      return;
    }
    stack.start("kafka");
    stack.start("elasticsearch");
    Projection projection = new Projection(stack.elasticsearchUrl());
    projection.liftFloodStageBlock();
    assertThat(projection.blockedIndices()).isEmpty();
  }

  @Test
  void everyAcknowledgedSubmissionSurvivesEachFaultSearchableOnceAndAlerted(
      DemoTokens tokens, CrosslineStack stack) throws Exception {
    began = System.nanoTime();
    this.stack = stack;
    projection = new Projection(stack.elasticsearchUrl());
    eventsMark = TopicReader.mark(Topics.INTELLIGENCE_EVENTS);
    deadLettersMark = TopicReader.mark(Topics.INTELLIGENCE_EVENTS_DLT);

    try (WebhookReceiver receiver = new WebhookReceiver(0);
        Hub hub = Hub.start(run);
        SteadyLoad load = new SteadyLoad(run, hub::intakeUrl, tokens)) {
      this.receiver = receiver;
      this.hub = hub;
      this.load = load;
      hubStarted = since(began);
      // given Bromsgrove's council subscribed by webhook to the drill's district, at the highest
      // rate a subscription may ask for, so each report comes as an alert of its own
      String subscriberToken = tokens.accessToken(SUBSCRIBER);
      JsonNode created =
          call(
              "POST",
              hub.alertsUrl().resolve("/api/v1/subscriptions"),
              subscriberToken,
              subscription(run, receiver.url()),
              201);
      subscriptionId = created.path("subscriptionId").asString();
      secret = created.at("/webhook/secret").asString();
      try {
        // when each fault comes in turn under a steady load
        faultsInTurn();
        // then nothing is lost, nothing is recorded twice, and every alert is delivered
        everySubmissionRecordedOnceSearchableOnceAndAlerted();
      } finally {
        // The subscription ends with the run: its webhook is gone.
        endSubscription(hub, subscriberToken, subscriptionId);
      }
    }
  }

  /** Returns once the load has stopped and every submission has its answer. */
  private void faultsInTurn() throws Exception {
    try {
      // and a steady load of reports by Redditch's council there
      load.start(TICK);
      awaitAcknowledged(load, STEADY);

      // when each process is killed and started again, in turn
      for (Service service : Service.values()) {
        long at = System.nanoTime();
        hub.killAndRestart(service);
        awaitAcknowledged(load, STEADY);
        faults.put(service.name().toLowerCase() + " killed (SIGKILL) and restarted", since(at));
      }

      // and the broker restarted: submissions meanwhile are refused, clearly
      long at = System.nanoTime();
      long refused = load.count(Answer.REFUSED);
      stack.stop("kafka");
      try {
        await("a submission refused while the broker is away")
            .atMost(Duration.ofSeconds(90))
            .until(() -> load.count(Answer.REFUSED) > refused);
      } finally {
        stack.start("kafka");
      }
      awaitAcknowledged(load, STEADY);
      faults.put("Kafka broker restarted", since(at));

      // and Elasticsearch restarted: the indexer reports it
      at = System.nanoTime();
      stack.stop("elasticsearch");
      try {
        await("the indexer reports Elasticsearch down")
            .atMost(Duration.ofSeconds(60))
            .until(() -> hub.indexer().status("/actuator/health") == 503);
      } finally {
        stack.start("elasticsearch");
      }
      awaitAcknowledged(load, STEADY);
      faults.put("Elasticsearch restarted", since(at));

      // and the disk past its flood stage: the projection's indices read-only
      at = System.nanoTime();
      await("the drill's month index holds some of its reports")
          .atMost(PATIENCE)
          .until(() -> !projection.copiesPerEvent(load.acknowledged().values()).isEmpty());
      projection.setFloodStageBlock();
      try {
        await("the indexer reports the block")
            .atMost(Duration.ofSeconds(60))
            .until(() -> "DOWN".equals(indexerComponent(hub, "projectionWrites")));
        assertThat(hub.indexer().status("/actuator/health")).isEqualTo(503);
        Set<String> before = Set.copyOf(load.acknowledged().values());
        awaitAcknowledged(load, STEADY);
        Set<String> whileBlocked = new HashSet<>(load.acknowledged().values());
        whileBlocked.removeAll(before);
        assertThat(projection.copiesPerEvent(whileBlocked))
            .as("nothing acknowledged while blocked is written while blocked")
            .isEmpty();
      } finally {
        projection.liftFloodStageBlock();
      }
      await("the indexer reports the block lifted")
          .atMost(Duration.ofSeconds(60))
          .until(() -> "UP".equals(indexerComponent(hub, "projectionWrites")));
      faults.put("Flood-stage read-only block set, reported, lifted", since(at));
    } finally {
      load.stop();
    }
  }

  private void everySubmissionRecordedOnceSearchableOnceAndAlerted() throws Exception {
    long loadEnded = System.nanoTime();

    // then no submission was answered with anything but an acknowledgement or a 503 problem,
    // and none hung
    List<Result> answers = load.results();
    assertThat(answers).hasSize(load.sent());
    assertThat(answers.stream().filter(r -> r.answer() == Answer.WRONG).toList())
        .as("answers neither acknowledgements nor 503 problems, or none in time")
        .isEmpty();
    Map<String, String> acknowledged = load.acknowledged();
    Map<Answer, Long> byAnswer =
        answers.stream().collect(Collectors.groupingBy(Result::answer, Collectors.counting()));

    // and each submission not acknowledged, tried again as its client was told, is taken:
    // either new (nothing of it was recorded) or recognised as recorded whole
    Map<String, String> eventIds = new HashMap<>(acknowledged);
    int recordedWhole = 0;
    for (String reference : load.notAcknowledged()) {
      Result again = load.resubmit(reference);
      assertThat(again.answer())
          .as("%s tried again: %s", reference, again.what())
          .isEqualTo(Answer.ACKNOWLEDGED);
      eventIds.put(reference, again.eventId());
      if (again.duplicate()) {
        recordedWhole++;
      }
    }
    Set<String> ids = Set.copyOf(eventIds.values());
    assertThat(ids).hasSize(eventIds.size());

    // and every event is on the topic once: a report recorded without its receipt would have been
    // published twice by its retry
    Map<String, Long> onTopic =
        TopicReader.recordsSince(eventsMark).stream()
            .map(ConsumerRecord::key)
            .filter(ids::contains)
            .collect(Collectors.groupingBy(k -> k, Collectors.counting()));
    assertThat(onTopic.keySet()).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(onTopic.values()).allMatch(n -> n == 1);
    assertThat(
            TopicReader.recordsSince(deadLettersMark).stream()
                .map(ConsumerRecord::key)
                .filter(ids::contains)
                .toList())
        .as("none dead-lettered")
        .isEmpty();

    // and searchable exactly once
    await("every submission searchable")
        .atMost(PATIENCE)
        .until(() -> projection.copiesPerEvent(ids).size() == ids.size());
    Duration caughtUp = since(loadEnded);
    Map<String, Integer> copies = projection.copiesPerEvent(ids);
    assertThat(copies.keySet()).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(copies.values()).as("copies per event").allMatch(n -> n == 1);

    // and every alert reached the webhook, once at least, each id stable, each signature valid
    await("an alert at the webhook for every submission")
        .atMost(PATIENCE)
        .until(() -> alertedEvents(receiver).containsAll(ids));
    Map<String, Set<String>> alertIdsByEvent = new HashMap<>();
    int requests = 0;
    for (WebhookReceiver.Request request : receiver.requests) {
      JsonNode body = SteadyLoad.JSON.readTree(request.body());
      String eventId = body.path("eventId").asString();
      if (!ids.contains(eventId)) {
        continue;
      }
      requests++;
      assertThat(body.path("subscriptionId").asString()).isEqualTo(subscriptionId);
      assertThat(body.path("alertId").asString()).isEqualTo(request.alertId());
      assertThat(request.verifiesWith(secret)).as("signature of %s", request.alertId()).isTrue();
      alertIdsByEvent.computeIfAbsent(eventId, e -> new HashSet<>()).add(request.alertId());
    }
    assertThat(alertIdsByEvent.values()).as("one alert id per event").allMatch(s -> s.size() == 1);
    assertThat(hub.indexer().status("/actuator/health")).isEqualTo(200);

    System.out.printf(
        "Fault drill %s: %d faults survived under a steady load of one submission every %d ms:%n",
        run, faults.size(), TICK.toMillis());
    faults.forEach((fault, took) -> System.out.printf("  %s (%d s)%n", fault, took.toSeconds()));
    System.out.printf(
        "  submissions: %d sent, %d acknowledged, %d refused with a 503 problem, %d unanswered"
            + " (process killed); 0 hung, 0 errors%n",
        load.sent(),
        byAnswer.getOrDefault(Answer.ACKNOWLEDGED, 0L),
        byAnswer.getOrDefault(Answer.REFUSED, 0L),
        byAnswer.getOrDefault(Answer.UNANSWERED, 0L));
    System.out.printf(
        "  tried again after: %d, of which %d already recorded whole, %d recorded nothing%n",
        eventIds.size() - acknowledged.size(),
        recordedWhole,
        eventIds.size() - acknowledged.size() - recordedWhole);
    System.out.printf(
        "  events: %d on the topic once each, %d searchable exactly once, lost 0, duplicated 0,"
            + " dead-lettered 0 (caught up %d s after the load ended)%n",
        onTopic.size(), copies.size(), caughtUp.toSeconds());
    System.out.printf(
        "  alerts: %d delivered by webhook (%d requests, %d repeats of an alert id), every"
            + " signature valid%n",
        alertIdsByEvent.size(), requests, requests - alertIdsByEvent.size());
    System.out.printf(
        "  hub started in %d s; whole drill %d s%n",
        hubStarted.toSeconds(), since(began).toSeconds());
  }

  /** Ends the drill's subscription, whatever the alerts service answers or if it does not. */
  private static void endSubscription(Hub hub, String token, String subscriptionId) {
    try {
      HTTP.send(
          HttpRequest.newBuilder(hub.alertsUrl().resolve("/api/v1/subscriptions/" + subscriptionId))
              .header("Authorization", "Bearer " + token)
              .timeout(Duration.ofSeconds(30))
              .DELETE()
              .build(),
          HttpResponse.BodyHandlers.discarding());
    } catch (Exception e) {
      System.out.printf("Fault drill: subscription %s not ended (%s)%n", subscriptionId, e);
    }
  }

  /** Waits until this many more submissions than now are acknowledged. */
  private static void awaitAcknowledged(SteadyLoad load, int more) {
    long target = load.count(Answer.ACKNOWLEDGED) + more;
    await("submissions acknowledged again")
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> load.count(Answer.ACKNOWLEDGED) >= target);
  }

  private static Set<String> alertedEvents(WebhookReceiver receiver) {
    Set<String> events = new HashSet<>();
    for (WebhookReceiver.Request request : receiver.accepted()) {
      events.add(SteadyLoad.JSON.readTree(request.body()).path("eventId").asString());
    }
    return events;
  }

  /** The status of one component of the indexer's health, as an operator's probe sees it. */
  private static String indexerComponent(Hub hub, String component) throws Exception {
    HttpResponse<String> answer =
        HTTP.send(
            HttpRequest.newBuilder(hub.indexer().url().resolve("/actuator/health"))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return SteadyLoad.JSON
        .readTree(answer.body())
        .path("components")
        .path(component)
        .path("status")
        .asString();
  }

  private static String subscription(String run, String webhook) {
    return """
        {"name": "Fault drill %s", "purpose": "Community safety patrol planning",
         "areas": [{"type": "DISTRICT", "district": "%s"}],
         "channel": "WEBHOOK", "webhook": {"url": "%s"}, "maxAlertsPerHour": %d}"""
        .formatted(run, SteadyLoad.DISTRICT, webhook, Pacing.MAX_ALERTS_PER_HOUR);
  }

  private static JsonNode call(String method, URI uri, String token, String json, int expected)
      throws Exception {
    HttpResponse<String> answer =
        HTTP.send(
            HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .method(
                    method,
                    json == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as("%s %s: %s", method, uri, answer.body()).isEqualTo(expected);
    return answer.body().isEmpty()
        ? SteadyLoad.JSON.createObjectNode()
        : SteadyLoad.JSON.readTree(answer.body());
  }

  private static Duration since(long nanos) {
    return Duration.ofNanos(System.nanoTime() - nanos);
  }
}
