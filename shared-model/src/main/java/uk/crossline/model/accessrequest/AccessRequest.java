package uk.crossline.model.accessrequest;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import uk.crossline.model.AgencyId;
import uk.crossline.model.event.EventId;

/**
 * What an agency asked for: access to one event it may not see, whose existence a hit / no-hit
 * disclosed to it. Every event of the family carries the whole request, because the topic is
 * compacted by request id and only a request's latest event is kept.
 *
 * @param requestId the request's own id, the topic's key
 * @param askId what the requester asked for at once: every request made from one look-up's match
 *     reference shares it, so the requester is shown one ask however many hidden events matched
 * @param eventId the hidden event asked for
 * @param originator the agency that originated the event: it alone decides
 * @param requester the agency asking
 * @param requestedBy the user who asked, by user name, for the originator and the audit
 * @param justification why the requester needs the event, in the user's words
 */
public record AccessRequest(
    UUID requestId,
    UUID askId,
    EventId eventId,
    AgencyId originator,
    AgencyId requester,
    String requestedBy,
    String justification,
    Instant requestedAt) {

  /** The longest justification or reason the hub keeps. */
  public static final int MAX_TEXT = 500;

  public AccessRequest {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(askId, "askId");
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(originator, "originator");
    Objects.requireNonNull(requester, "requester");
    if (originator.equals(requester)) {
      throw new IllegalArgumentException("requester: an agency does not ask itself for access");
    }
    requestedBy = AccessRequestEvent.text("requestedBy", requestedBy, 200);
    justification = AccessRequestEvent.text("justification", justification, MAX_TEXT);
    Objects.requireNonNull(requestedAt, "requestedAt");
  }
}
