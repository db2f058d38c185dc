package uk.crossline.model.event;

import java.time.Instant;

/**
 * The originating agency withdrew what it reported: it leaves search at once, and a tombstone stays
 * for the audit.
 *
 * @param reason why, redacted like the summary
 */
public record IntelligenceRetracted(
    int schemaVersion,
    EventId eventId,
    long revision,
    OriginatingAgency agency,
    Instant submittedAt,
    String originRefHash,
    String reason)
    implements IntelligenceEvent {

  public IntelligenceRetracted {
    EventChecks.header(schemaVersion, eventId, revision, agency, submittedAt, originRefHash);
    reason = EventChecks.reason(reason);
  }

  @Override
  public EventKind kind() {
    return EventKind.RETRACTION;
  }
}
