package uk.crossline.intake.submission;

import uk.crossline.model.event.EventId;
import uk.crossline.model.event.EventKind;

/**
 * The answer to a submission.
 *
 * @param revision the revision the event now has
 * @param duplicate the same content was already published: nothing new was sent
 */
public record SubmissionOutcome(
    EventId eventId, EventKind kind, long revision, boolean duplicate) {}
