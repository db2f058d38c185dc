package uk.crossline.alerts.subscription;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.crossline.alerts.WebhookSettings;
import uk.crossline.kit.audit.AuditLog;
import uk.crossline.kit.problem.FieldProblem;
import uk.crossline.kit.problem.ProblemException;
import uk.crossline.model.Caller;
import uk.crossline.model.Role;
import uk.crossline.model.access.AccessPolicy;
import uk.crossline.model.access.AlertDetail;
import uk.crossline.model.audit.AuditAction;
import uk.crossline.model.audit.AuditEntryDraft;
import uk.crossline.model.location.Gazetteer;
import uk.crossline.model.subscription.Area;
import uk.crossline.model.subscription.Channel;
import uk.crossline.model.subscription.Subscription;
import uk.crossline.model.subscription.SubscriptionChanged;
import uk.crossline.model.subscription.SubscriptionEnded;
import uk.crossline.model.subscription.SubscriptionEvent;
import uk.crossline.model.subscription.SubscriptionStarted;
import uk.crossline.model.subscription.Webhook;

/**
 * Subscriptions of the caller's agency: its people see each other's (so a team knows what it hears
 * about); only the person who subscribed changes or ends one, since the alerts are theirs. Another
 * agency's subscription is not found, whatever its id.
 */
@RestController
class SubscriptionController {

  private static final String PATH = "/api/v1/subscriptions";
  private static final String ROTATION_PURPOSE = "Rotated the webhook's signing secret";

  private final Subscriptions subscriptions;
  private final AccessPolicy policy;
  private final Gazetteer gazetteer;
  private final AuditLog audit;
  private final WebhookSettings webhookSettings;
  private final ObjectProvider<DeliveryStatus> deliveryStatus;
  private final Clock clock = Clock.systemUTC();
  private final SecureRandom random = new SecureRandom();

  SubscriptionController(
      Subscriptions subscriptions,
      AccessPolicy policy,
      Gazetteer gazetteer,
      AuditLog audit,
      WebhookSettings webhookSettings,
      ObjectProvider<DeliveryStatus> deliveryStatus) {
    this.subscriptions = subscriptions;
    this.policy = policy;
    this.gazetteer = gazetteer;
    this.audit = audit;
    this.webhookSettings = webhookSettings;
    this.deliveryStatus = deliveryStatus;
  }

  @PostMapping(PATH)
  @Operation(
      summary = "Subscribe to alerts",
      description =
          "Body: {name, purpose (5 to 500 characters, logged with every delivery), areas: [{type:"
              + " DISTRICT, district} | {type: OUTWARD, outward} | {type: RADIUS, lat, lon, km}],"
              + " categories (any when left out), indicators (at least one of them; any when left"
              + " out), minimumGrading {source: 1-3, intelligence: A-E, includeUngraded} (only for"
              + " callers who see grading detail), channel: INBOX | WEBHOOK, webhook: {url} (https;"
              + " with channel WEBHOOK only), digest: HOURLY | DAILY (digests instead of single"
              + " alerts), maxAlertsPerHour (1 to 10000, default 20: single alerts an hour before"
              + " the rest of the hour's come in one digest), paused (true: no new alerts until"
              + " set false by a PUT)}. A subscriber whose agency gets district-detail"
              + " alerts subscribes by district, without indicators. 201 with the subscription;"
              + " for a webhook, webhook.secret (the signing secret) is in this answer only.")
  ResponseEntity<Map<String, Object>> create(Caller caller, @RequestBody Map<String, Object> body) {
    requireMayBeAlerted(caller);
    SubscriptionForm form = read(body, caller);
    Instant now = clock.instant();
    Subscription subscription =
        toSubscription(UUID.randomUUID(), caller, form, now, now, Optional.empty());
    change(caller, SubscriptionStarted.of(subscription), subscription.purpose());
    return ResponseEntity.created(URI.create(PATH + "/" + subscription.subscriptionId()))
        .body(withSecret(view(subscription), subscription));
  }

