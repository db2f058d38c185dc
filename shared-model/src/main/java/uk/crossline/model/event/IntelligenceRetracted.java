package uk.crossline.model.event;

import java.time.Instant;
import java.util.Objects;
import uk.crossline.model.vocabulary.RetractionReason;

/**
 * The originating agency withdrew what it reported: it leaves search at once, and a tombstone stays
 * for the audit.
 *
 * @param reason why, as a code
 */
public record IntelligenceRetracted(
    int schemaVersion,
    EventId eventId,
    long revision,
    OriginatingAgency agency,
    Instant submittedAt,
    String originRefHash,
    RetractionReason reason)
    implements IntelligenceEvent {

  public IntelligenceRetracted {
    EventChecks.header(schemaVersion, eventId, revision, agency, submittedAt, originRefHash);
    Objects.requireNonNull(reason, "reason");
  }

  @Override
  public EventKind kind() {
    return EventKind.RETRACTION;
  }
}
