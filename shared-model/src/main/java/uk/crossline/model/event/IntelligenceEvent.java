package uk.crossline.model.event;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/**
 * An event on the intelligence topic, keyed by {@link #eventId()}: a report, its amendments and its
 * retraction share the id, so they stay in order on one partition.
 *
 * <p>{@link #revision()} grows with every event about the same id; the projection keeps the
 * highest, so an amendment arriving late never overwrites a newer one.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = IntelligenceReported.class, name = "REPORT"),
  @JsonSubTypes.Type(value = IntelligenceAmended.class, name = "AMENDMENT"),
  @JsonSubTypes.Type(value = IntelligenceRetracted.class, name = "RETRACTION")
})
public sealed interface IntelligenceEvent
    permits IntelligenceReported, IntelligenceAmended, IntelligenceRetracted {

  /** The schema version this code writes. */
  int CURRENT_SCHEMA_VERSION = 1;

  int schemaVersion();

  EventId eventId();

  EventKind kind();

  long revision();

  OriginatingAgency agency();

  Instant submittedAt();

  /** The keyed hash of the agency's own reference: only that agency's intake can compute it. */
  String originRefHash();
}
