package uk.crossline.indexer.retention;

import java.time.Instant;
import java.util.List;

/**
 * What one run of the retention job did.
 *
 * @param now the instant the periods were counted back from
 * @param pastReviewPeriod live events tombstoned because their category's review period was reached
 * @param pastTombstonePeriod tombstones of retracted reports removed after their own period
 * @param inClosedMonths documents of months no category may keep any more, tombstoned with their
 *     index
 * @param droppedIndices the monthly indices deleted
 */
public record RetentionRun(
    Instant now,
    long pastReviewPeriod,
    long pastTombstonePeriod,
    long inClosedMonths,
    List<String> droppedIndices) {

  public RetentionRun {
    droppedIndices = List.copyOf(droppedIndices);
  }

  public long eventsExpired() {
    return pastReviewPeriod + pastTombstonePeriod + inClosedMonths;
  }
}
