package uk.crossline.alerts.digest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import uk.crossline.alerts.inbox.Alert;
import uk.crossline.alerts.inbox.AlertContent;
import uk.crossline.alerts.inbox.Digest;
import uk.crossline.alerts.inbox.HeldFor;
import uk.crossline.alerts.inbox.Inbox;
import uk.crossline.alerts.metrics.AlertMetrics;
import uk.crossline.alerts.subscription.Subscriptions;
import uk.crossline.alerts.webhook.WebhookDeliveries;
import uk.crossline.kit.audit.AuditLog;
import uk.crossline.model.audit.AuditAction;
import uk.crossline.model.audit.AuditEntryDraft;
import uk.crossline.model.event.EventId;

/**
 * Makes the digests that are due: every alert held for a digest whose time has come goes into it,
 * grouped by area and category, and the digest is logged as a disclosure, handed to the webhook
 * (for a webhook subscription) and delivered to the inbox (so the live stream shows it). A digest's
 * id is decided when its first alert is held, so an instance that makes it again after a crash, or
 * a second instance at the same moment, makes the same digest: delivered at least once, one id.
 */
@Component
class DigestRelease {

  private static final Logger log = LoggerFactory.getLogger(DigestRelease.class);

  /** Event ids per access-log record when a digest discloses many events. */
  private static final int AUDIT_PART = 500;

  static final String UNKNOWN = "unknown";

  private final Inbox inbox;
  private final Subscriptions subscriptions;
  private final WebhookDeliveries webhooks;
  private final AuditLog audit;
  private final AlertMetrics metrics;
  private final DigestSettings settings;
  private final Clock clock = Clock.systemUTC();

  DigestRelease(
      Inbox inbox,
      Subscriptions subscriptions,
      WebhookDeliveries webhooks,
      AuditLog audit,
      AlertMetrics metrics,
      DigestSettings settings) {
    this.inbox = inbox;
    this.subscriptions = subscriptions;
    this.webhooks = webhooks;
    this.audit = audit;
    this.metrics = metrics;
    this.settings = settings;
  }

  @Scheduled(
      fixedDelayString = "${crossline.alerts.digest.tick:15s}",
      initialDelayString = "${crossline.alerts.digest.tick:15s}")
  void tick() {
    try {
      release(clock.instant());
    } catch (RuntimeException e) {
      // Still held on the topic: made at the next tick.
      log.warn("Digests not made this time: {}", e.toString());
    }
  }

  /**
   * Makes and delivers every digest due by this time, and returns them (none while this instance is
   * still reading its topics).
   */
  List<Digest> release(Instant now) {
    if (!inbox.caughtUp() || !subscriptions.caughtUp() || !webhooks.caughtUp()) {
      return List.of();
    }
    List<Digest> made = new ArrayList<>();
    inbox
        .heldDueBy(now.minus(settings.grace()))
        .forEach(
            (digestId, alerts) -> {
              List<Alert> held =
                  alerts.stream()
                      .sorted(
                          Comparator.comparing(Alert::deliveredAt)
                              .thenComparing(a -> a.alertId().toString()))
                      .toList();
              // One digest that cannot go out now does not hold back the others.
              try {
                Digest digest = digest(digestId, held, now);
                audited(digest, held);
                webhooks.enqueue(digest, held, earliestSubmission(held));
                inbox.deliver(List.of(digest));
                metrics.digest();
                made.add(digest);
              } catch (RuntimeException e) {
                log.warn("Digest {} not made this time: {}", digestId, e.toString());
              }
            });
    return made;
  }

  private Digest digest(UUID digestId, List<Alert> held, Instant now) {
    Alert first = held.getFirst();
    HeldFor heldFor = first.heldFor().orElseThrow();
    Map<List<String>, List<UUID>> groups = new LinkedHashMap<>();
    for (Alert alert : held) {
      groups.computeIfAbsent(areaAndCategory(alert), key -> new ArrayList<>()).add(alert.alertId());
    }
    List<Digest.Group> grouped =
        groups.entrySet().stream()
            .map(e -> Digest.Group.of(e.getKey().get(0), e.getKey().get(1), e.getValue()))
            .sorted(
                Comparator.comparing((Digest.Group g) -> -g.count())
                    .thenComparing(Digest.Group::area)
                    .thenComparing(Digest.Group::category))
            .toList();
    return new Digest(
        Digest.CURRENT_SCHEMA_VERSION,
        digestId,
        Digest.KIND,
        heldFor.reason(),
        first.subscriptionId(),
        first.subscriptionName(),
        first.recipientUserId(),
        first.recipientAgency(),
        Pacer.periodStart(heldFor.reason(), heldFor.due(), settings),
        heldFor.due(),
        grouped,
        now,
        Optional.empty());
  }

  /**
   * The district and category the alert tells of; for a follow-up that tells neither (a
   * retraction), those of the first alert about its event.
   */
  private List<String> areaAndCategory(Alert alert) {
    Optional<AlertContent> content =
        alert
            .content()
            .or(
                () ->
                    Optional.ofNullable(
                            inbox.firstAlertsAbout(alert.eventId()).get(alert.subscriptionId()))
                        .flatMap(Alert::content));
    return content
        .map(c -> List.of(c.district(), c.category().name()))
        .orElse(List.of(UNKNOWN, UNKNOWN));
  }

  private void audited(Digest digest, List<Alert> held) {
    String purpose =
        subscriptions
            .find(digest.subscriptionId())
            .map(s -> s.purpose())
            .orElse("Alerts subscription " + digest.subscriptionId());
    String username =
        subscriptions
            .find(digest.subscriptionId())
            .map(s -> s.subscriber().username())
            .orElse(UNKNOWN);
    List<EventId> events = held.stream().map(Alert::eventId).distinct().toList();
    audit.recordInParts(
        new AuditEntryDraft(
            audit.component(),
            AuditAction.ALERT_DELIVERY,
            Optional.of(purpose),
            Map.of(
                "alertId", digest.alertId().toString(),
                "kind", Digest.KIND,
                "reason", digest.reason().name(),
                "alerts", Integer.toString(digest.total()),
                "subscriptionId", digest.subscriptionId().toString(),
                "recipient.username", username,
                "recipient.agency", digest.recipientAgency().value()),
            events),
        AUDIT_PART);
  }

  private static Instant earliestSubmission(List<Alert> held) {
    return held.stream()
        .map(
            a ->
                a.content()
                    .flatMap(c -> c.full())
                    .map(f -> f.submittedAt())
                    .orElse(a.deliveredAt()))
        .min(Comparator.naturalOrder())
        .orElseThrow();
  }
}
