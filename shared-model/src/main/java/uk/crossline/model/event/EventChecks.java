package uk.crossline.model.event;

import java.time.Instant;
import java.util.Objects;

/** The checks every event of the family makes on what it shares. */
final class EventChecks {

  static final int REASON_MAX_LENGTH = 1000;

  private EventChecks() {}

  static void header(
      int schemaVersion,
      EventId eventId,
      long revision,
      OriginatingAgency agency,
      Instant submittedAt,
      String originRefHash) {
    if (schemaVersion < 1 || schemaVersion > IntelligenceEvent.CURRENT_SCHEMA_VERSION) {
      throw new IllegalArgumentException(
          "schemaVersion: "
              + schemaVersion
              + " is not a version this code knows (1 to "
              + IntelligenceEvent.CURRENT_SCHEMA_VERSION
              + ")");
    }
    Objects.requireNonNull(eventId, "eventId");
    if (revision < 1) {
      throw new IllegalArgumentException("revision: must be positive");
    }
    Objects.requireNonNull(agency, "agency");
    Objects.requireNonNull(submittedAt, "submittedAt");
    Objects.requireNonNull(originRefHash, "originRefHash");
  }

  static String reason(String reason) {
    Objects.requireNonNull(reason, "reason");
    if (reason.isBlank()) {
      throw new IllegalArgumentException("reason: say why");
    }
    if (reason.length() > REASON_MAX_LENGTH) {
      throw new IllegalArgumentException("reason: at most " + REASON_MAX_LENGTH + " characters");
    }
    return reason.strip();
  }
}
