package uk.crossline.model.subscription;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import uk.crossline.model.Caller;
import uk.crossline.model.vocabulary.Category;
import uk.crossline.model.vocabulary.Indicator;

/**
 * What one person asked to be alerted to, for their agency. An event matches when it lies in one of
 * the areas, is of one of the categories (any when empty), carries at least one of the indicators
 * (any when empty) and is graded at least {@link #minimumGrading} (when set).
 *
 * @param subscriber the person, their agency and roles as their token said when they subscribed:
 *     alerts are decided for them by the access policy as they were then
 * @param name the subscriber's own label, for their inbox
 * @param purpose why the subscriber wants these alerts, in their words: the purpose of every
 *     delivery in the access log
 * @param webhook where alerts are posted, for {@link Channel#WEBHOOK} only
 * @param pacing single alerts up to a rate, or digests (records written before pacing existed read
 *     as {@link Pacing#DEFAULT})
 */
public record Subscription(
    UUID subscriptionId,
    Caller subscriber,
    String name,
    String purpose,
    List<Area> areas,
    Set<Category> categories,
    Set<Indicator> indicators,
    Optional<GradingThreshold> minimumGrading,
    Channel channel,
    Instant createdAt,
    Instant changedAt,
    Optional<Webhook> webhook,
    Pacing pacing) {

  public static final int MAX_NAME = 100;
  public static final int MAX_AREAS = 20;
  public static final int MIN_PURPOSE = 5;
  public static final int MAX_PURPOSE = 500;

  public Subscription {
    Objects.requireNonNull(subscriptionId, "subscriptionId");
    Objects.requireNonNull(subscriber, "subscriber");
    Objects.requireNonNull(name, "name");
    name = name.strip();
    if (name.isEmpty() || name.length() > MAX_NAME) {
      throw new IllegalArgumentException("name: 1 to " + MAX_NAME + " characters");
    }
    Objects.requireNonNull(purpose, "purpose");
    purpose = purpose.strip();
    if (purpose.length() < MIN_PURPOSE || purpose.length() > MAX_PURPOSE) {
      throw new IllegalArgumentException(
          "purpose: " + MIN_PURPOSE + " to " + MAX_PURPOSE + " characters");
    }
    areas = List.copyOf(Objects.requireNonNull(areas, "areas"));
    if (areas.isEmpty() || areas.size() > MAX_AREAS) {
      throw new IllegalArgumentException("areas: 1 to " + MAX_AREAS + " areas");
    }
    categories = sorted(Category.class, categories);
    indicators = sorted(Indicator.class, indicators);
    minimumGrading = Objects.requireNonNullElse(minimumGrading, Optional.empty());
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(changedAt, "changedAt");
    webhook = Objects.requireNonNullElse(webhook, Optional.empty());
    if ((channel == Channel.WEBHOOK) != webhook.isPresent()) {
      throw new IllegalArgumentException("webhook: required for channel WEBHOOK, and only then");
    }
    pacing = Objects.requireNonNullElse(pacing, Pacing.DEFAULT);
  }

  /**
   * The same subscription with another webhook (its secret rotated), changed at that time. Here
   * beside the record, so a field added to the subscription is carried over in one place.
   */
  public Subscription withWebhook(Webhook newWebhook, Instant changedAt) {
    return new Subscription(
        subscriptionId,
        subscriber,
        name,
        purpose,
        areas,
        categories,
        indicators,
        minimumGrading,
        channel,
        createdAt,
        changedAt,
        Optional.of(newWebhook),
        pacing);
  }

  /** In a fixed order, so the same subscription is the same bytes on the topic in every JVM. */
  private static <E extends Enum<E>> Set<E> sorted(Class<E> type, Set<E> values) {
    EnumSet<E> set = EnumSet.noneOf(type);
    set.addAll(Objects.requireNonNullElse(values, Set.of()));
    return Collections.unmodifiableSet(set);
  }
}