  @GetMapping(PATH)
  @Operation(
      summary = "List your agency's subscriptions",
      description = "The live subscriptions of your agency, newest first: {subscriptions: [...]}.")
  Map<String, Object> list(Caller caller, @RequestParam Map<String, String> parameters) {
    requireMayBeAlerted(caller);
    noParameters(parameters);
    return Map.of(
        "subscriptions",
        subscriptions.all().stream()
            .filter(e -> !e.ended())
            .map(Subscriptions.Entry::subscription)
            .filter(s -> s.subscriber().agency().equals(caller.agency()))
            .sorted(Comparator.comparing(Subscription::createdAt).reversed())
            .map(this::view)
            .toList());
  }

  @GetMapping(PATH + "/{subscriptionId}")
  @Operation(
      summary = "One live subscription of your agency",
      description =
          "For a webhook: webhook.url (never the secret) and delivery {status: OK | FAILING |"
              + " GAVE_UP, pending, delivered, gaveUp, lastError, lastErrorAt, failedAlerts: the"
              + " ids of alerts given up, still in the inbox}.")
  Map<String, Object> get(
      Caller caller,
      @PathVariable String subscriptionId,
      @RequestParam Map<String, String> parameters) {
    requireMayBeAlerted(caller);
    noParameters(parameters);
    return view(ofAgency(caller, subscriptionId));
  }

  @PutMapping(PATH + "/{subscriptionId}")
  @Operation(
      summary = "Replace one of your subscriptions",
      description =
          "The body as for creating one; the whole subscription is replaced. A webhook keeps its"
              + " signing secret (its URL may change); a subscription that becomes a webhook gets"
              + " one, shown in this answer only.")
  Map<String, Object> replace(
      Caller caller, @PathVariable String subscriptionId, @RequestBody Map<String, Object> body) {
    requireMayBeAlerted(caller);
    Subscription current = owned(caller, subscriptionId);
    SubscriptionForm form = read(body, caller);
    Subscription replaced =
        toSubscription(
            current.subscriptionId(),
            caller,
            form,
            current.createdAt(),
            clock.instant(),
            current.webhook());
    change(caller, SubscriptionChanged.of(replaced), replaced.purpose());
    return current.webhook().isPresent() ? view(replaced) : withSecret(view(replaced), replaced);
  }

  @DeleteMapping(PATH + "/{subscriptionId}")
  @Operation(
      summary = "End one of your subscriptions",
      description = "No new alerts come from it; those delivered stay in your inbox. 204.")
  ResponseEntity<Void> end(
      Caller caller,
      @PathVariable String subscriptionId,
      @RequestParam Map<String, String> parameters) {
    requireMayBeAlerted(caller);
    noParameters(parameters);
    Subscription current = owned(caller, subscriptionId);
    change(
        caller,
        SubscriptionEnded.of(current, clock.instant(), caller.username()),
        "Ended the subscription");
    return ResponseEntity.noContent().build();
  }

  @PostMapping(PATH + "/{subscriptionId}/webhook/secret")
  @Operation(
      summary = "Rotate your webhook's signing secret",
      description =
          "Makes a new secret, shown in this answer only (webhook.secret). Until"
              + " webhook.previousSecretExpiresAt each POST is signed by both secrets"
              + " (Crossline-Signature: v1=<new>,v1=<old>), so the receiver can switch at any"
              + " moment; after it, by the new one only. Optional body {expireCurrentAfter: ISO-8601"
              + " duration, PT0S to the hub's overlap (24h by default)}: PT0S ends the current"
              + " secret at once (it leaked). A secret replaced by an earlier rotation stops being"
              + " signed with now. Owner only; 404 for a subscription without a webhook.")
  Map<String, Object> rotateSecret(
      Caller caller,
      @PathVariable String subscriptionId,
      @RequestBody(required = false) Map<String, Object> body) {
    requireMayBeAlerted(caller);
    Subscription current = owned(caller, subscriptionId);
    Webhook webhook =
        current
            .webhook()
            .orElseThrow(
                () ->
                    new ProblemException(
                        HttpStatus.NOT_FOUND,
                        "Not found",
                        "This subscription has no webhook.",
                        List.of()));
    SecretRotationForm form = SecretRotationForm.read(body, webhookSettings.secretOverlap());
    Instant now = clock.instant();
    Webhook rotated =
        webhook.rotated(newSecret(), now, form.expireCurrentAfter(), caller.username());
    Subscription changed = current.withWebhook(rotated, now);
    Webhook.Rotation rotation = rotated.rotation().orElseThrow();
    // Audited first, as every change; what is recorded is when the old secret dies, never a secret.
    audit.record(
        AuditEntryDraft.by(caller, AuditAction.SUBSCRIPTION_CHANGE, ROTATION_PURPOSE)
            .with("subscriptionId", changed.subscriptionId().toString())
            .with("change", "WEBHOOK_SECRET_ROTATED")
            .with("webhook", rotated.url().toString())
            .with("previousSecretExpiresAt", rotation.previousExpiresAt().toString()));
    subscriptions.publish(SubscriptionChanged.of(changed));
    Map<String, Object> view = view(changed);
    Map<String, Object> shown = new LinkedHashMap<>(webhookView(rotated, now));
    shown.put("secret", rotated.secret());
    // Said even when it is now (PT0S), so the subscriber reads what they asked for.
    shown.put("previousSecretExpiresAt", rotation.previousExpiresAt().toString());
    view.put("webhook", shown);
    return view;
  }

