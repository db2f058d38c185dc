package uk.crossline.alerts.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import uk.crossline.model.AgencyId;
import uk.crossline.model.event.EventId;
import uk.crossline.model.event.EventKind;

/**
 * One alert in one subscriber's inbox, keyed on the alerts topic by {@link #alertId}. The id is
 * derived from the subscription, the event and what happened to it, so matching the same event
 * again (a redelivered batch, a second instance) yields the same alert, delivered once.
 *
 * @param kind NEW: the first alert of this subscription about this event; FOLLOW_UP: the event was
 *     amended or retracted after that first alert
 * @param about what happened to the event: reported, amended or retracted
 * @param recipientUserId the subscriber's identity-provider subject id: only they read the alert
 * @param matchedRule the subscription's rule the event matched; empty for a follow-up whose event
 *     no longer reaches the subscriber
 * @param content the event at the detail the subscriber's agreement allows; empty when it no longer
 *     reaches them (retracted, or amended out of their reach)
 * @param notice what a follow-up says happened, in plain words
 * @param readAt when the recipient marked it read
 * @param heldFor the digest the alert waits for, when it is not delivered on its own; until that
 *     digest is delivered the subscriber does not see the alert
 */
public record Alert(
    int schemaVersion,
    UUID alertId,
    Kind kind,
    EventKind about,
    UUID subscriptionId,
    String subscriptionName,
    String recipientUserId,
    AgencyId recipientAgency,
    EventId eventId,
    long revision,
    Optional<MatchedRule> matchedRule,
    Optional<AlertContent> content,
    Optional<String> notice,
    Instant deliveredAt,
    Optional<Instant> readAt,
    Optional<HeldFor> heldFor)
    implements InboxEntry {

  public static final int CURRENT_SCHEMA_VERSION = 1;

  public enum Kind {
    NEW,
    FOLLOW_UP
  }

  public Alert {
    if (schemaVersion < 1 || schemaVersion > CURRENT_SCHEMA_VERSION) {
      throw new IllegalArgumentException("schemaVersion: not a version this code knows");
    }
    Objects.requireNonNull(alertId, "alertId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(about, "about");
    Objects.requireNonNull(subscriptionId, "subscriptionId");
    Objects.requireNonNull(subscriptionName, "subscriptionName");
    Objects.requireNonNull(recipientUserId, "recipientUserId");
    Objects.requireNonNull(recipientAgency, "recipientAgency");
    Objects.requireNonNull(eventId, "eventId");
    matchedRule = Objects.requireNonNullElse(matchedRule, Optional.empty());
    content = Objects.requireNonNullElse(content, Optional.empty());
    notice = Objects.requireNonNullElse(notice, Optional.empty());
    Objects.requireNonNull(deliveredAt, "deliveredAt");
    readAt = Objects.requireNonNullElse(readAt, Optional.empty());
    heldFor = Objects.requireNonNullElse(heldFor, Optional.empty());
  }

  /**
   * The stable id of an alert: the first alert of a subscription about an event is one whatever
   * revision brought it; each follow-up is one per revision.
   */
  public static UUID idFor(UUID subscriptionId, EventId eventId, Kind kind, long revision) {
    String name =
        "crossline-alert|"
            + subscriptionId
            + "|"
            + eventId.value()
            + "|"
            + (kind == Kind.NEW ? "NEW" : "FOLLOW_UP|" + revision);
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public Alert markedRead(Instant at) {
    return readAt.isPresent() ? this : with(Optional.of(at), heldFor);
  }

  /** This alert waiting for a digest instead of being delivered on its own. */
  public Alert heldFor(HeldFor digest) {
    return with(readAt, Optional.of(digest));
  }

  private Alert with(Optional<Instant> readAt, Optional<HeldFor> heldFor) {
    return new Alert(
        schemaVersion,
        alertId,
        kind,
        about,
        subscriptionId,
        subscriptionName,
        recipientUserId,
        recipientAgency,
        eventId,
        revision,
        matchedRule,
        content,
        notice,
        deliveredAt,
        readAt,
        heldFor);
  }
}
