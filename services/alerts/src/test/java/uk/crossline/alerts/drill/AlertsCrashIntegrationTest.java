package uk.crossline.alerts.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import uk.crossline.alerts.AlertEvents;
import uk.crossline.alerts.AlertsApi;
import uk.crossline.alerts.inbox.Alert;
import uk.crossline.model.Topics;
import uk.crossline.model.audit.AuditAction;
import uk.crossline.model.audit.AuditEntry;
import uk.crossline.model.audit.AuditJson;
import uk.crossline.model.event.EventId;
import uk.crossline.model.event.IntelligenceReported;
import uk.crossline.model.event.SharingScope;
import uk.crossline.model.subscription.Pacing;
import uk.crossline.model.vocabulary.Tlp;
import uk.crossline.testsupport.CrosslineIntegrationTest;
import uk.crossline.testsupport.CrosslineStack;
import uk.crossline.testsupport.DemoTokens;
import uk.crossline.testsupport.TopicReader;
import uk.crossline.testsupport.WebhookReceiver;

/**
 * The acceptance drill of issue 7: the alerts service killed (SIGKILL) in the middle of a burst of
 * 1,000 matching events, then started again with the same consumer groups; every alert reaches the
 * webhook receiver, each id once after de-duplication (delivery is at least once), and the inbox
 * and the access log hold each of them.
 *
 * <p>It stops only a process it started itself, never the shared stack. Its process matches and
 * posts in consumer groups of its own; other tests' instances on the same broker may match the same
 * events too (the alert ids are the same, so they add no alert), which the access log's chains tell
 * apart: this drill's processes write as {@code crossline-alerts-drill}.
 */
@CrosslineIntegrationTest
class AlertsCrashIntegrationTest {

  private static final Logger log = LoggerFactory.getLogger(AlertsCrashIntegrationTest.class);

  private static final int BURST = 1_000;

  /** Killed once the receiver has this many alerts: some, far from all. */
  private static final int KILL_AFTER = 50;

  private static final Duration PATIENCE = Duration.ofMinutes(3);
  private static final String SUBSCRIBER = "bromsgrove.cso";
  private static final String DISTRICT = "malvern-hills";
  private static final String DRILL_CHAINS = "crossline-alerts-drill-";

