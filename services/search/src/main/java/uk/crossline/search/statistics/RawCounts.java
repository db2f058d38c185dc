package uk.crossline.search.statistics;

import java.time.YearMonth;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import uk.crossline.model.AgencyType;
import uk.crossline.model.vocabulary.Category;
import uk.crossline.model.vocabulary.Priority;

/**
 * The unrounded counts, before any small-number rule: never shown to anyone as they are. Values a
 * count has no entry for are zero.
 *
 * @param districts by gazetteer district id, wherever the event happened
 * @param priorityByDistrict by priority, then district id
 */
record RawCounts(
    long total,
    Map<Priority, Long> priorities,
    Map<Category, Long> categories,
    Map<String, Long> districts,
    Map<AgencyType, Long> agencyTypes,
    Map<YearMonth, Long> months,
    Map<Priority, Map<String, Long>> priorityByDistrict) {

  RawCounts {
    priorities = Map.copyOf(priorities);
    categories = Map.copyOf(categories);
    districts = Map.copyOf(districts);
    agencyTypes = Map.copyOf(agencyTypes);
    months = Map.copyOf(months);
    Map<Priority, Map<String, Long>> copy = new EnumMap<>(Priority.class);
    priorityByDistrict.forEach((priority, counts) -> copy.put(priority, Map.copyOf(counts)));
    priorityByDistrict = Collections.unmodifiableMap(copy);
  }

  static Builder builder() {
    return new Builder();
  }

  /** Counts event by event: how the leak test's oracle counts, away from Elasticsearch. */
  static final class Builder {
    private long total;
    private final Map<Priority, Long> priorities = new EnumMap<>(Priority.class);
    private final Map<Category, Long> categories = new EnumMap<>(Category.class);
    private final Map<String, Long> districts = new HashMap<>();
    private final Map<AgencyType, Long> agencyTypes = new EnumMap<>(AgencyType.class);
    private final Map<YearMonth, Long> months = new TreeMap<>();
    private final Map<Priority, Map<String, Long>> priorityByDistrict =
        new EnumMap<>(Priority.class);

    private Builder() {}

    Builder add(Category category, String district, AgencyType agencyType, YearMonth month) {
      total++;
      priorities.merge(category.priority(), 1L, Long::sum);
      categories.merge(category, 1L, Long::sum);
      districts.merge(district, 1L, Long::sum);
      agencyTypes.merge(agencyType, 1L, Long::sum);
      months.merge(month, 1L, Long::sum);
      priorityByDistrict
          .computeIfAbsent(category.priority(), p -> new HashMap<>())
          .merge(district, 1L, Long::sum);
      return this;
    }

    RawCounts build() {
      return new RawCounts(
          total, priorities, categories, districts, agencyTypes, months, priorityByDistrict);
    }
  }
}
