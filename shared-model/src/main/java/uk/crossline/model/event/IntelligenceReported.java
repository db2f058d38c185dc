package uk.crossline.model.event;

import java.time.Instant;
import java.util.Objects;

/** An agency reported something it saw. */
public record IntelligenceReported(
    int schemaVersion,
    EventId eventId,
    long revision,
    OriginatingAgency agency,
    Instant submittedAt,
    String originRefHash,
    IntelligenceReport report)
    implements IntelligenceEvent {

  public IntelligenceReported {
    EventChecks.header(schemaVersion, eventId, revision, agency, submittedAt, originRefHash);
    Objects.requireNonNull(report, "report");
  }

  @Override
  public EventKind kind() {
    return EventKind.REPORT;
  }
}
