package uk.crossline.search.statistics;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Months for the statistics tests' documents (written with {@code Projection.index}), each run
 * months of its own far in the past (1980 to 2019, where neither the demo data nor other tests
 * write), so statistics over those months count this run's documents only.
 */
final class StatisticsIndex {

  private static final Set<YearMonth> TAKEN = new HashSet<>();

  private StatisticsIndex() {}

  /** A run of consecutive months in 1980-2019 no other test of this JVM has taken. */
  static synchronized YearMonth freshMonths(int length) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    while (true) {
      YearMonth first = YearMonth.of(1980 + random.nextInt(40), 1).plusMonths(random.nextInt(12));
      List<YearMonth> months = new ArrayList<>();
      for (int i = 0; i < length; i++) {
        months.add(first.plusMonths(i));
      }
      if (months.getLast().getYear() <= 2019 && months.stream().noneMatch(TAKEN::contains)) {
        TAKEN.addAll(months);
        return first;
      }
    }
  }
}
