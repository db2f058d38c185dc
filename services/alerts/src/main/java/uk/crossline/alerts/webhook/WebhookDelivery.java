package uk.crossline.alerts.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import uk.crossline.model.event.EventId;

/**
 * One alert's (or digest's) delivery to a webhook, as the deliveries topic holds it under the alert
 * id: what is posted (the same bytes at every attempt, so the receiver sees one alert), how many
 * attempts failed and when the next is due, so whichever instance owns it after a restart carries
 * on.
 *
 * @param eventIds the events the alert discloses (one; a digest's many), for the access log
 * @param kind the alert's kind, for the access log
 * @param detail the detail the alert discloses, for the access log
 * @param body the JSON body posted, as the inbox shows the alert
 * @param attempts the attempts made so far
 * @param submittedAt when the event was submitted, for the submission-to-delivery latency
 * @param enqueuedAt when the alert was handed to delivery; give-up is counted from it
 * @param nextAttemptAt when the next attempt is due (for a pending delivery)
 * @param lastError the last failure, in words without the receiver's answer (never echoed)
 */
record WebhookDelivery(
    int schemaVersion,
    UUID alertId,
    UUID subscriptionId,
    List<EventId> eventIds,
    String kind,
    String detail,
    String body,
    Status status,
    int attempts,
    Instant submittedAt,
    Instant enqueuedAt,
    Instant nextAttemptAt,
    Optional<String> lastError,
    Optional<Instant> lastErrorAt,
    Optional<Instant> deliveredAt) {

  /** 2: {@code eventIds} (a digest discloses many events) where 1 had one {@code eventId}. */
  static final int CURRENT_SCHEMA_VERSION = 2;

  enum Status {
    PENDING,
    DELIVERED,
    GAVE_UP
  }

  WebhookDelivery {
    if (schemaVersion < 1 || schemaVersion > CURRENT_SCHEMA_VERSION) {
      throw new IllegalArgumentException("schemaVersion: not a version this code knows");
    }
    Objects.requireNonNull(alertId, "alertId");
    Objects.requireNonNull(subscriptionId, "subscriptionId");
    eventIds = List.copyOf(Objects.requireNonNull(eventIds, "eventIds"));
    if (eventIds.isEmpty()) {
      throw new IllegalArgumentException("eventIds: at least one");
    }
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(submittedAt, "submittedAt");
    Objects.requireNonNull(enqueuedAt, "enqueuedAt");
    Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
    lastError = Objects.requireNonNullElse(lastError, Optional.empty());
    lastErrorAt = Objects.requireNonNullElse(lastErrorAt, Optional.empty());
    deliveredAt = Objects.requireNonNullElse(deliveredAt, Optional.empty());
  }

  static WebhookDelivery pending(
      UUID alertId,
      UUID subscriptionId,
      List<EventId> eventIds,
      String kind,
      String detail,
      String body,
      Instant submittedAt,
      Instant now) {
    return new WebhookDelivery(
        CURRENT_SCHEMA_VERSION,
        alertId,
        subscriptionId,
        eventIds,
        kind,
        detail,
        body,
        Status.PENDING,
        0,
        submittedAt,
        now,
        now,
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  WebhookDelivery delivered(Instant now) {
    return with(
        Status.DELIVERED, attempts + 1, nextAttemptAt, lastError, lastErrorAt, Optional.of(now));
  }

  /** Failed once more: due again when the back-off says, or given up. */
  WebhookDelivery failed(String error, Instant now, Backoff backoff) {
    int failures = attempts + 1;
    Optional<Instant> next = backoff.next(failures, enqueuedAt, now);
    return with(
        next.isPresent() ? Status.PENDING : Status.GAVE_UP,
        failures,
        next.orElse(now),
        Optional.of(error),
        Optional.of(now),
        Optional.empty());
  }

  /** Given up without a further attempt (the subscription has no webhook any more). */
  WebhookDelivery abandoned(String reason, Instant now) {
    return with(
        Status.GAVE_UP, attempts, now, Optional.of(reason), Optional.of(now), Optional.empty());
  }

  /**
   * Whether this delivery settled (delivered, or given up) before the time: then it is only a
   * record of the past, which retention removes. A pending delivery never has.
   */
  boolean settledBefore(Instant time) {
    Optional<Instant> settledAt =
        switch (status) {
          case PENDING -> Optional.empty();
          case DELIVERED -> deliveredAt;
          case GAVE_UP -> lastErrorAt.or(() -> Optional.of(nextAttemptAt));
        };
    return settledAt.filter(at -> at.isBefore(time)).isPresent();
  }

  private WebhookDelivery with(
      Status status,
      int attempts,
      Instant nextAttemptAt,
      Optional<String> lastError,
      Optional<Instant> lastErrorAt,
      Optional<Instant> deliveredAt) {
    return new WebhookDelivery(
        schemaVersion,
        alertId,
        subscriptionId,
        eventIds,
        kind,
        detail,
        body,
        status,
        attempts,
        submittedAt,
        enqueuedAt,
        nextAttemptAt,
        lastError,
        lastErrorAt,
        deliveredAt);
  }
}
