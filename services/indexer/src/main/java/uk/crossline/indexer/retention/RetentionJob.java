package uk.crossline.indexer.retention;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import uk.crossline.indexer.projection.Generations;
import uk.crossline.kit.audit.AuditLog;
import uk.crossline.model.audit.AuditAction;
import uk.crossline.model.audit.AuditEntryDraft;
import uk.crossline.model.event.EventId;
import uk.crossline.model.policy.RetentionPolicy;
import uk.crossline.model.projection.IntelligenceIndex;
import uk.crossline.model.vocabulary.Category;

/**
 * Applies the retention policy to the projection and the topic.
 *
 * <p>A run, counting back from now: (1) for each category, the live events observed before now
 * minus its review period; (2) the tombstones of reports retracted before now minus the tombstone
 * period; (3) every document of a monthly index whose month ended before the earliest of the review
 * cutoffs, which no category may keep, and then the index itself. Each page of events is first
 * written to the access log, then tombstoned on the events topic: a deletion is never without its
 * entry, and if the run stops between the two the next run finds the same events and repeats both.
 * The indexer's stream deletes the documents; compaction removes the events from the topic.
 *
 * <p>Only closed months' indices are dropped, and never an index emptied earlier: another indexer
 * instance may still believe it exists and a late report for that month would then recreate it
 * outside the read alias. Whatever lands in a closed month is already past every review period and
 * is removed by the next run, index and all. No index is dropped while a rebuild is running. Runs
 * on several instances are harmless (a tombstone is idempotent); each instance's entries say what
 * it did.
 */
@Component
public class RetentionJob {

  /** The reason recorded with every deletion. */
  static final String PURPOSE = "review period reached";

  private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

  private final RetentionPolicy policy;
  private final ProjectionScan projection;
  private final RetentionTombstones tombstones;
  private final Generations generations;
  private final AuditLog auditLog;
  private final Clock clock;
  private final MeterRegistry meters;
  private final Counter droppedIndices;
  private final Timer runs;
  private final AtomicBoolean running = new AtomicBoolean();

  RetentionJob(
      RetentionPolicy policy,
      ProjectionScan projection,
      RetentionTombstones tombstones,
      Generations generations,
      AuditLog auditLog,
      Clock clock,
      MeterRegistry meters) {
    this.policy = policy;
    this.projection = projection;
    this.tombstones = tombstones;
    this.generations = generations;
    this.auditLog = auditLog;
    this.clock = clock;
    this.meters = meters;
    this.droppedIndices = meters.counter("crossline.retention.indices.dropped");
    this.runs = meters.timer("crossline.retention.runs");
  }

  /** Runs retention now, unless a run is already going on in this instance. */
  public RetentionRun run() {
    return run(clock.instant());
  }

  void runOnSchedule() {
    try {
      run();
    } catch (RuntimeException e) {
      meters.counter("crossline.retention.failures").increment();
      // The next run starts over: whatever this one tombstoned is gone, the rest is found again.
      log.warn("Retention run failed; the next run will carry on: {}", e.toString());
    }
  }

  /** Runs retention as if it were {@code now}. */
  RetentionRun run(Instant now) {
    if (!running.compareAndSet(false, true)) {
      log.info("Retention run skipped: one is already running in this instance");
      return new RetentionRun(now, 0, 0, 0, List.of());
    }
    try {
      return runs.record(() -> apply(now));
    } finally {
      running.set(false);
    }
  }

  private RetentionRun apply(Instant now) {
    Generations.State state = generations.current();
    int live = state.live();
    // The stream deletes documents a little later: an event this run already tombstoned may still
    // be found by a later pass of the same run, and is not audited or tombstoned twice.
    Set<EventId> tombstoned = new HashSet<>();
    long pastReviewPeriod = 0;
    for (Category category : Category.values()) {
      Instant cutoff = policy.reviewCutoff(category, now);
      AuditEntryDraft why =
          draft("review-period")
              .with("category", category.name())
              .with("reviewPeriod", policy.reviewPeriod(category).toString())
              .with("observedBefore", cutoff.toString());
      pastReviewPeriod +=
          expire(
              IntelligenceIndex.READ_ALIAS,
              ProjectionScan.activeObservedBefore(category, cutoff),
              why,
              tombstoned);
    }

    Instant tombstoneCutoff = policy.tombstoneCutoff(now);
    long pastTombstonePeriod =
        expire(
            IntelligenceIndex.READ_ALIAS,
            ProjectionScan.retractedBefore(tombstoneCutoff),
            draft("tombstone-period")
                .with("tombstonePeriod", policy.tombstones().toString())
                .with("retractedBefore", tombstoneCutoff.toString()),
            tombstoned);

    Instant keptByNone = policy.keptByNoCategoryBefore(now);
    long inClosedMonths = 0;
    List<String> dropped = new ArrayList<>();
    // A rebuild ends by moving the read alias off the live generation's indices: dropping one of
    // them meanwhile would fail that switch. Closed months wait for a run after the rebuild.
    List<IntelligenceIndex.Parsed> indices =
        state.building().isPresent() ? List.of() : projection.indicesOf(live);
    for (IntelligenceIndex.Parsed index : indices) {
      if (!isClosed(index.month(), keptByNone)) {
        continue;
      }
      String name = IntelligenceIndex.name(index.generation(), index.month());
      inClosedMonths +=
          expire(
              name,
              ProjectionScan.everything(),
              draft("month-closed")
                  .with("index", name)
                  .with("observedBefore", keptByNone.toString()),
              tombstoned);
      auditLog.record(draft("index-dropped").with("index", name));
      projection.drop(name);
      droppedIndices.increment();
      dropped.add(name);
    }
    if (!dropped.isEmpty()) {
      // So that this instance creates a dropped month's index again, in the alias, if it must.
      generations.forgetIndices();
    }
    var run = new RetentionRun(now, pastReviewPeriod, pastTombstonePeriod, inClosedMonths, dropped);
    log.info(
        "Retention run as of {}: {} events past their review period, {} retraction tombstones,"
            + " {} documents of closed months, {} indices dropped (policy version {})",
        now,
        pastReviewPeriod,
        pastTombstonePeriod,
        inClosedMonths,
        dropped.size(),
        policy.version());
    return run;
  }

  /** Whether every instant of the month is before the cutoff, so nothing in it may be kept. */
  static boolean isClosed(YearMonth month, Instant keptByNoneBefore) {
    Instant monthEnd = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    return !monthEnd.isAfter(keptByNoneBefore);
  }

  /** Audits, then tombstones, each page of the query's events; returns how many. */
  private long expire(String index, Query query, AuditEntryDraft why, Set<EventId> tombstoned) {
    String rule = why.criteria().get("rule");
    Counter expired = meters.counter("crossline.retention.events.expired", "rule", rule);
    AtomicLong count = new AtomicLong();
    projection.forEachPage(
        index,
        query,
        found -> {
          List<EventId> page = found.stream().filter(id -> !tombstoned.contains(id)).toList();
          if (page.isEmpty()) {
            return;
          }
          auditLog.record(why.withEventIds(page));
          tombstones.publish(page);
          tombstoned.addAll(page);
          expired.increment(page.size());
          count.addAndGet(page.size());
        });
    return count.get();
  }

  private AuditEntryDraft draft(String rule) {
    return AuditEntryDraft.bySystem(
            auditLog.component().component(), AuditAction.RETENTION_DELETION, PURPOSE)
        .with("rule", rule)
        .with("policyVersion", Integer.toString(policy.version()));
  }
}
