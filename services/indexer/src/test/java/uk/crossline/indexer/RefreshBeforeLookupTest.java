package uk.crossline.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uk.crossline.indexer.projection.IntelligenceProjection;
import uk.crossline.indexer.projection.ProjectedRecord;
import uk.crossline.model.event.IntelligenceEvent;
import uk.crossline.model.event.IntelligenceReported;

/**
 * The projection refreshes its indices before looking up a batch's current copies only when a
 * record of the batch may replace a copy written a moment ago: not for a batch of new reports.
 */
class RefreshBeforeLookupTest {

  private static final Instant OBSERVED = Instant.parse("2026-10-01T10:00:00Z");

  @Test
  void aBatchOfFirstRevisionsNeedsNoRefresh() {
    String batch = Events.batch();
    var records =
        List.of(
            record(0, Events.report(batch, 1, OBSERVED, "a")),
            record(1, Events.report(batch, 2, OBSERVED, "b")));

    assertThat(IntelligenceProjection.needsRefresh(records)).isFalse();
  }

  @Test
  void anAmendmentARetractionOrATombstoneNeedsOne() {
    String batch = Events.batch();
    IntelligenceReported report = Events.report(batch, 1, OBSERVED, "a");
    ProjectedRecord first = record(0, Events.report(batch, 2, OBSERVED, "b"));

    assertThat(
            IntelligenceProjection.needsRefresh(
                List.of(first, record(1, Events.amendment(report, 2, OBSERVED, "moved")))))
        .isTrue();
    assertThat(
            IntelligenceProjection.needsRefresh(
                List.of(first, record(1, Events.retraction(report, 3)))))
        .isTrue();
    assertThat(
            IntelligenceProjection.needsRefresh(
                List.of(first, new ProjectedRecord(1, report.eventId(), Optional.empty()))))
        .isTrue();
  }

  private static ProjectedRecord record(int position, IntelligenceEvent event) {
    return new ProjectedRecord(position, event.eventId(), Optional.of(event));
  }
}
