package uk.crossline.indexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import uk.crossline.model.Topics;
import uk.crossline.model.event.IntelligenceReported;
import uk.crossline.model.projection.IntelligenceIndex;
import uk.crossline.testsupport.CrosslineIntegrationTest;
import uk.crossline.testsupport.CrosslineStack;

/** The indexer running in-process on the real broker and the real Elasticsearch. */
@CrosslineIntegrationTest
@SpringBootTest
class ProjectionIntegrationTest {

  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final Instant NOVEMBER = Instant.parse("2026-11-10T12:00:00Z");

  @Autowired ElasticsearchClient client;

  @Test
  void tenThousandEventsAreAllSearchableEachOnce() throws Exception {
    String batch = Events.batch();
    List<IntelligenceReported> events = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      events.add(Events.report(batch, i, NOVEMBER, "report " + i));
    }

    Events.publish(events);

    var projected = new Projected(client);
    await().atMost(PATIENCE).ignoreExceptions().until(() -> projected.activeCount(batch) == 10_000);
    assertThat(projected.distinctActive(batch)).isEqualTo(10_000);
  }

  @Test
  void reportIsProjectedWithItsFieldsIntoTheIndexOfItsMonth() throws Exception {
    var report = Events.report(Events.batch(), 0, NOVEMBER, "Deal line texts in Redditch");

    Events.publish(List.of(report));

    var projected = new Projected(client);
    await()
        .atMost(PATIENCE)
        .ignoreExceptions()
        .until(() -> projected.copies(report.eventId()).size() == 1);
    var hit = projected.copies(report.eventId()).getFirst();
    assertThat(hit.index())
        .isEqualTo(
            IntelligenceIndex.name(1, NOVEMBER)
                .replace("-g1-", "-g" + generationOf(hit.index()) + "-"));
    assertThat(hit.version()).isEqualTo(1);
    Map<?, ?> source = hit.source();
    assertThat(source.get("category")).isEqualTo("DEAL_LINE");
    assertThat(source.get("priority")).isEqualTo("REDUCING_VIOLENCE_AND_ABUSE");
    assertThat(source.get("summary")).isEqualTo("Deal line texts in Redditch");
    assertThat(source.get("status")).isEqualTo("ACTIVE");
    assertThat(((Map<?, ?>) source.get("grading")).get("graded")).isEqualTo(false);
  }

  @Test
  void olderAmendmentArrivingLateDoesNotRegressTheDocument() throws Exception {
    var report = Events.report(Events.batch(), 0, NOVEMBER, "first account");
    var newer = Events.amendment(report, 3, NOVEMBER, "third account");
    var older = Events.amendment(report, 2, NOVEMBER, "second account");

    Events.publish(List.of(report));
    Events.publish(List.of(newer));
    var marker = Events.report(Events.batch(), 0, NOVEMBER, "published after the late amendment");
    // The late amendment, then the marker on its partition: once the marker is projected,
    // so is everything before it there (events of other keys go to other partitions, in any order).
    Events.publishBehind(older, marker);

    var projected = new Projected(client);
    await()
        .atMost(PATIENCE)
        .ignoreExceptions()
        .until(() -> projected.copies(marker.eventId()).size() == 1);
    var copies = projected.copies(report.eventId());
    assertThat(copies).hasSize(1);
    assertThat(copies.getFirst().version()).isEqualTo(3);
    assertThat(copies.getFirst().source().get("summary")).isEqualTo("third account");
    assertThat(copies.getFirst().source().get("kind")).isEqualTo("AMENDMENT");
  }

  @Test
  void amendmentThatMovesTheEventToAnotherMonthLeavesOneCopy() throws Exception {
    var report = Events.report(Events.batch(), 0, Instant.parse("2026-01-15T09:00:00Z"), "january");
    var moved =
        Events.amendment(report, 2, Instant.parse("2026-03-02T09:00:00Z"), "march after all");

    Events.publish(List.of(report));
    var projected = new Projected(client);
    await()
        .atMost(PATIENCE)
        .ignoreExceptions()
        .until(() -> projected.copies(report.eventId()).size() == 1);
    Events.publish(List.of(moved));

    await()
        .atMost(PATIENCE)
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              var copies = projected.copies(report.eventId());
              assertThat(copies).hasSize(1);
              assertThat(copies.getFirst().index()).endsWith("-2026.03");
            });
  }

  @Test
  void reportRedeliveredAfterAMonthMovingAmendmentLeavesOnlyTheAmendedCopy() throws Exception {
    // given a report moved to March by an amendment, both projected
    var report = Events.report(Events.batch(), 0, Instant.parse("2026-01-15T09:00:00Z"), "january");
    var moved =
        Events.amendment(report, 2, Instant.parse("2026-03-02T09:00:00Z"), "march after all");
    Events.publish(List.of(report));
    var projected = new Projected(client);
    await()
        .atMost(PATIENCE)
        .ignoreExceptions()
        .until(() -> projected.copies(report.eventId()).size() == 1);
    Events.publish(List.of(moved));
    await()
        .atMost(PATIENCE)
        .ignoreExceptions()
        .until(
            () ->
                projected.copies(report.eventId()).size() == 1
                    && projected.copies(report.eventId()).getFirst().index().endsWith("-2026.03"));

    // when the report is delivered again at once (a batch of first revisions: no refresh), with a
    // marker behind it on its partition
    var marker = Events.report(Events.batch(), 0, NOVEMBER, "marker");
    Events.publish(List.of(report));
    Events.publishBehind(report, marker);
    await()
        .atMost(PATIENCE)
        .ignoreExceptions()
        .until(() -> projected.copies(marker.eventId()).size() == 1);

    // then January did not get the report back: March's amended copy is the only one
    var copies = projected.copies(report.eventId());
    assertThat(copies).hasSize(1);
    assertThat(copies.getFirst().index()).endsWith("-2026.03");
  }

  @Test
  void retractionTakesTheEventOutOfSearchAndLeavesATombstone() throws Exception {
    String batch = Events.batch();
    var report = Events.report(batch, 0, NOVEMBER, "to be retracted");

    Events.publish(List.of(report));
    var projected = new Projected(client);
    await().atMost(PATIENCE).ignoreExceptions().until(() -> projected.activeCount(batch) == 1);
    Events.publish(List.of(Events.retraction(report, 2)));

    await().atMost(PATIENCE).ignoreExceptions().until(() -> projected.activeCount(batch) == 0);
    var tombstone = projected.copies(report.eventId()).getFirst();
    assertThat(tombstone.source().get("status")).isEqualTo("RETRACTED");
    assertThat(tombstone.source()).doesNotContainKey("summary");
    assertThat(((Map<?, ?>) tombstone.source().get("retraction")).get("reason"))
        .isEqualTo("ENTERED_IN_ERROR");
  }

  @Test
  void amendmentAndRetractionHardOnTheHeelsOfTheReportLeaveOnlyTheTombstone() throws Exception {
    String batch = Events.batch();
    var projected = new Projected(client);
    for (int i = 0; i < 20; i++) {
      var report = Events.report(batch, i, Instant.parse("2026-02-10T09:00:00Z"), "february");
      Events.publish(List.of(report));
      Events.publish(
          List.of(Events.amendment(report, 2, Instant.parse("2026-04-10T09:00:00Z"), "april")));
      Events.publish(List.of(Events.retraction(report, 3)));
    }
    var last = Events.report(batch, 19, Instant.parse("2026-02-10T09:00:00Z"), "february");

    await()
        .atMost(PATIENCE)
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              var copies = projected.copies(last.eventId());
              assertThat(copies).hasSize(1);
              assertThat(copies.getFirst().source().get("status")).isEqualTo("RETRACTED");
              assertThat(projected.activeCount(batch)).isZero();
              assertThat(projected.totalCount(batch)).isEqualTo(20);
            });
  }

  @Test
  void unreadableRecordGoesToTheDeadLetterTopicWithItsReasonAndTheStreamGoesOn() throws Exception {
    String batch = Events.batch();
    var poisonKey = Events.report(batch, 99, NOVEMBER, "x").eventId().value();
    var after = Events.report(batch, 1, NOVEMBER, "after the poison");

    Events.publishRaw(
        poisonKey,
        "{\"schemaVersion\": 1, \"kind\": \"REPORT\", \"eventId\": 7}"
            .getBytes(StandardCharsets.UTF_8));
    Events.publish(List.of(after));

    var projected = new Projected(client);
    await().atMost(PATIENCE).ignoreExceptions().until(() -> projected.activeCount(batch) == 1);
    await()
        .atMost(PATIENCE)
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              var dead = deadLetters(poisonKey);
              assertThat(dead).hasSize(1);
              String reason =
                  new String(
                      dead.getFirst().headers().lastHeader("kafka_dlt-exception-message").value(),
                      StandardCharsets.UTF_8);
              assertThat(reason).contains("eventId");
            });
  }

  private static int generationOf(String index) {
    return IntelligenceIndex.parse(index).orElseThrow().generation();
  }

  private static List<ConsumerRecord<String, byte[]>> deadLetters(String key) {
    List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
    try (var consumer =
        new KafkaConsumer<>(
            Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                CrosslineStack.get().kafkaBootstrapServers(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.GROUP_ID_CONFIG,
                "dlt-check-" + java.util.UUID.randomUUID()),
            new StringDeserializer(),
            new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(Topics.INTELLIGENCE_EVENTS_DLT));
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (System.nanoTime() < deadline) {
        for (var record : consumer.poll(Duration.ofMillis(500))) {
          if (key.equals(record.key())) {
            found.add(record);
          }
        }
        if (!found.isEmpty()) {
          break;
        }
      }
    }
    return found;
  }
}