  /** Audited first: a change nobody can account for is not made. */
  private void change(Caller caller, SubscriptionEvent event, String purpose) {
    Subscription s = event.subscription();
    audit.record(
        AuditEntryDraft.by(caller, AuditAction.SUBSCRIPTION_CHANGE, purpose)
            .with("subscriptionId", s.subscriptionId().toString())
            .with(
                "change",
                switch (event) {
                  case SubscriptionStarted started -> "STARTED";
                  case SubscriptionChanged changed -> "CHANGED";
                  case SubscriptionEnded ended -> "ENDED";
                })
            .with("areas", s.areas().stream().map(Area::describe).collect(Collectors.joining("; ")))
            .with("categories", s.categories().isEmpty() ? "any" : s.categories().toString())
            .with("indicators", s.indicators().isEmpty() ? "any" : s.indicators().toString())
            .with(
                "minimumGrading",
                s.minimumGrading()
                    .map(g -> g.code() + (g.includeUngraded() ? " or ungraded" : ""))
                    .orElse("any"))
            // Where its alerts will be disclosed; never the secret.
            .with("channel", s.channel().name())
            .with("webhook", s.webhook().map(w -> w.url().toString()).orElse("none"))
            .with("digest", s.pacing().digest().map(Enum::name).orElse("none"))
            .with("maxAlertsPerHour", Integer.toString(s.pacing().maxAlertsPerHour()))
            .with("paused", Boolean.toString(s.pacing().paused())));
    subscriptions.publish(event);
  }

  private SubscriptionForm read(Map<String, Object> body, Caller caller) {
    return SubscriptionForm.read(
        body, gazetteer, allowed(caller), webhookSettings.allowLocalHttp());
  }

  /**
   * @param current the webhook whose secrets to keep (with a rotation's overlap); a new secret is
   *     made when there is none
   */
  private Subscription toSubscription(
      UUID id,
      Caller caller,
      SubscriptionForm form,
      Instant createdAt,
      Instant changedAt,
      Optional<Webhook> current) {
    Optional<Webhook> webhook =
        form.webhookUrl()
            .map(
                url ->
                    current
                        .map(w -> w.at(url, changedAt))
                        .orElseGet(() -> new Webhook(url, newSecret())));
    return new Subscription(
        id,
        caller,
        form.name(),
        form.purpose(),
        form.areas(),
        form.categories(),
        form.indicators(),
        form.minimumGrading(),
        form.channel(),
        createdAt,
        changedAt,
        webhook,
        form.pacing());
  }

  /** 256 random bits, in a form that says what it is when found pasted somewhere. */
  private String newSecret() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static Map<String, Object> withSecret(Map<String, Object> view, Subscription s) {
    s.webhook()
        .ifPresent(
            w -> view.put("webhook", Map.of("url", w.url().toString(), "secret", w.secret())));
    return view;
  }

