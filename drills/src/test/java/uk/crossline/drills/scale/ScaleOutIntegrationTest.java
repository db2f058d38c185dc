package uk.crossline.drills.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.crossline.model.Topics;
import uk.crossline.model.audit.AuditAction;
import uk.crossline.model.audit.AuditEntry;
import uk.crossline.model.audit.AuditJson;
import uk.crossline.model.event.IntelligenceEvent;
import uk.crossline.model.event.IntelligenceRetracted;
import uk.crossline.model.subscription.Pacing;
import uk.crossline.testsupport.ConsumerGroups;
import uk.crossline.testsupport.CrosslineIntegrationTest;
import uk.crossline.testsupport.DemoTokens;
import uk.crossline.testsupport.DrillArguments;
import uk.crossline.testsupport.ServiceProcess;
import uk.crossline.testsupport.TopicReader;
import uk.crossline.testsupport.WebhookReceiver;

/**
 * The services assume no single partition, shard or instance (issue 11): two indexer processes in
 * one consumer group and two alerts processes in one matching group (and one webhook group), on
 * topics of six partitions of the drill's own, take a stream of events with several revisions each
 * over many keys; one process of each is killed (SIGKILL) mid-stream, so the other takes its
 * partitions over. Then every event is projected once at its latest revision, and every alert the
 * revisions bring is made once, in revision order, and posted to a real webhook receiver (at least
 * once, as the design promises: the alert id is the receiver's de-duplication key).
 *
 * <p>Its processes read only its own topics and groups (the alerts service's topics are settings,
 * {@code crossline.alerts.topics.*}), so no other test's instance takes its partitions or posts to
 * its receiver; the indexers write to the shared projection, where the drill reads only its batch.
 */
@CrosslineIntegrationTest
class ScaleOutIntegrationTest {

  private static final System.Logger log =
      System.getLogger(ScaleOutIntegrationTest.class.getName());

  private static final int EVENTS = 120;

  /** Events whose every revision is published before the kill; the rest come after it. */
  private static final int BEFORE_KILL = 80;

  /** Killed once the receiver has this many alerts: some of the first part, far from all. */
  private static final int KILL_AFTER = 20;

