package uk.crossline.model.accessrequest;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Who of the originating agency decided, when and why.
 *
 * @param decisionId this decision's own id: how the instance that published it knows whether it was
 *     the first on the topic
 * @param decidedBy the user name of the person who decided
 * @param reason why, in their words (kept for the originator and the audit, never shown to the
 *     requester: it may say something about the event)
 */
public record Decision(UUID decisionId, String decidedBy, Instant decidedAt, String reason) {

  public Decision {
    Objects.requireNonNull(decisionId, "decisionId");
    decidedBy = AccessRequestEvent.text("decidedBy", decidedBy, 200);
    Objects.requireNonNull(decidedAt, "decidedAt");
    reason = AccessRequestEvent.text("reason", reason, AccessRequest.MAX_TEXT);
  }
}