  private SubscriptionForm.Allowed allowed(Caller caller) {
    return new SubscriptionForm.Allowed(
        policy.alertDetail(caller), policy.fieldsFor(caller).gradingDetail());
  }

  private void requireMayBeAlerted(Caller caller) {
    if (!caller.has(Role.SUBSCRIBE_ALERTS) || policy.alertDetail(caller) == AlertDetail.NONE) {
      throw new ProblemException(
          HttpStatus.FORBIDDEN,
          "Forbidden",
          "Your agency's agreement or your role does not include alerts.",
          List.of());
    }
  }

  private Subscription ofAgency(Caller caller, String id) {
    return parse(id)
        .flatMap(subscriptions::get)
        .filter(e -> !e.ended())
        .map(Subscriptions.Entry::subscription)
        .filter(s -> s.subscriber().agency().equals(caller.agency()))
        .orElseThrow(
            () ->
                new ProblemException(
                    HttpStatus.NOT_FOUND,
                    "Not found",
                    "Your agency has no live subscription with this id.",
                    List.of()));
  }

  private Subscription owned(Caller caller, String id) {
    Subscription subscription = ofAgency(caller, id);
    if (!subscription.subscriber().userId().equals(caller.userId())) {
      throw new ProblemException(
          HttpStatus.FORBIDDEN,
          "Forbidden",
          "Only the person who subscribed changes or ends a subscription.",
          List.of());
    }
    return subscription;
  }

  private static Optional<UUID> parse(String id) {
    try {
      return Optional.of(UUID.fromString(id));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static void noParameters(Map<String, String> parameters) {
    if (!parameters.isEmpty()) {
      throw ProblemException.invalid(
          parameters.keySet().stream()
              .sorted()
              .map(name -> new FieldProblem(name, "not a parameter of this endpoint"))
              .toList());
    }
  }

  Map<String, Object> view(Subscription s) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("subscriptionId", s.subscriptionId().toString());
    view.put("name", s.name());
    view.put("purpose", s.purpose());
    view.put("subscriber", s.subscriber().username());
    view.put("agency", s.subscriber().agency().value());
    view.put("areas", s.areas().stream().map(SubscriptionController::area).toList());
    view.put("categories", s.categories().stream().map(Enum::name).toList());
    view.put("indicators", s.indicators().stream().map(Enum::name).toList());
    s.minimumGrading()
        .ifPresent(
            g ->
                view.put(
                    "minimumGrading",
                    Map.of(
                        "source", g.source().code(),
                        "intelligence", g.intelligence().name(),
                        "includeUngraded", g.includeUngraded())));
    view.put("channel", s.channel().name());
    s.webhook().ifPresent(w -> view.put("webhook", webhookView(w, clock.instant())));
    s.pacing().digest().ifPresent(period -> view.put("digest", period.name()));
    if (s.pacing().digest().isEmpty()) {
      view.put("maxAlertsPerHour", s.pacing().maxAlertsPerHour());
    }
    view.put("paused", s.pacing().paused());
    if (s.channel() == Channel.WEBHOOK) {
      deliveryStatus.ifAvailable(
          status -> status.of(s.subscriptionId()).ifPresent(d -> view.put("delivery", d)));
    }
    view.put("createdAt", s.createdAt().toString());
    view.put("changedAt", s.changedAt().toString());
    return view;
  }

  /** Never a secret: when it was last rotated, and until when the replaced one is signed with. */
  private static Map<String, Object> webhookView(Webhook webhook, Instant now) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("url", webhook.url().toString());
    webhook
        .rotation()
        .ifPresent(
            r -> {
              view.put("secretRotatedAt", r.rotatedAt().toString());
              if (r.overlapping(now)) {
                view.put("previousSecretExpiresAt", r.previousExpiresAt().toString());
              }
            });
    return view;
  }

  private static Map<String, Object> area(Area area) {
    return switch (area) {
      case Area.District d -> Map.of("type", "DISTRICT", "district", d.district());
      case Area.Outward o -> Map.of("type", "OUTWARD", "outward", o.outward());
      case Area.Radius r ->
          Map.of("type", "RADIUS", "lat", r.centre().lat(), "lon", r.centre().lon(), "km", r.km());
    };
  }
}
