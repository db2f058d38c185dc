package uk.crossline.alerts.matching;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import uk.crossline.alerts.digest.Pacer;
import uk.crossline.alerts.inbox.Alert;
import uk.crossline.alerts.inbox.AlertContent;
import uk.crossline.alerts.inbox.Inbox;
import uk.crossline.alerts.inbox.MatchedRule;
import uk.crossline.alerts.subscription.Subscriptions;
import uk.crossline.model.Caller;
import uk.crossline.model.access.AccessPolicy;
import uk.crossline.model.access.AlertDetail;
import uk.crossline.model.access.EventAccess;
import uk.crossline.model.event.IntelligenceAmended;
import uk.crossline.model.event.IntelligenceEvent;
import uk.crossline.model.event.IntelligenceReport;
import uk.crossline.model.event.IntelligenceReported;
import uk.crossline.model.event.IntelligenceRetracted;
import uk.crossline.model.location.Gazetteer;
import uk.crossline.model.subscription.Subscription;

/**
 * The alerts one event brings: a first alert to each subscription whose rule it matches and whose
 * subscriber the policy lets it reach (never about the subscriber's own agency's submissions), and,
 * when it is amended or retracted, a follow-up to every subscription that had a first alert about
 * it, even one since ended: a person who was told of a report is told it changed or was withdrawn.
 * Alerts already delivered (same id) are left out; the rest are paced (delivered each, or held for
 * a digest).
 */
@Component
class Matching {

  static final String RETRACTED = "The report you were alerted to was retracted by its originator.";
  static final String AMENDED = "The report you were alerted to was amended by its originator.";
  static final String OUT_OF_REACH =
      "The report you were alerted to was amended and is no longer shared with you.";

  private final Subscriptions subscriptions;
  private final Inbox inbox;
  private final AccessPolicy policy;
  private final SubscriptionRule rule;
  private final Pacer pacer;

  Matching(
      Subscriptions subscriptions,
      Inbox inbox,
      AccessPolicy policy,
      Gazetteer gazetteer,
      Pacer pacer) {
    this.subscriptions = subscriptions;
    this.inbox = inbox;
    this.policy = policy;
    this.rule = new SubscriptionRule(gazetteer);
    this.pacer = pacer;
  }

  /** A delivery: the alert and the subscription it came from (whose purpose the log records). */
  record Delivery(Alert alert, Subscription subscription) {}

  List<Delivery> alertsFor(IntelligenceEvent event, Instant now) {
    Map<UUID, Alert> alerted = inbox.firstAlertsAbout(event.eventId());
    List<Delivery> deliveries = new ArrayList<>();
    // Follow-ups first, to whoever was alerted before.
    if (!(event instanceof IntelligenceReported)) {
      for (Alert first : alerted.values()) {
        subscriptions
            .find(first.subscriptionId())
            .flatMap(s -> followUp(s, first, event, now).map(alert -> new Delivery(alert, s)))
            .ifPresent(deliveries::add);
      }
    }
    Optional<IntelligenceReport> report =
        switch (event) {
          case IntelligenceReported reported -> Optional.of(reported.report());
          case IntelligenceAmended amended -> Optional.of(amended.report());
          case IntelligenceRetracted retracted -> Optional.empty();
        };
    if (report.isPresent()) {
      EventAccess access = EventAccess.of(event);
      for (Subscription subscription : subscriptions.live()) {
        Caller subscriber = subscription.subscriber();
        if (subscription.pacing().paused()
            || subscriber.agency().equals(event.agency().id())
            || alerted.containsKey(subscription.subscriptionId())
            || !policy.mayBeAlerted(subscriber, access)) {
          continue;
        }
        AlertDetail detail = policy.alertDetail(subscriber);
        rule.match(subscription, report.get(), detail)
            .map(
                matched ->
                    alert(
                        subscription,
                        event,
                        Alert.Kind.NEW,
                        Optional.of(matched),
                        Optional.of(content(event, report.get(), subscriber, detail)),
                        Optional.empty(),
                        now))
            .ifPresent(alert -> deliveries.add(new Delivery(alert, subscription)));
      }
    }
    return deliveries.stream()
        .filter(d -> !inbox.holds(d.alert().alertId()))
        .map(d -> new Delivery(pacer.pace(d.alert(), d.subscription()), d.subscription()))
        .toList();
  }

  private Optional<Alert> followUp(
      Subscription subscription, Alert first, IntelligenceEvent event, Instant now) {
    if (event.revision() <= first.revision()) {
      return Optional.empty(); // a redelivered or older revision than the one alerted
    }
    Caller subscriber = subscription.subscriber();
    return Optional.of(
        switch (event) {
          case IntelligenceRetracted retracted ->
              alert(
                  subscription,
                  event,
                  Alert.Kind.FOLLOW_UP,
                  Optional.empty(),
                  Optional.empty(),
                  Optional.of(RETRACTED),
                  now);
          case IntelligenceAmended amended
              when policy.mayBeAlerted(subscriber, EventAccess.of(event)) ->
              alert(
                  subscription,
                  event,
                  Alert.Kind.FOLLOW_UP,
                  first.matchedRule(),
                  Optional.of(
                      content(event, amended.report(), subscriber, policy.alertDetail(subscriber))),
                  Optional.of(AMENDED),
                  now);
          case IntelligenceAmended amended ->
              alert(
                  subscription,
                  event,
                  Alert.Kind.FOLLOW_UP,
                  Optional.empty(),
                  Optional.empty(),
                  Optional.of(OUT_OF_REACH),
                  now);
          case IntelligenceReported reported -> throw new IllegalStateException("not a change");
        });
  }

  private AlertContent content(
      IntelligenceEvent event, IntelligenceReport report, Caller subscriber, AlertDetail detail) {
    return AlertContents.of(
        event.agency().id(), event.submittedAt(), report, detail, policy.fieldsFor(subscriber));
  }

  private static Alert alert(
      Subscription subscription,
      IntelligenceEvent event,
      Alert.Kind kind,
      Optional<MatchedRule> matched,
      Optional<AlertContent> content,
      Optional<String> notice,
      Instant now) {
    return new Alert(
        Alert.CURRENT_SCHEMA_VERSION,
        Alert.idFor(subscription.subscriptionId(), event.eventId(), kind, event.revision()),
        kind,
        event.kind(),
        subscription.subscriptionId(),
        subscription.name(),
        subscription.subscriber().userId(),
        subscription.subscriber().agency(),
        event.eventId(),
        event.revision(),
        matched,
        content,
        notice,
        now,
        Optional.empty(),
        Optional.empty());
  }
}
