package uk.crossline.model.policy;

import java.io.InputStream;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import uk.crossline.model.vocabulary.Category;

/**
 * How long the hub keeps intelligence: a review period per category, counted from when it was
 * observed, after which the event leaves search and the topic; and how long the tombstone of a
 * retracted report stays, counted from the retraction. From {@code infra/policy/retention.yml}.
 *
 * @param version the file's version, recorded with every deletion it causes
 * @param reviewPeriods one per category, every category
 * @param tombstones how long a retracted report's tombstone stays after the retraction
 */
public record RetentionPolicy(int version, Map<Category, Period> reviewPeriods, Period tombstones) {

  /** The file's name in {@code infra/policy/} and on the classpath under {@code policy/}. */
  public static final String FILE = "retention.yml";

  private static final Set<String> KEYS = Set.of("version", "review-periods", "tombstones");

  public RetentionPolicy {
    if (version < 1) {
      throw new PolicyFormatException(FILE, "version", "a whole number from 1");
    }
    Objects.requireNonNull(reviewPeriods, "reviewPeriods");
    for (Category category : Category.values()) {
      Period period = reviewPeriods.get(category);
      if (period == null) {
        throw new PolicyFormatException(
            FILE, "review-periods." + category.name(), "required: every category needs one");
      }
      checkPositive("review-periods." + category.name(), period);
    }
    reviewPeriods = Collections.unmodifiableMap(new EnumMap<>(reviewPeriods));
    Objects.requireNonNull(tombstones, "tombstones");
    checkPositive("tombstones", tombstones);
  }

  /**
   * Reads a retention policy.
   *
   * @throws PolicyFormatException naming the key at fault: an unknown key or category, a period
   *     that is not ISO-8601 ({@code P1Y}, {@code P18M}) or not positive, a missing category
   */
  public static RetentionPolicy load(InputStream yaml) {
    return from(PolicyFiles.read(yaml, FILE));
  }

  /** The policy bundled with this build, from {@code infra/policy/retention.yml}. */
  public static RetentionPolicy bundled() {
    return from(PolicyFiles.bundled(FILE));
  }

  public Period reviewPeriod(Category category) {
    return reviewPeriods.get(category);
  }

  /** Events of this category observed before this instant have reached their review period. */
  public Instant reviewCutoff(Category category, Instant now) {
    return minus(now, reviewPeriod(category));
  }

  /** Tombstones of reports retracted before this instant have served their time. */
  public Instant tombstoneCutoff(Instant now) {
    return minus(now, tombstones);
  }

  /**
   * Nothing observed before this instant may be kept under any category: the earliest of the review
   * cutoffs (periods of months and years do not compare by themselves, their cutoffs do).
   */
  public Instant keptByNoCategoryBefore(Instant now) {
    return reviewPeriods.values().stream()
        .map(period -> minus(now, period))
        .min(Instant::compareTo)
        .orElseThrow();
  }

  private static Instant minus(Instant now, Period period) {
    // Calendar arithmetic in UTC: a year back from 29 February is 28 February, not a day adrift.
    return now.atZone(ZoneOffset.UTC).minus(period).toInstant();
  }

  private static RetentionPolicy from(JsonNode file) {
    for (String key : file.propertyNames()) {
      if (!KEYS.contains(key)) {
        throw new PolicyFormatException(
            FILE, key, "not a key of the retention policy; expected one of " + sorted(KEYS));
      }
    }
    JsonNode version = file.get("version");
    if (version == null || !version.isIntegralNumber() || !version.canConvertToInt()) {
      throw new PolicyFormatException(FILE, "version", "required, a whole number from 1");
    }
    JsonNode periods = file.get("review-periods");
    if (periods == null || !periods.isObject()) {
      throw new PolicyFormatException(
          FILE, "review-periods", "required: a period for every category");
    }
    Map<Category, Period> reviewPeriods = new EnumMap<>(Category.class);
    for (Map.Entry<String, JsonNode> entry : periods.properties()) {
      String key = "review-periods." + entry.getKey();
      Category category = category(key, entry.getKey());
      reviewPeriods.put(category, period(key, entry.getValue()));
    }
    JsonNode tombstones = file.get("tombstones");
    if (tombstones == null) {
      throw new PolicyFormatException(
          FILE, "tombstones", "required: how long a retracted report's tombstone stays");
    }
    return new RetentionPolicy(version.intValue(), reviewPeriods, period("tombstones", tombstones));
  }

  private static Category category(String key, String name) {
    try {
      return Category.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new PolicyFormatException(
          FILE,
          key,
          "not a category; expected one of "
              + Arrays.stream(Category.values()).map(Enum::name).collect(Collectors.joining(", ")));
    }
  }

  private static Period period(String key, JsonNode value) {
    if (value == null || !value.isString()) {
      throw new PolicyFormatException(FILE, key, "an ISO-8601 period such as P1Y or P18M");
    }
    try {
      return Period.parse(value.stringValue());
    } catch (DateTimeParseException e) {
      throw new PolicyFormatException(FILE, key, "not an ISO-8601 period such as P1Y or P18M");
    }
  }

  private static void checkPositive(String key, Period period) {
    if (period.isZero() || period.isNegative()) {
      throw new PolicyFormatException(FILE, key, "must be longer than zero");
    }
  }

  private static String sorted(Set<String> keys) {
    return keys.stream().sorted().collect(Collectors.joining(", "));
  }
}
