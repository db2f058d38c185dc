package uk.crossline.demo.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The default data set (600 reports, seed 42), generated once for all the tests that read it. */
final class DemoDataSet {

  static final long SEED = 42;
  static final LocalDate AS_OF = LocalDate.of(2026, 11, 20);
  static final int REPORTS = 600;

  static final ReportGenerator GENERATOR = new ReportGenerator(SEED, AS_OF);
  static final Map<Submitter, List<DemoReport>> DATA = GENERATOR.generate(REPORTS);
  static final Shape SHAPE = Shape.of(DATA);

  private DemoDataSet() {}

  static List<DemoReport> all() {
    return DATA.values().stream().flatMap(List::stream).toList();
  }
}
