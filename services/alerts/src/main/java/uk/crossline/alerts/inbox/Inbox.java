package uk.crossline.alerts.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import uk.crossline.alerts.AlertSettings;
import uk.crossline.kit.table.TopicTable;
import uk.crossline.model.Caller;
import uk.crossline.model.Role;
import uk.crossline.model.access.AccessPolicy;
import uk.crossline.model.access.AlertDetail;
import uk.crossline.model.event.EventId;

/**
 * Every alert and digest delivered, as the compacted alerts topic holds them, read by every
 * instance from the beginning. The entry point of this package for matching: which alerts exist
 * already (so a redelivered event alerts once), which subscriptions were first alerted to an event
 * (so they get its follow-ups), how many single alerts a subscription had this hour (its rate) and
 * which alerts wait for a digest.
 */
@Component
public class Inbox implements SmartLifecycle, HealthIndicator {

  private final Map<UUID, InboxEntry> byId = new ConcurrentHashMap<>();
  private final Map<EventId, Map<UUID, Alert>> firstAlerts = new ConcurrentHashMap<>();

  /** Held alerts by the digest they wait for, until that digest is delivered. */
  private final Map<UUID, Map<UUID, Alert>> held = new ConcurrentHashMap<>();

  /** Every alert's id by the event it is about, so the event's retention can remove them. */
  private final Map<EventId, Set<UUID>> byEvent = new ConcurrentHashMap<>();

  /** Single alerts (not held) by subscription and the clock hour they were delivered in. */
  private final Map<UUID, Map<Instant, Integer>> singlesByHour = new ConcurrentHashMap<>();

  private final TopicTable table;
  private final List<Listener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

  /**
   * Told of every alert and digest record as this instance reads the inbox topic, in the topic's
   * order, on the reader's thread (so it must return quickly and never block).
   */
  @FunctionalInterface
  public interface Listener {
    /**
     * @param first whether this is the first record of this id on this instance; a later one is a
     *     read mark, or the same entry delivered again by a second instance
     */
    void landed(InboxEntry entry, int partition, long offset, boolean first);

    /** The entry of this id left the inbox (its event's retention ended): forget it too. */
    default void forgotten(UUID alertId) {}
  }

  Inbox(KafkaProperties kafka, AlertSettings settings) {
    this.table =
        new TopicTable(
            kafka,
            settings.topics().inbox(),
            "crossline-alerts-inbox",
            settings.topicWait(),
            (TopicTable.PositionedApplier)
                (key, value, partition, offset) -> apply(AlertJson.read(value), partition, offset),
            this::remove);
  }

  /**
   * Adds a listener of alerts as they land. A listener added before this instance starts reading
   * (while beans are made) sees every alert from the beginning of the topic.
   */
  public void listen(Listener listener) {
    listeners.add(listener);
  }

  /** Whether the entry is this caller's: the inbox decides whose alerts are whose. */
  public static boolean isFor(InboxEntry entry, Caller caller) {
    return entry.recipientUserId().equals(caller.userId())
        && entry.recipientAgency().equals(caller.agency());
  }

  /**
   * Whether the entry is one its recipient is told of on its own: a digest, or an alert not held
   * for one (a held alert is told of through its digest).
   */
  public static boolean isToldOfAlone(InboxEntry entry) {
    return !(entry instanceof Alert alert && alert.heldFor().isPresent());
  }

  /**
   * Whether the caller may read alerts at all: the role, and an agreement that gives alerts (the
   * access policy decides).
   */
  public static boolean mayReadAlerts(Caller caller, AccessPolicy policy) {
    return caller.has(Role.SUBSCRIBE_ALERTS) && policy.alertDetail(caller) != AlertDetail.NONE;
  }

  /** The entry as its recipient reads it from the inbox API. */
  public static Map<String, Object> view(InboxEntry entry) {
    return InboxController.view(entry);
  }

  public boolean caughtUp() {
    return table.caughtUp();
  }

  /**
   * Waits until this instance holds every alert any instance had delivered when this was called:
   * what the previous owner of a partition of events delivered before handing it over.
   *
   * @return whether it does within the timeout
   */
  public boolean readUpToNow(Duration timeout) throws InterruptedException {
    return table.readUpToNow(timeout);
  }

  public boolean holds(UUID alertId) {
    return byId.containsKey(alertId);
  }

  /** The first alert each subscription got about this event, by subscription id. */
  public Map<UUID, Alert> firstAlertsAbout(EventId eventId) {
    return Map.copyOf(firstAlerts.getOrDefault(eventId, Map.of()));
  }

  /** How many single alerts (not held for a digest) the subscription had in this clock hour. */
  public int singleAlertsInHour(UUID subscriptionId, Instant hourStart) {
    return singlesByHour.getOrDefault(subscriptionId, Map.of()).getOrDefault(hourStart, 0);
  }