  private static final Duration PATIENCE = Duration.ofMinutes(3);
  private static final String SUBSCRIBER = "bromsgrove.cso";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * A killed member holds its partitions until its session expires: this bounds how long the
   * survivor waits for them (the client's default is 45 s; the broker allows 6 s at the least).
   */
  private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(6);

  @Test
  void twoInstancesOfEachShareSixPartitionsAndOneKilledMidStreamLosesRepeatsAndReordersNothing(
      DemoTokens tokens) throws Exception {
    long began = System.nanoTime();
    String run = UUID.randomUUID().toString().substring(0, 8);
    Stream stream = Stream.of("scale-" + run, EVENTS);
    Map<Instance, ServiceProcess> started = new ConcurrentHashMap<>();
    TopicReader.Mark auditMark = TopicReader.mark(Topics.AUDIT_LOG);

    try (Kafka kafka = new Kafka();
        WebhookReceiver receiver = new WebhookReceiver(0);
        HttpClient http = HttpClient.newHttpClient()) {
      // given topics of six partitions of the drill's own, and groups that start at their
      // beginning
      String prefix = "test.scale." + run + ".";
      String events = kafka.topic(prefix + "events", false);
      String subscriptions = kafka.topic(prefix + "subscriptions", true);
      String inbox = kafka.topic(prefix + "inbox", true);
      String deliveries = kafka.topic(prefix + "webhook-deliveries", true);
      String indexerGroup = ConsumerGroups.atEnd(events, "test-scale-indexer");
      String matchingGroup = ConsumerGroups.atEnd(events, "test-scale-alerts");
      String webhookGroup = "test-scale-alerts-webhooks-" + run;

      // and two indexers and two alerts services on them: one of each, then (joining their
      // groups, which hands them partitions) the second of each, so that each process starts in
      // the time two take side by side, well within its start-up limit on a busy machine
      Instance indexerA = Instance.indexer(run, "a", events, indexerGroup);
      Instance indexerB = Instance.indexer(run, "b", events, indexerGroup);
      Instance alertsA =
          Instance.alerts(
              run, "a", events, subscriptions, inbox, deliveries, matchingGroup, webhookGroup);
      Instance alertsB =
          Instance.alerts(
              run, "b", events, subscriptions, inbox, deliveries, matchingGroup, webhookGroup);
      long launched = System.nanoTime();
      startSideBySide(started, indexerA, alertsA);
      startSideBySide(started, indexerB, alertsB);
      Duration startup = since(launched);
      ServiceProcess alertsProcessA = started.get(alertsA);
      ServiceProcess alertsProcessB = started.get(alertsB);

      // and Bromsgrove's council subscribed by webhook to the district, at the highest rate (so
      // every alert goes out on its own), made on one instance and known to the other
      String token = tokens.accessToken(SUBSCRIBER);
      JsonNode created =
          call(
              http,
              HttpRequest.newBuilder(alertsProcessA.url().resolve("/api/v1/subscriptions"))
                  .header("Authorization", "Bearer " + token)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(webhookBody(receiver.url(), run))),
              201);
      String subscriptionId = created.get("subscriptionId").asString();
      String secret = created.at("/webhook/secret").asString();
      URI onB = alertsProcessB.url().resolve("/api/v1/subscriptions/" + subscriptionId);
      await("the subscription known to the second alerts instance")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(250))
          .until(() -> status(http, onB, token) == 200);

      // and each group's six partitions shared out between both instances
      Map<String, Set<Integer>> indexerOwners =
          awaitShared(kafka, indexerGroup, events, indexerA.clientIds(), indexerB.clientIds());
      Map<String, Set<Integer>> matchingOwners =
          awaitShared(kafka, matchingGroup, events, alertsA.clientIds(), alertsB.clientIds());
      await("both alerts instances post webhooks")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(250))
          .until(
              () -> {
                var owners = kafka.owners(webhookGroup, deliveries);
                return owners.size() == 2 && Kafka.owned(owners).size() == Kafka.PARTITIONS;
              });
      Map<String, Set<Integer>> webhookOwners = kafka.owners(webhookGroup, deliveries);
      Set<Integer> indexerBOwned = Kafka.ownedBy(indexerOwners, indexerB.clientIds());
      Set<Integer> alertsBOwned = Kafka.ownedBy(matchingOwners, alertsB.clientIds());
      assertThat(Kafka.ownedBy(indexerOwners, indexerA.clientIds())).isNotEmpty();
      assertThat(indexerBOwned).isNotEmpty();
      assertThat(Kafka.ownedBy(matchingOwners, alertsA.clientIds())).isNotEmpty();
      assertThat(alertsBOwned).isNotEmpty();
      assertThat(webhookOwners.values()).hasSize(2).allSatisfy(p -> assertThat(p).isNotEmpty());

      // when the first part of the stream is published, and one instance of each is killed once
      // some alerts have reached the receiver
      long streamed = System.nanoTime();
      Stream.publish(events, stream.before(BEFORE_KILL));
      await("some alerts at the receiver")
          .atMost(PATIENCE)
          .pollInterval(Duration.ofMillis(50))
          .until(() -> distinctAccepted(receiver).size() >= KILL_AFTER);
      started.get(indexerB).kill();
      started.get(alertsB).kill();
      int atKill = distinctAccepted(receiver).size();
      // and the rest is published at once, partly onto the partitions the killed ones owned
      Set<Integer> afterKillPartitions = Stream.publish(events, stream.after(BEFORE_KILL));

      // then the projection holds every event once, at its latest revision
      Map<String, IntelligenceEvent> latest = stream.latest();
      await("every event projected at its latest revision")
          .atMost(PATIENCE)
          .pollInterval(Duration.ofMillis(500))
          .until(() -> projectedAsLatest(stream, latest));
      Duration projectedIn = since(streamed);
      List<Projection.Document> documents = new Projection().documents(stream.batch());
      assertThat(documents).hasSize(EVENTS);
      assertThat(documents.stream().map(Projection.Document::eventId).distinct())
          .hasSize(EVENTS)
          .containsExactlyInAnyOrderElementsOf(latest.keySet());
      for (Projection.Document document : documents) {
        IntelligenceEvent last = latest.get(document.eventId());
        assertThat(document.version())
            .as("revision of %s", document.eventId())
            .isEqualTo(last.revision());
        assertThat(document.status())
            .isEqualTo(last instanceof IntelligenceRetracted ? "RETRACTED" : "ACTIVE");
        Stream.summary(last).ifPresent(s -> assertThat(document.summary()).isEqualTo(s));
      }

