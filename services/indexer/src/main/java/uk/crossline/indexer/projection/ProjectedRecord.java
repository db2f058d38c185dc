package uk.crossline.indexer.projection;

import java.util.Optional;
import uk.crossline.model.event.EventId;
import uk.crossline.model.event.IntelligenceEvent;

/**
 * One record of a batch for the projection: an event, or the retention tombstone (no event) that
 * removes one.
 *
 * @param position where the record sits in the consumer's batch, to name it when it fails
 */
public record ProjectedRecord(int position, EventId eventId, Optional<IntelligenceEvent> event) {}