  @Test
  void killedMidBurstThenRestartedDeliversEveryAlertEachIdOnceAfterDeduplication(
      DemoTokens tokens, CrosslineStack stack) throws Exception {
    String run = UUID.randomUUID().toString();
    String bootstrap = stack.kafkaBootstrapServers();
    // A matching group starting where the events topic ends now: the process sees the whole burst
    // however late its consumer is assigned, and none of the topic's history.
    String matchingGroup = AlertsApi.groupAtEnd(bootstrap);
    String webhookGroup = "crossline-alerts-webhooks-drill-" + run;
    TopicReader.Mark alertsMark = TopicReader.mark(Topics.ALERTS);
    TopicReader.Mark auditMark = TopicReader.mark(Topics.AUDIT_LOG);

    try (WebhookReceiver receiver = new WebhookReceiver(0)) {
      // given an alerts process, and Bromsgrove's council subscribed to Malvern Hills by webhook,
      // at
      // the highest rate a subscription may ask for, so the burst comes as single alerts (a
      // partner's case system on a webhook), not held for the hour's digest
      AlertsProcess first = AlertsProcess.start(matchingGroup, webhookGroup, "first");
      String token = tokens.accessToken(SUBSCRIBER);
      JsonNode created;
      try {
        created = first.post(token, "/api/v1/subscriptions", webhookBody(receiver.url(), run), 201);
      } catch (Exception | Error e) {
        first.close();
        throw e;
      }
      UUID subscriptionId = UUID.fromString(created.get("subscriptionId").asString());
      String secret = created.at("/webhook/secret").asString();
      boolean ended = false;
      try {
        List<IntelligenceReported> events = burst(run);
        // The alert each event must bring, by event id: an event of another test in Malvern Hills
        // would match this subscription too, and is left out of what is asserted.
        Map<String, String> expectedByEvent =
            events.stream()
                .collect(
                    Collectors.toUnmodifiableMap(
                        e -> e.eventId().value(),
                        e ->
                            Alert.idFor(subscriptionId, e.eventId(), Alert.Kind.NEW, 1)
                                .toString()));
        Set<String> expected = Set.copyOf(expectedByEvent.values());

        long burstStarted;
        Duration burstTook;
        Duration untilKill;
        try {
          awaitAssigned(bootstrap, matchingGroup);

          // when Redditch's council reports 1,000 GREEN events in Malvern Hills at once
          burstStarted = System.nanoTime();
          AlertEvents.publish(events.toArray(IntelligenceReported[]::new));
          burstTook = since(burstStarted);

          // and the process is killed once some alerts, not all, reached the receiver
          await("some alerts at the receiver")
              .atMost(PATIENCE)
              .pollInterval(Duration.ofMillis(20))
              .until(() -> distinctAccepted(receiver, expected).size() >= KILL_AFTER);
          untilKill = since(burstStarted);
        } catch (Exception | Error e) {
          first.delete(token, "/api/v1/subscriptions/" + subscriptionId);
          ended = true;
          throw e;
        } finally {
          first.kill();
        }
        int receivedBeforeKill = distinctAccepted(receiver, expected).size();
        long requestsBeforeKill = requestsAbout(receiver, expected);
        long inInboxBeforeKill =
            alertKeysSince(alertsMark).stream().filter(expected::contains).distinct().count();
        log.info(
            "Drill: burst of {} published in {} ms; killed after {} ms with {} alerts at the"
                + " receiver ({} requests) and {} in the inbox topic",
            BURST,
            burstTook.toMillis(),
            untilKill.toMillis(),
            receivedBeforeKill,
            requestsBeforeKill,
            inInboxBeforeKill);
        assertThat(receivedBeforeKill).as("killed mid-burst").isLessThan(BURST);

        // and started again, with the same consumer groups (watched while it starts: webhooks
        // may go out before its inbox is read and it reports healthy)
        long restarted = System.nanoTime();
        CompletableFuture<AlertsProcess> starting =
            CompletableFuture.supplyAsync(
                () -> AlertsProcess.start(matchingGroup, webhookGroup, "second"));
        Duration firstAfterRestart;
        try {
          await("a webhook posted after the restart")
              .atMost(PATIENCE)
              .pollInterval(Duration.ofMillis(50))
              .until(
                  () ->
                      requestsAbout(receiver, expected) > requestsBeforeKill
                          || starting.isCompletedExceptionally());
          firstAfterRestart = since(restarted);
        } catch (Exception | Error e) {
          starting.thenAccept(AlertsCrashIntegrationTest::closeQuietly);
          throw e;
        }
        try (AlertsProcess second = starting.join()) {
          Duration startTook = second.startup();
          try {
            // then every alert reaches the receiver
            await("every alert at the receiver")
                .atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> distinctAccepted(receiver, expected).containsAll(expected));
            Duration fullAfterRestart = since(restarted);
            Set<String> inInboxAtFull = new HashSet<>(alertKeysSince(alertsMark));
            inInboxAtFull.retainAll(expected);

            // each id at least once, none it should not have, and the repeats counted
            List<WebhookReceiver.Request> all = List.copyOf(receiver.requests);
            List<WebhookReceiver.Request> requests = new ArrayList<>();
            for (WebhookReceiver.Request request : all) {
              String eventId = AlertsApi.JSON.readTree(request.body()).path("eventId").asString();
              if (expectedByEvent.containsKey(eventId)) {
                assertThat(request.alertId())
                    .as("the alert id of event %s", eventId)
                    .isEqualTo(expectedByEvent.get(eventId));
                requests.add(request);
              }
            }
            Map<String, Long> perId =
                requests.stream()
                    .collect(
                        Collectors.groupingBy(
                            WebhookReceiver.Request::alertId, Collectors.counting()));
            assertThat(perId.keySet().containsAll(expected) && expected.containsAll(perId.keySet()))
                .as("the receiver got exactly the burst's alert ids")
                .isTrue();
            assertThat(perId).hasSize(BURST);
            long duplicates = requests.size() - perId.size();
            long idsRepeated = perId.values().stream().filter(n -> n > 1).count();
            int others = all.size() - requests.size();

            // and every request verifies with the subscription's secret and names its alert
            for (WebhookReceiver.Request request : all) {
              assertThat(request.accepted()).isTrue();
              assertThat(request.verifiesWith(secret))
                  .as("signature of %s", request.alertId())
                  .isTrue();
              JsonNode body = AlertsApi.JSON.readTree(request.body());
              assertThat(body.path("alertId").asString()).isEqualTo(request.alertId());
              assertThat(body.path("subscriptionId").asString())
                  .isEqualTo(subscriptionId.toString());
            }

            // and the inbox holds each alert once: its topic has every id, and the restarted
            // process's inbox API (newest first, at most 200 a page, no further paging) lists
            // the newest of them for the subscriber
            List<String> inboxRecords =
                alertKeysSince(alertsMark).stream().filter(expected::contains).toList();
            assertThat(new HashSet<>(inboxRecords).equals(expected))
                .as("the inbox topic holds every alert of the burst")
                .isTrue();
            JsonNode listed = second.get(token, "/api/v1/alerts?limit=200");
            List<String> listedMine = new ArrayList<>();
            for (JsonNode alert : listed.get("alerts")) {
              if (alert.path("subscriptionId").asString().equals(subscriptionId.toString())
                  && expectedByEvent.containsKey(alert.path("eventId").asString())) {
                listedMine.add(alert.get("alertId").asString());
              }
            }
            assertThat(listedMine).isNotEmpty().doesNotHaveDuplicates();
            assertThat(expected).containsAll(listedMine);

            // and the access log has each delivery, to the inbox and by webhook
            List<AuditEntry> logged =
                deliveriesLogged(auditMark, subscriptionId, expectedByEvent.keySet());
            Map<Boolean, List<AuditEntry>> byChannel =
                logged.stream()
                    .collect(
                        Collectors.partitioningBy(
                            e -> "WEBHOOK".equals(e.criteria().get("channel"))));
            assertThat(alertIds(byChannel.get(false)).equals(expected))
                .as("an inbox delivery logged for every alert of the burst, and no other")
                .isTrue();
            assertThat(alertIds(byChannel.get(true)).equals(expected))
                .as("a webhook delivery logged for every alert of the burst, and no other")
                .isTrue();
            Map<String, Long> byWriter =
                logged.stream()
                    .collect(
                        Collectors.groupingBy(
                            e ->
                                ("WEBHOOK".equals(e.criteria().get("channel"))
                                        ? "webhook"
                                        : "inbox")
                                    + (e.chain().startsWith(DRILL_CHAINS)
                                        ? " by the drill's processes"
                                        : " by other instances"),
                            java.util.TreeMap::new,
                            Collectors.counting()));

            log.info(
                "Drill: restarted process healthy in {} ms, first webhook after {} ms; all {}"
                    + " alerts at the receiver {} ms after the restart began ({} in the inbox topic"
                    + " by then); {} requests about the burst, {} duplicates over {} ids ({} more"
                    + " about others' events there); inbox topic records {} for {} ids; inbox"
                    + " API lists {} of them (limit 200); access log: {} inbox and {} webhook"
                    + " delivery entries, by writer {}",
                startTook.toMillis(),
                firstAfterRestart.toMillis(),
                BURST,
                fullAfterRestart.toMillis(),
                inInboxAtFull.size(),
                requests.size(),
                duplicates,
                idsRepeated,
                others,
                inboxRecords.size(),
                expected.size(),
                listedMine.size(),
                byChannel.get(false).size(),
                byChannel.get(true).size(),
                byWriter);
          } finally {
            second.delete(token, "/api/v1/subscriptions/" + subscriptionId);
            ended = true;
          }
        }
      } finally {
        if (!ended) {
          log.warn("Drill: subscription {} left live; its webhook will give up", subscriptionId);
        }
      }
    }
  }

  /**
   * 1,000 GREEN reports by Redditch's council in Malvern Hills, their references marked by the run.
   * A district no other test subscribes to or reports in, and without a point or postcode (so in no
   * circle): a burst in a busy district would alert every live subscription there, push other
   * tests' alerts out of their inbox pages and use up their hourly rates.
   */
  private static List<IntelligenceReported> burst(String run) {
    List<IntelligenceReported> events = new ArrayList<>();
    for (int i = 0; i < BURST; i++) {
      String ref = "alerts-drill-" + run + "-" + i;
      events.add(
          new IntelligenceReported(
              1,
              EventId.derive(AlertEvents.REDDITCH.id(), ref),
              1,
              AlertEvents.REDDITCH,
              Instant.now(),
              ref,
              AlertEvents.report(Tlp.GREEN, SharingScope.none(), DISTRICT)));
    }
    return events;
  }

  private static String webhookBody(String url, String run) {
    return """
        {"name": "Kill-mid-burst drill %s", "purpose": "Community safety patrol planning",
         "areas": [{"type": "DISTRICT", "district": "%s"}],
         "channel": "WEBHOOK", "webhook": {"url": "%s"}, "maxAlertsPerHour": %d}"""
        .formatted(run.substring(0, 8), DISTRICT, url, Pacing.MAX_ALERTS_PER_HOUR);
  }

  /** How many requests about these alerts the receiver got. */
  private static long requestsAbout(WebhookReceiver receiver, Set<String> expected) {
    return receiver.requests.stream().filter(r -> expected.contains(r.alertId())).count();
  }

  private static void closeQuietly(AlertsProcess process) {
    process.close();
  }

  /** The distinct ids among the expected ones that the receiver accepted. */
  private static Set<String> distinctAccepted(WebhookReceiver receiver, Set<String> expected) {
    return receiver.accepted().stream()
        .map(WebhookReceiver.Request::alertId)
        .filter(expected::contains)
        .collect(Collectors.toSet());
  }

  /** Waits until a member of the matching group has partitions of the events topic. */
  private static void awaitAssigned(String bootstrap, String group) {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      await("the matching consumer assigned")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(250))
          .until(
              () ->
                  admin
                      .describeConsumerGroups(List.of(group))
                      .all()
                      .get()
                      .get(group)
                      .members()
                      .stream()
                      .anyMatch(
                          m ->
                              m.assignment().topicPartitions().stream()
                                  .anyMatch(p -> p.topic().equals(Topics.INTELLIGENCE_EVENTS))));
    }
  }

  /** The keys of the alerts topic's records since the mark: one per alert written. */
  private static List<String> alertKeysSince(TopicReader.Mark mark) {
    return TopicReader.recordsSince(mark).stream().map(ConsumerRecord::key).toList();
  }

  /** The access log's ALERT_DELIVERY entries of this subscription about these events. */
  private static List<AuditEntry> deliveriesLogged(
      TopicReader.Mark mark, UUID subscriptionId, Set<String> eventIds) {
    List<AuditEntry> found = new ArrayList<>();
    for (byte[] value : TopicReader.valuesSince(mark)) {
      AuditEntry entry;
      try {
        entry = AuditJson.read(value);
      } catch (RuntimeException unreadable) {
        continue;
      }
      if (entry.action() == AuditAction.ALERT_DELIVERY
          && subscriptionId.toString().equals(entry.criteria().get("subscriptionId"))
          && entry.eventIds().stream().anyMatch(id -> eventIds.contains(id.value()))) {
        found.add(entry);
      }
    }
    return found;
  }

  private static Set<String> alertIds(List<AuditEntry> entries) {
    return entries.stream().map(e -> e.criteria().get("alertId")).collect(Collectors.toSet());
  }

  private static Duration since(long nanos) {
    return Duration.ofNanos(System.nanoTime() - nanos);
  }
}
