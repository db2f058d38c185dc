package uk.crossline.alerts.digest;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Component;
import uk.crossline.alerts.inbox.Alert;
import uk.crossline.alerts.inbox.HeldFor;
import uk.crossline.alerts.inbox.Inbox;
import uk.crossline.model.subscription.DigestPeriod;
import uk.crossline.model.subscription.Subscription;

/**
 * Decides whether an alert is delivered on its own or held for a digest: held when its subscriber
 * asked for digests, or when its subscription already had its share of single alerts in this clock
 * hour (then the rest of the hour's alerts come in one digest at the end of the hour). The share is
 * counted from the inbox topic, so every instance and a restarted one count alike. The entry point
 * of this package for matching.
 */
@Component
public class Pacer {

  private final Inbox inbox;
  private final DigestSettings settings;

  Pacer(Inbox inbox, DigestSettings settings) {
    this.inbox = inbox;
    this.settings = settings;
  }

  /** The alert as it is to be delivered: on its own, or held for the digest it belongs to. */
  public Alert pace(Alert alert, Subscription subscription) {
    Instant at = alert.deliveredAt();
    var period = subscription.pacing().digest();
    if (period.isPresent()) {
      HeldFor.Reason reason =
          period.get() == DigestPeriod.HOURLY ? HeldFor.Reason.HOURLY : HeldFor.Reason.DAILY;
      return alert.heldFor(
          HeldFor.of(subscription.subscriptionId(), due(period.get(), at), reason));
    }
    Instant hour = at.truncatedTo(ChronoUnit.HOURS);
    if (inbox.singleAlertsInHour(subscription.subscriptionId(), hour)
        < subscription.pacing().maxAlertsPerHour()) {
      return alert;
    }
    return alert.heldFor(
        HeldFor.of(
            subscription.subscriptionId(),
            hour.plus(Duration.ofHours(1)),
            HeldFor.Reason.RATE_LIMIT));
  }

  /** When the digest of this period that an alert made at this time goes into is due. */
  Instant due(DigestPeriod period, Instant at) {
    return switch (period) {
      case HOURLY -> at.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
      case DAILY -> {
        ZonedDateTime local = at.atZone(settings.zone());
        ZonedDateTime today =
            local.toLocalDate().atTime(settings.dailyAt()).atZone(settings.zone());
        yield (local.isBefore(today) ? today : today.plusDays(1)).toInstant();
      }
    };
  }

  /** When the period of a digest due at this time began. */
  static Instant periodStart(HeldFor.Reason reason, Instant due, DigestSettings settings) {
    return reason == HeldFor.Reason.DAILY
        ? due.atZone(settings.zone()).minusDays(1).toInstant()
        : due.minus(Duration.ofHours(1));
  }
}
