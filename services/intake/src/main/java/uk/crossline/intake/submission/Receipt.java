package uk.crossline.intake.submission;

import uk.crossline.model.AgencyId;
import uk.crossline.model.event.EventId;

/**
 * What an intake published last for an event, kept on the compacted receipts topic.
 *
 * @param originRefHash the keyed hash of the agency's reference, which every later event repeats
 * @param fingerprint the digest of the report's current content (empty once retracted)
 */
record Receipt(
    EventId eventId,
    AgencyId agency,
    long revision,
    String originRefHash,
    String fingerprint,
    boolean retracted) {}
