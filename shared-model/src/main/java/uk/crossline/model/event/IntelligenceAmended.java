package uk.crossline.model.event;

import java.time.Instant;
import java.util.Objects;

/**
 * The originating agency replaced what it reported: {@link #report()} is the whole new content.
 *
 * @param reason why it changed, redacted like the summary
 */
public record IntelligenceAmended(
    int schemaVersion,
    EventId eventId,
    long revision,
    OriginatingAgency agency,
    Instant submittedAt,
    String originRefHash,
    IntelligenceReport report,
    String reason)
    implements IntelligenceEvent {

  public IntelligenceAmended {
    EventChecks.header(schemaVersion, eventId, revision, agency, submittedAt, originRefHash);
    Objects.requireNonNull(report, "report");
    reason = EventChecks.reason(reason);
  }

  @Override
  public EventKind kind() {
    return EventKind.AMENDMENT;
  }
}