  /** The alerts held for digests due by this time that have not been delivered, by digest id. */
  public Map<UUID, List<Alert>> heldDueBy(Instant now) {
    Map<UUID, List<Alert>> due = new java.util.HashMap<>();
    held.forEach(
        (digestId, alerts) -> {
          List<Alert> ready =
              alerts.values().stream()
                  .filter(a -> !a.heldFor().orElseThrow().due().isAfter(now))
                  .toList();
          if (!ready.isEmpty() && !byId.containsKey(digestId)) {
            due.put(digestId, ready);
          }
        });
    return due;
  }

  /**
   * Removes every alert about the event from the inbox (a tombstone per alert on the topic), when
   * its retention ended: the hub keeps no copy of an event past it, and an alert is one. A digest
   * keeps only the ids of its alerts, which then lead nowhere.
   *
   * @throws TopicTable.UnavailableException when the tombstones were not written (or read back)
   */
  public void forget(EventId eventId) {
    Set<UUID> ids = Set.copyOf(byEvent.getOrDefault(eventId, Set.of()));
    table.publishAll(
        ids.stream()
            .map(
                id ->
                    (Map.Entry<String, byte[]>)
                        new java.util.AbstractMap.SimpleImmutableEntry<String, byte[]>(
                            id.toString(), null))
            .toList());
  }

  /** Whether any alert about the event is in the inbox. */
  public boolean holdsAlertsAbout(EventId eventId) {
    return !byEvent.getOrDefault(eventId, Set.of()).isEmpty();
  }

  /**
   * Delivers the entries in one transaction and returns once this instance has read them back.
   *
   * @throws TopicTable.UnavailableException when they were not delivered (or not read back)
   */
  public void deliver(List<? extends InboxEntry> entries) {
    table.publishAll(
        entries.stream()
            .map(entry -> Map.entry(entry.alertId().toString(), AlertJson.write(entry)))
            .toList());
  }

  List<InboxEntry> of(String userId) {
    return byId.values().stream().filter(a -> a.recipientUserId().equals(userId)).toList();
  }

  Optional<InboxEntry> get(UUID alertId) {
    return Optional.ofNullable(byId.get(alertId));
  }

  private void apply(InboxEntry entry, int partition, long offset) {
    InboxEntry before = byId.get(entry.alertId());
    boolean first = before == null;
    // The first record of an id is the entry; a later one counts only as its read mark (a second
    // instance that delivered the same alert at the same time may have decided its pacing apart).
    if (first || (before.readAt().isEmpty() && entry.readAt().isPresent())) {
      byId.put(entry.alertId(), first ? entry : before.markedRead(entry.readAt().orElseThrow()));
    }
    if (first) {
      switch (entry) {
        case Alert alert -> index(alert);
        case Digest digest -> held.remove(digest.alertId());
      }
    }
    for (Listener listener : listeners) {
      listener.landed(byId.get(entry.alertId()), partition, offset, first);
    }
  }

  private void remove(String key) {
    UUID id;
    try {
      id = UUID.fromString(key);
    } catch (IllegalArgumentException e) {
      return;
    }
    InboxEntry removed = byId.remove(id);
    if (removed instanceof Alert alert) {
      firstAlerts.computeIfPresent(
          alert.eventId(),
          (event, bySubscription) -> {
            bySubscription.remove(alert.subscriptionId(), alert);
            return bySubscription.isEmpty() ? null : bySubscription;
          });
      alert
          .heldFor()
          .ifPresent(
              h ->
                  held.computeIfPresent(
                      h.digestId(),
                      (digest, alerts) -> {
                        alerts.remove(id);
                        return alerts.isEmpty() ? null : alerts;
                      }));
      byEvent.computeIfPresent(
          alert.eventId(),
          (event, ids) -> {
            ids.remove(id);
            return ids.isEmpty() ? null : ids;
          });
    }
    if (removed != null) {
      listeners.forEach(listener -> listener.forgotten(id));
    }
  }

  private void index(Alert alert) {
    byEvent
        .computeIfAbsent(alert.eventId(), event -> ConcurrentHashMap.newKeySet())
        .add(alert.alertId());
    if (alert.kind() == Alert.Kind.NEW) {
      firstAlerts
          .computeIfAbsent(alert.eventId(), id -> new ConcurrentHashMap<>())
          .put(alert.subscriptionId(), alert);
    }
    alert
        .heldFor()
        .ifPresentOrElse(
            digest -> {
              if (!byId.containsKey(digest.digestId())) {
                held.computeIfAbsent(digest.digestId(), id -> new ConcurrentHashMap<>())
                    .put(alert.alertId(), alert);
              }
            },
            () ->
                singlesByHour
                    .computeIfAbsent(alert.subscriptionId(), id -> new ConcurrentHashMap<>())
                    .merge(
                        alert.deliveredAt().truncatedTo(java.time.temporal.ChronoUnit.HOURS),
                        1,
                        Integer::sum));
  }

  @Override
  public Health health() {
    return table.caughtUp()
        ? Health.up().withDetail("alerts", byId.size()).build()
        : Health.outOfService().withDetail("alerts", "catching up").build();
  }

  @Override
  public void start() {
    table.start();
  }

  @Override
  public void stop() {
    table.stop();
  }

  @Override
  public boolean isRunning() {
    return table.isRunning();
  }
}
