package uk.crossline.demo.report;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.random.RandomGenerator;
import uk.crossline.demo.world.Weighted;
import uk.crossline.model.event.ObservedAt.Precision;

/**
 * The demo period: the 18 months before the as-of date. Times are fractions of it (0 its first day,
 * 1 its last), which lets the world's story say "the line closed three quarters of the way through"
 * whatever the dates.
 */
final class Timeline {

  static final int DAYS = 548;

  private static final Weighted<Integer> HOURS =
      Weighted.of(
          Weighted.option(9, 2),
          Weighted.option(11, 2),
          Weighted.option(13, 2),
          Weighted.option(15, 4),
          Weighted.option(16, 5),
          Weighted.option(17, 4),
          Weighted.option(18, 4),
          Weighted.option(19, 4),
          Weighted.option(20, 5),
          Weighted.option(21, 5),
          Weighted.option(22, 4),
          Weighted.option(23, 3),
          Weighted.option(1, 2));

  private final LocalDate asOf;

  Timeline(LocalDate asOf) {
    this.asOf = asOf;
  }

  LocalDate asOf() {
    return asOf;
  }

  /**
   * A time in the period, more often recent than not: half drawn evenly, half leaning towards the
   * end, as reporting grows once a partnership starts sharing.
   */
  double anyTime(RandomGenerator random) {
    double u = random.nextDouble();
    return Weighted.chance(0.5, random) ? u : Math.sqrt(u);
  }

  /** The day at that time; the last day of the period is the day before the as-of date. */
  LocalDate day(double time) {
    double clamped = Math.max(0, Math.min(1, time));
    return asOf.minusDays(1 + Math.round((1 - clamped) * (DAYS - 1)));
  }

  /** When it happened, written as precisely as the submitter would know it. */
  Form.When when(double time, Precision precision, RandomGenerator random) {
    LocalDate day = day(time);
    var at =
        switch (precision) {
          case EXACT ->
              day.atTime(HOURS.draw(random), 5 * random.nextInt(12)).toInstant(ZoneOffset.UTC);
          case DAY -> day.atStartOfDay().toInstant(ZoneOffset.UTC);
          case WEEK ->
              day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                  .atStartOfDay()
                  .toInstant(ZoneOffset.UTC);
          case MONTH -> day.withDayOfMonth(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        };
    return new Form.When(at, precision.name());
  }
}
