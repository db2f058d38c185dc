package uk.crossline.alerts.inbox;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import uk.crossline.model.AgencyId;

/**
 * One delivery of the alerts a subscription held back for it, grouped by area and category, so that
 * a burst or a subscriber's chosen period reads as one message. The alerts themselves stay in the
 * inbox under their own ids and are read through the digest.
 *
 * @param alertId the digest's id ({@link HeldFor#digestId}): the same on every instance, so a
 *     digest made twice is delivered once
 * @param kind always {@value #KIND}: what tells a digest from an alert on the topic
 * @param reason why its alerts were held back
 * @param from the start of the period the digest covers
 * @param to the end of the period: when the digest was due
 * @param groups the held alerts by area and category, largest group first
 */
public record Digest(
    int schemaVersion,
    UUID alertId,
    String kind,
    HeldFor.Reason reason,
    UUID subscriptionId,
    String subscriptionName,
    String recipientUserId,
    AgencyId recipientAgency,
    Instant from,
    Instant to,
    List<Group> groups,
    Instant deliveredAt,
    Optional<Instant> readAt)
    implements InboxEntry {

  public static final int CURRENT_SCHEMA_VERSION = 1;
  public static final String KIND = "DIGEST";

  /** The most alert ids a group lists; {@code ?digest=} lists them all. */
  public static final int IDS_LISTED = 50;

  /**
   * The held alerts about events in one area of one category.
   *
   * @param area the district the events lie in, or {@code unknown} when none of its alerts could
   *     tell (a retraction of an event the subscriber was never shown)
   * @param category the events' category, or {@code unknown} likewise
   * @param count how many alerts the group holds
   * @param alertIds the first {@value #IDS_LISTED} of them, oldest first (a burst of thousands
   *     would otherwise make one record larger than the broker takes)
   */
  public record Group(String area, String category, int count, List<UUID> alertIds) {
    public Group {
      Objects.requireNonNull(area, "groups.area");
      Objects.requireNonNull(category, "groups.category");
      alertIds = List.copyOf(Objects.requireNonNull(alertIds, "groups.alertIds"));
      if (count < alertIds.size() || alertIds.size() > IDS_LISTED) {
        throw new IllegalArgumentException(
            "groups.count: at least the ids listed, which are 50 at most");
      }
    }

    /** A group of these alerts, listing the first of them. */
    public static Group of(String area, String category, List<UUID> alertIds) {
      return new Group(
          area,
          category,
          alertIds.size(),
          alertIds.subList(0, Math.min(IDS_LISTED, alertIds.size())));
    }
  }

  public Digest {
    if (schemaVersion < 1 || schemaVersion > CURRENT_SCHEMA_VERSION) {
      throw new IllegalArgumentException("schemaVersion: not a version this code knows");
    }
    Objects.requireNonNull(alertId, "alertId");
    if (!KIND.equals(kind)) {
      throw new IllegalArgumentException("kind: " + KIND);
    }
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(subscriptionId, "subscriptionId");
    Objects.requireNonNull(subscriptionName, "subscriptionName");
    Objects.requireNonNull(recipientUserId, "recipientUserId");
    Objects.requireNonNull(recipientAgency, "recipientAgency");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    groups = List.copyOf(Objects.requireNonNull(groups, "groups"));
    Objects.requireNonNull(deliveredAt, "deliveredAt");
    readAt = Objects.requireNonNullElse(readAt, Optional.empty());
  }

  /** How many alerts the digest holds. */
  public int total() {
    return groups.stream().mapToInt(Group::count).sum();
  }

  @Override
  public Digest markedRead(Instant at) {
    return readAt.isPresent()
        ? this
        : new Digest(
            schemaVersion,
            alertId,
            kind,
            reason,
            subscriptionId,
            subscriptionName,
            recipientUserId,
            recipientAgency,
            from,
            to,
            groups,
            deliveredAt,
            Optional.of(at));
  }
}
