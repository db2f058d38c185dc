package uk.crossline.indexer.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static uk.crossline.indexer.retention.RetentionFixtures.copies;
import static uk.crossline.indexer.retention.RetentionFixtures.report;
import static uk.crossline.indexer.retention.RetentionFixtures.retraction;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import uk.crossline.indexer.projection.Generations;
import uk.crossline.kit.audit.AuditLog;
import uk.crossline.model.Topics;
import uk.crossline.model.audit.AuditAction;
import uk.crossline.model.audit.AuditEntry;
import uk.crossline.model.audit.AuditJson;
import uk.crossline.model.event.EventId;
import uk.crossline.model.policy.RetentionPolicy;
import uk.crossline.model.projection.IntelligenceIndex;
import uk.crossline.model.vocabulary.Category;
import uk.crossline.testsupport.CrosslineIntegrationTest;
import uk.crossline.testsupport.TopicReader;

/**
 * The retention job on the real stack, with the bundled policy. Each test's events are observed in
 * a year of their own centuries ago, and the job runs as of a moment just past their periods, so
 * that it touches nothing of the other tests sharing the stack. What a test leaves there on purpose
 * (the events that must stay) is removed by a later run, as closed months.
 */
@CrosslineIntegrationTest
@SpringBootTest(properties = "crossline.retention.enabled=false")
class RetentionIntegrationTest {

  // Generous: the indexer consumer group is shared with other test JVMs on the stack, and one that
  // stops holds its partitions until the broker notices (the session timeout) and they move here.
  private static final Duration PATIENCE = Duration.ofMinutes(3);

  @Autowired RetentionJob retention;
  @Autowired RetentionPolicy policy;
  @Autowired ElasticsearchClient client;
  @Autowired AuditLog auditLog;
  @Autowired Generations generations;
  @Autowired MeterRegistry meters;

  // Seldom the same year twice: another indexer instance on the stack may still remember a month's
  // index that an earlier run dropped, and would write outside the read alias were it reused.
  private final int year = 1200 + ThreadLocalRandom.current().nextInt(700);

