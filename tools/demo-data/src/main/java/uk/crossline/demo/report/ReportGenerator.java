package uk.crossline.demo.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import uk.crossline.demo.world.World;

/**
 * Writes the demo data set: the number of reports asked for, shared among the submitting agencies
 * in set proportions, every report drawn from the seed alone. The same seed, size and as-of date
 * give the same reports, byte for byte, so loading twice sends nothing new.
 */
public final class ReportGenerator {

  private final long seed;
  private final World world;
  private final Timeline timeline;

  /**
   * @param asOf the day after the demo period ends; reports fall in the 18 months before it
   */
  public ReportGenerator(long seed, LocalDate asOf) {
    this.seed = seed;
    this.world = World.build(seed);
    this.timeline = new Timeline(asOf);
  }

  public World world() {
    return world;
  }

  /** The data set, grouped by submitter in the order of {@link Submitter}. */
  public Map<Submitter, List<DemoReport>> generate(int reports) {
    Map<Submitter, List<DemoReport>> data = new EnumMap<>(Submitter.class);
    shares(reports)
        .forEach(
            (submitter, count) -> {
              List<DemoReport> written = new ArrayList<>(count);
              for (int n = 1; n <= count; n++) {
                written.add(new DemoReport(submitter, write(submitter, n)));
              }
              data.put(submitter, List.copyOf(written));
            });
    return data;
  }

  /** How many reports each submitter sends: its share, rounded by largest remainder. */
  static Map<Submitter, Integer> shares(int reports) {
    if (reports < 0) {
      throw new IllegalArgumentException("the number of reports cannot be negative");
    }
    int totalShare = 0;
    for (Submitter s : Submitter.values()) {
      totalShare += s.perMille();
    }
    Map<Submitter, Integer> counts = new EnumMap<>(Submitter.class);
    int given = 0;
    for (Submitter s : Submitter.values()) {
      int count = (int) ((long) reports * s.perMille() / totalShare);
      counts.put(s, count);
      given += count;
    }
    final int share = totalShare;
    List<Submitter> byRemainder = new ArrayList<>(List.of(Submitter.values()));
    byRemainder.sort(
        (a, b) ->
            Long.compare(
                (long) reports * b.perMille() % share, (long) reports * a.perMille() % share));
    for (int i = 0; given < reports; i++, given++) {
      Submitter s = byRemainder.get(i % byRemainder.size());
      counts.merge(s, 1, Integer::sum);
    }
    return counts;
  }

  private Form write(Submitter submitter, int n) {
    var draft =
        new Draft(
            world,
            timeline,
            new SplittableRandom(mix(seed, submitter.ordinal(), n)),
            submitter,
            submitter.reference(seed, n));
    return switch (submitter) {
      case POLICE_ANALYST -> PoliceReports.westMercia(draft);
      case WMP_ANALYST -> PoliceReports.westMidlands(draft);
      case TS_OFFICER -> TradingStandardsReports.write(draft);
      case SCHOOL_LEAD -> SafeguardingConcerns.school(draft);
      case YOUTH_MENTOR -> SafeguardingConcerns.youthMentor(draft);
      case REDDITCH_CSO, BROMSGROVE_CSO, WYRE_FOREST_CSO -> CouncilReports.write(draft);
    };
  }

  /** Spreads (seed, submitter, report number) over the seed space, as SplitMix64 does. */
  private static long mix(long seed, int submitter, int n) {
    long z = seed + 0x9E3779B97F4A7C15L * (1 + submitter * 100_003L + (long) n * 7_919L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