      // and every revision brought its alert, once: the first alert from the report, a follow-up
      // for each later revision, none other
      Set<String> expected =
          stream.events().stream()
              .map(
                  e ->
                      e.eventId().value()
                          + "/"
                          + (e.revision() == 1 ? "NEW" : "FOLLOW_UP")
                          + "/"
                          + e.revision())
              .collect(Collectors.toSet());
      await("every alert made and at the receiver")
          .atMost(PATIENCE)
          .pollInterval(Duration.ofMillis(250))
          .until(
              () -> {
                List<InboxAlert> alerts = inboxAlerts(inbox, subscriptionId);
                Set<String> made =
                    alerts.stream().map(InboxAlert::what).collect(Collectors.toSet());
                Set<String> ids =
                    alerts.stream().map(InboxAlert::alertId).collect(Collectors.toSet());
                return made.containsAll(expected) && distinctAccepted(receiver).containsAll(ids);
              });
      Duration alertedIn = since(streamed);
      List<InboxAlert> records = inboxAlerts(inbox, subscriptionId);
      Map<String, InboxAlert> byId = new HashMap<>();
      records.forEach(a -> byId.putIfAbsent(a.alertId(), a));
      assertThat(byId.values().stream().map(InboxAlert::what))
          .as("one alert per event and revision, no other")
          .doesNotHaveDuplicates()
          .containsExactlyInAnyOrderElementsOf(expected);
      Map<String, List<InboxAlert>> perEvent =
          byId.values().stream().collect(Collectors.groupingBy(InboxAlert::eventId));
      for (var alerts : perEvent.entrySet()) {
        List<Long> revisions =
            alerts.getValue().stream()
                .sorted(Comparator.comparing(InboxAlert::deliveredAt))
                .map(InboxAlert::revision)
                .toList();
        assertThat(revisions)
            .as("alerts of event %s in delivery order", alerts.getKey())
            .isSorted()
            .startsWith(1L);
      }

      // and the receiver got each of them at least once, nothing else, each request signed with
      // the subscription's secret
      List<WebhookReceiver.Request> requests = List.copyOf(receiver.requests);
      Map<String, Long> perId =
          requests.stream()
              .collect(
                  Collectors.groupingBy(WebhookReceiver.Request::alertId, Collectors.counting()));
      assertThat(perId.keySet()).isEqualTo(byId.keySet());
      for (WebhookReceiver.Request request : requests) {
        assertThat(request.accepted()).isTrue();
        assertThat(request.verifiesWith(secret)).as("signature of %s", request.alertId()).isTrue();
        JsonNode body = JSON.readTree(request.body());
        assertThat(body.path("alertId").asString()).isEqualTo(request.alertId());
        assertThat(body.path("subscriptionId").asString()).isEqualTo(subscriptionId);
        InboxAlert alert = byId.get(request.alertId());
        assertThat(body.path("eventId").asString()).isEqualTo(alert.eventId());
        assertThat(body.path("kind").asString()).isEqualTo(alert.kind());
        assertThat(body.path("revision").asLong()).isEqualTo(alert.revision());
      }