  @Test
  void eventsPastTheirReviewPeriodLeaveSearchAndTheTopicWithTheDeletionAudited() throws Exception {
    // given: anti-social behaviour before and after its cutoff, an older deal line report that its
    // longer period still keeps, and a report retracted longer ago than tombstones are kept
    Instant now = plus(at(year, 2, 1), policy.reviewPeriod(Category.ANTI_SOCIAL_BEHAVIOUR));
    String batch = RetentionFixtures.batch();
    var oldNuisance = report(batch, 0, Category.ANTI_SOCIAL_BEHAVIOUR, at(year, 1, 10));
    var freshNuisance = report(batch, 1, Category.ANTI_SOCIAL_BEHAVIOUR, at(year, 3, 10));
    var oldDealLine = report(batch, 2, Category.DEAL_LINE, at(year, 1, 10));
    Instant retractedAt = policy.tombstoneCutoff(now).minus(Duration.ofDays(10));
    var retracted = report(batch, 3, Category.DEAL_LINE, retractedAt.minus(Duration.ofDays(30)));
    RetentionFixtures.publish(List.of(oldNuisance, freshNuisance, oldDealLine, retracted));
    await()
        .atMost(PATIENCE)
        .ignoreExceptions()
        .until(
            () ->
                List.of(oldNuisance, freshNuisance, oldDealLine, retracted).stream()
                    .allMatch(event -> projected(event.eventId())));
    // Retracted once searchable, as an originator retracts what it has seen in the hub.
    RetentionFixtures.publish(List.of(retraction(retracted, retractedAt)));
    await()
        .atMost(PATIENCE)
        .ignoreExceptions()
        .until(
            () ->
                "RETRACTED"
                    .equals(copies(client, retracted.eventId()).getFirst().source().get("status")));
    assertThat(policy.reviewCutoff(Category.DEAL_LINE, now)).isBefore(at(year, 1, 10));
    TopicReader.Mark eventsBefore = RetentionFixtures.endOf(Topics.INTELLIGENCE_EVENTS);
    TopicReader.Mark auditBefore = RetentionFixtures.endOf(Topics.AUDIT_LOG);

    // when
    RetentionRun run = retention.run(now);

    // then: gone from search, the rest still there
    await()
        .atMost(PATIENCE)
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              assertThat(copies(client, oldNuisance.eventId())).isEmpty();
              assertThat(copies(client, retracted.eventId())).isEmpty();
            });
    assertThat(copies(client, freshNuisance.eventId())).hasSize(1);
    assertThat(copies(client, oldDealLine.eventId())).hasSize(1);
    assertThat(run.pastReviewPeriod()).isPositive();
    assertThat(run.pastTombstonePeriod()).isPositive();

    // and a retention tombstone on the topic for each, none for what stays
    var tombstoned =
        RetentionFixtures.readFrom(eventsBefore).stream()
            .filter(record -> record.value() == null)
            .map(ConsumerRecord::key)
            .toList();
    assertThat(tombstoned)
        .contains(oldNuisance.eventId().value(), retracted.eventId().value())
        .doesNotContain(freshNuisance.eventId().value(), oldDealLine.eventId().value());

    // and the access log names each deletion, by the indexer, with the reason and the rule
    List<AuditEntry> audited = auditEntriesFrom(auditBefore);
    assertThat(audited)
        .allSatisfy(
            entry -> {
              assertThat(entry.action()).isEqualTo(AuditAction.RETENTION_DELETION);
              assertThat(entry.actor()).isEqualTo(auditLog.component());
              assertThat(entry.purpose()).contains("review period reached");
            });
    assertThat(naming(audited, oldNuisance.eventId()))
        .singleElement()
        .satisfies(
            entry -> {
              assertThat(entry.criteria())
                  .containsEntry("rule", "review-period")
                  .containsEntry("category", "ANTI_SOCIAL_BEHAVIOUR")
                  .containsEntry("policyVersion", Integer.toString(policy.version()));
              assertThat(entry.eventIds()).doesNotContain(freshNuisance.eventId());
            });
    assertThat(naming(audited, retracted.eventId()))
        .singleElement()
        .satisfies(entry -> assertThat(entry.criteria()).containsEntry("rule", "tombstone-period"));
    assertThat(naming(audited, freshNuisance.eventId())).isEmpty();
    assertThat(naming(audited, oldDealLine.eventId())).isEmpty();
  }

  @Test
  void monthsNoCategoryMayKeepAreDroppedWithEverythingInThem() throws Exception {
    // given: events of two months, and a moment at which even the longest period has passed both
    String batch = RetentionFixtures.batch();
    var nuisance = report(batch, 0, Category.ANTI_SOCIAL_BEHAVIOUR, at(year, 1, 10));
    var violence = report(batch, 1, Category.VIOLENCE, at(year, 3, 10));
    RetentionFixtures.publish(List.of(nuisance, violence));
    await()
        .atMost(PATIENCE)
        .ignoreExceptions()
        .until(() -> projected(nuisance.eventId()) && projected(violence.eventId()));
    int live = generations.current().live();
    String january = IntelligenceIndex.name(live, at(year, 1, 10));
    String march = IntelligenceIndex.name(live, at(year, 3, 10));
    Instant now = plus(at(year, 4, 1), longestPeriod());
    assertThat(policy.keptByNoCategoryBefore(now)).isEqualTo(at(year, 4, 1));
    double droppedBefore = meters.counter("crossline.retention.indices.dropped").count();
    TopicReader.Mark auditBefore = RetentionFixtures.endOf(Topics.AUDIT_LOG);

    // when
    RetentionRun run = retention.run(now);

    // then
    assertThat(run.droppedIndices()).contains(january, march);
    assertThat(indexExists(january)).isFalse();
    assertThat(indexExists(march)).isFalse();
    assertThat(copies(client, nuisance.eventId())).isEmpty();
    assertThat(copies(client, violence.eventId())).isEmpty();
    assertThat(meters.counter("crossline.retention.indices.dropped").count())
        .isGreaterThanOrEqualTo(droppedBefore + 2);
    List<AuditEntry> audited = auditEntriesFrom(auditBefore);
    assertThat(audited)
        .filteredOn(entry -> "index-dropped".equals(entry.criteria().get("rule")))
        .extracting(entry -> entry.criteria().get("index"))
        .contains(january, march);
    assertThat(naming(audited, nuisance.eventId()))
        .as("each event is audited once, though two passes of the run found it")
        .hasSize(1);
    assertThat(naming(audited, violence.eventId())).hasSize(1);
  }

  private boolean projected(EventId event) {
    try {
      return copies(client, event).size() == 1;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private boolean indexExists(String index) throws Exception {
    return client.indices().exists(e -> e.index(index)).value();
  }

  /** This instance's entries written since the offsets, after checking its chain is whole. */
  private List<AuditEntry> auditEntriesFrom(TopicReader.Mark offsets) {
    List<AuditEntry> entries =
        RetentionFixtures.readFrom(offsets).stream()
            .filter(record -> auditLog.chains().contains(record.key()))
            .map(record -> AuditJson.read(record.value()))
            .toList();
    assertThat(entries).isNotEmpty();
    return entries;
  }

  private static List<AuditEntry> naming(List<AuditEntry> entries, EventId event) {
    return entries.stream().filter(entry -> entry.eventIds().contains(event)).toList();
  }

  /** The period of the category kept longest, as the policy's own cutoffs rank them. */
  private Period longestPeriod() {
    Instant reference = at(year, 4, 1);
    return policy.reviewPeriods().entrySet().stream()
        .min(
            java.util.Comparator.comparing(entry -> policy.reviewCutoff(entry.getKey(), reference)))
        .orElseThrow()
        .getValue();
  }

  private static Instant plus(Instant instant, Period period) {
    return instant.atZone(ZoneOffset.UTC).plus(period).toInstant();
  }

  private static Instant at(int year, int month, int day) {
    return LocalDate.of(year, month, day).atStartOfDay(ZoneOffset.UTC).toInstant();
  }
}
