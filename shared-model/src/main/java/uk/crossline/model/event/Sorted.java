package uk.crossline.model.event;

import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Immutable sets that iterate in a fixed order, so that an event's JSON, and the fingerprint of a
 * report, are the same bytes in every JVM ({@code Set.copyOf} iterates in a per-run order).
 */
final class Sorted {

  private Sorted() {}

  static <E extends Enum<E>> Set<E> enums(Class<E> type, Collection<E> values) {
    Collection<E> given = Objects.requireNonNullElse(values, Set.of());
    EnumSet<E> set = EnumSet.noneOf(type);
    for (E value : given) {
      set.add(Objects.requireNonNull(value, "a set holds no empty values"));
    }
    return Collections.unmodifiableSet(set);
  }

  static <T> Set<T> values(Collection<T> values, Function<T, String> key) {
    SortedSet<T> set = new TreeSet<>(Comparator.comparing(key));
    for (T value : Objects.requireNonNullElse(values, Set.<T>of())) {
      set.add(Objects.requireNonNull(value, "a set holds no empty values"));
    }
    return Collections.unmodifiableSortedSet(set);
  }
}