      // and the killed instances' partitions were taken over: the survivors own all six, and
      // events after the kill landed on partitions the killed ones had owned
      assertThat(afterKillPartitions).containsAnyElementsOf(indexerBOwned);
      assertThat(afterKillPartitions).containsAnyElementsOf(alertsBOwned);
      await("the survivors own every partition")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(250))
          .until(
              () ->
                  Kafka.ownedBy(kafka.owners(indexerGroup, events), indexerA.clientIds()).size()
                          == Kafka.PARTITIONS
                      && Kafka.ownedBy(kafka.owners(matchingGroup, events), alertsA.clientIds())
                              .size()
                          == Kafka.PARTITIONS
                      && kafka.owners(webhookGroup, deliveries).size() == 1
                      && Kafka.owned(kafka.owners(webhookGroup, deliveries)).size()
                          == Kafka.PARTITIONS);

      // and both alerts instances matched some of the stream: the access log's chains say which
      // wrote each delivery
      Map<String, Long> deliveriesByInstance =
          deliveriesLogged(auditMark, subscriptionId, alertsA, alertsB);
      assertThat(deliveriesByInstance.get("a")).isPositive();
      assertThat(deliveriesByInstance.get("b")).isPositive();

      long repeats = requests.size() - perId.size();
      long outOfOrderAtReceiver = eventsPostedOutOfOrder(requests, byId);
      log.log(
          System.Logger.Level.INFO,
          "Scale-out drill: 4 processes ready in {0} ms (two, then two; each {16}); owners before the kill: indexer {1},"
              + " matching {2}, webhooks {3}; {4} records of {5} events; killed one of each with"
              + " {6} alerts at the receiver; all projected {7} ms and all alerted {8} ms after"
              + " the stream began; {9} alerts, {10} inbox records, {11} webhook requests ({12}"
              + " repeated), {13} events whose webhooks arrived out of revision order;"
              + " deliveries logged by instance {14}; whole drill {15} ms",
          startup.toMillis(),
          indexerOwners,
          matchingOwners,
          webhookOwners,
          stream.events().size(),
          EVENTS,
          atKill,
          projectedIn.toMillis(),
          alertedIn.toMillis(),
          byId.size(),
          records.size(),
          requests.size(),
          repeats,
          outOfOrderAtReceiver,
          deliveriesByInstance,
          since(began).toMillis(),
          started.entrySet().stream()
              .collect(
                  Collectors.toMap(
                      e -> e.getKey().module() + "-" + e.getKey().name(),
                      e -> e.getValue().startup().toMillis() + " ms",
                      (x, y) -> x,
                      java.util.TreeMap::new)));
    } finally {
      for (ServiceProcess process : started.values()) {
        process.close();
      }
    }
  }

  /** One alert as the inbox topic holds it. */
  record InboxAlert(
      String alertId, String eventId, String kind, long revision, Instant deliveredAt) {
    /** What it is about: the event, its kind and revision. */
    String what() {
      return eventId + "/" + kind + "/" + revision;
    }
  }

  /** A process the drill starts: its service, name and arguments. */
  record Instance(
      String module,
      String name,
      String clientIds,
      List<String> jvmOptions,
      List<String> arguments) {

    static Instance indexer(String run, String name, String topic, String group) {
      String clientIds = "scale-indexer-" + run + "-" + name;
      return new Instance(
          "indexer",
          name,
          clientIds,
          List.of("-Xmx384m"),
          concat(
              List.of(
                  "--crossline.indexer.topic=" + topic,
                  "--crossline.indexer.consumer-group=" + group,
                  "--crossline.indexer.retry-max-interval=2s",
                  "--spring.kafka.consumer.client-id=" + clientIds),
              DrillArguments.quickFailover(SESSION_TIMEOUT)));
    }

    static Instance alerts(
        String run,
        String name,
        String events,
        String subscriptions,
        String inbox,
        String deliveries,
        String matchingGroup,
        String webhookGroup) {
      String clientIds = "scale-alerts-" + run + "-" + name;
      return new Instance(
          "alerts",
          name,
          clientIds,
          List.of("-Xmx384m"),
          concat(
              List.of(
                  // Its access-log chains say which instance wrote an entry.
                  "--spring.application.name=crossline-alerts-" + clientIds,
                  "--spring.kafka.consumer.client-id=" + clientIds,
                  "--crossline.alerts.topics.events=" + events,
                  "--crossline.alerts.topics.subscriptions=" + subscriptions,
                  "--crossline.alerts.topics.inbox=" + inbox,
                  "--crossline.alerts.topics.webhook-deliveries=" + deliveries,
                  "--crossline.alerts.group-id=" + matchingGroup,
                  "--crossline.alerts.webhook.group-id=" + webhookGroup),
              DrillArguments.quickFailover(SESSION_TIMEOUT),
              DrillArguments.quickWebhooks()));
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
      return java.util.Arrays.stream(parts).flatMap(List::stream).toList();
    }

    ServiceProcess start() {
      return ServiceProcess.start(module, jvmOptions, arguments);
    }

    /** Its access-log chains begin so. */
    String chains() {
      return "crossline-alerts-" + clientIds + "-";
    }
  }

  /** Starts the instances side by side and returns once all are ready. */
  private static void startSideBySide(Map<Instance, ServiceProcess> started, Instance... instances)
      throws Exception {
    try (ExecutorService starter = Executors.newFixedThreadPool(instances.length)) {
      List<Future<?>> starting = new ArrayList<>();
      for (Instance instance : instances) {
        starting.add(starter.submit(() -> started.put(instance, instance.start())));
      }
      for (Future<?> future : starting) {
        future.get();
      }
    }
  }

  /**
   * Waits until the group's six partitions of the topic are all owned, some by each instance (told
   * apart by their consumers' client ids), and returns who owns which.
   */
  private static Map<String, Set<Integer>> awaitShared(
      Kafka kafka, String group, String topic, String first, String second) throws Exception {
    await("both instances of group " + group + " own partitions")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              var owners = kafka.owners(group, topic);
              return Kafka.owned(owners).size() == Kafka.PARTITIONS
                  && !Kafka.ownedBy(owners, first).isEmpty()
                  && !Kafka.ownedBy(owners, second).isEmpty();
            });
    return kafka.owners(group, topic);
  }

  /** Whether the batch's documents are every event, once, each at its latest revision. */
  private static boolean projectedAsLatest(Stream stream, Map<String, IntelligenceEvent> latest)
      throws Exception {
    List<Projection.Document> documents = new Projection().documents(stream.batch());
    return documents.size() >= latest.size()
        && documents.stream()
            .allMatch(
                d ->
                    latest.containsKey(d.eventId())
                        && d.version() == latest.get(d.eventId()).revision());
  }

  /** The alerts of the subscription on the drill's inbox topic, every record of each. */
  private static List<InboxAlert> inboxAlerts(String inbox, String subscriptionId) {
    List<InboxAlert> alerts = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> record :
        TopicReader.recordsSince(TopicReader.beginning(inbox))) {
      if (record.value() == null) {
        continue;
      }
      JsonNode alert = JSON.readTree(record.value());
      if (subscriptionId.equals(alert.path("subscriptionId").asString(""))
          && !"DIGEST".equals(alert.path("kind").asString(""))) {
        alerts.add(
            new InboxAlert(
                alert.path("alertId").asString(),
                alert.path("eventId").asString(),
                alert.path("kind").asString(),
                alert.path("revision").asLong(),
                Instant.parse(alert.path("deliveredAt").asString())));
      }
    }
    return alerts;
  }

  /** The subscription's deliveries in the access log since the mark, counted by instance. */
  private static Map<String, Long> deliveriesLogged(
      TopicReader.Mark mark, String subscriptionId, Instance... instances) {
    Map<String, Long> counted = new java.util.TreeMap<>();
    for (Instance instance : instances) {
      counted.put(instance.name(), 0L);
    }
    for (byte[] value : TopicReader.valuesSince(mark)) {
      AuditEntry entry;
      try {
        entry = AuditJson.read(value);
      } catch (RuntimeException unreadable) {
        continue;
      }
      if (entry.action() != AuditAction.ALERT_DELIVERY
          || !subscriptionId.equals(entry.criteria().get("subscriptionId"))) {
        continue;
      }
      for (Instance instance : instances) {
        if (entry.chain().startsWith(instance.chains())) {
          counted.merge(instance.name(), 1L, Long::sum);
        }
      }
    }
    return counted;
  }

  /**
   * How many events' webhooks first reached the receiver out of revision order: deliveries are
   * keyed by alert id, so one event's alerts are posted by whichever instance owns each, and the
   * design promises no order between them (the inbox has it).
   */
  private static long eventsPostedOutOfOrder(
      List<WebhookReceiver.Request> requests, Map<String, InboxAlert> byId) {
    Map<String, List<Long>> firstArrivals = new HashMap<>();
    Set<String> seen = new HashSet<>();
    for (WebhookReceiver.Request request : requests) {
      InboxAlert alert = byId.get(request.alertId());
      if (alert != null && seen.add(request.alertId())) {
        firstArrivals
            .computeIfAbsent(alert.eventId(), e -> new ArrayList<>())
            .add(alert.revision());
      }
    }
    return firstArrivals.values().stream()
        .filter(revisions -> !revisions.equals(revisions.stream().sorted().toList()))
        .count();
  }

  /** The distinct ids the receiver accepted. */
  private static Set<String> distinctAccepted(WebhookReceiver receiver) {
    return receiver.accepted().stream()
        .map(WebhookReceiver.Request::alertId)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static String webhookBody(String url, String run) {
    return """
        {"name": "Scale-out drill %s", "purpose": "Community safety patrol planning",
         "areas": [{"type": "DISTRICT", "district": "%s"}],
         "channel": "WEBHOOK", "webhook": {"url": "%s"}, "maxAlertsPerHour": %d}"""
        .formatted(run, Stream.DISTRICT, url, Pacing.MAX_ALERTS_PER_HOUR);
  }

  private static JsonNode call(HttpClient http, HttpRequest.Builder request, int expected)
      throws Exception {
    HttpResponse<String> answer =
        http.send(
            request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as("answer: %s", answer.body()).isEqualTo(expected);
    return JSON.readTree(answer.body());
  }

  private static int status(HttpClient http, URI uri, String token) throws Exception {
    return http.send(
            HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static Duration since(long nanos) {
    return Duration.ofNanos(System.nanoTime() - nanos);
  }
}
