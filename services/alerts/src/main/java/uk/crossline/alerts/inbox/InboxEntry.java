package uk.crossline.alerts.inbox;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import uk.crossline.model.AgencyId;

/**
 * What one subscriber's inbox holds under one id: an alert about one event, or a digest of several
 * alerts. Both are keyed on the alerts topic by {@link #alertId}, marked read, streamed and posted
 * to webhooks alike, so a subscriber de-duplicates both by that id.
 */
public sealed interface InboxEntry permits Alert, Digest {

  UUID alertId();

  UUID subscriptionId();

  String subscriptionName();

  /** The subscriber's identity-provider subject id: only they read the entry. */
  String recipientUserId();

  AgencyId recipientAgency();

  Instant deliveredAt();

  Optional<Instant> readAt();

  /** This entry marked read at this time (the first mark counts). */
  InboxEntry markedRead(Instant at);
}
