package uk.crossline.demo.world;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Values drawn in set proportions. The options are a list, not a hash map, so that the same seed
 * draws the same value on every JVM.
 */
public record Weighted<T>(List<Option<T>> options) {

  /** A value and its weight relative to the others. */
  public record Option<T>(T value, int weight) {

    public Option {
      if (weight < 0) {
        throw new IllegalArgumentException("a weight cannot be negative");
      }
    }
  }

  public Weighted {
    options = List.copyOf(options);
    if (options.stream().mapToInt(Option::weight).sum() <= 0) {
      throw new IllegalArgumentException("at least one option needs a weight");
    }
  }

  @SafeVarargs
  public static <T> Weighted<T> of(Option<T>... options) {
    return new Weighted<>(List.of(options));
  }

  public static <T> Option<T> option(T value, int weight) {
    return new Option<>(value, weight);
  }

  public T draw(RandomGenerator random) {
    int at = random.nextInt(options.stream().mapToInt(Option::weight).sum());
    for (Option<T> option : options) {
      at -= option.weight();
      if (at < 0) {
        return option.value();
      }
    }
    throw new IllegalStateException("unreachable: the weights add up");
  }

  /** One of the items, each as likely as the others. */
  public static <T> T any(List<T> items, RandomGenerator random) {
    return items.get(random.nextInt(items.size()));
  }

  /** True with the given probability. */
  public static boolean chance(double probability, RandomGenerator random) {
    return random.nextDouble() < probability;
  }
}
