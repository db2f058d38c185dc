package uk.crossline.bench.measure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.crossline.demo.report.DemoReport;
import uk.crossline.demo.report.Form;
import uk.crossline.demo.report.ReportGenerator;
import uk.crossline.demo.report.Shape;
import uk.crossline.demo.report.Submitter;
import uk.crossline.model.vocabulary.Tlp;

/**
 * The synthetic data set, from the demo data's generator: the North Worcestershire partnership and
 * its neighbours, each agency's share, categories, markings and identifiers shared across agencies
 * as the demo has them. Each round is drawn from a seed of its own, so a run never repeats a
 * reference of an earlier run (the intake would answer duplicates) and a large run is generated a
 * round at a time rather than held in memory at once.
 */
public final class Workload {

  /** Reports per round: large enough for the mix to settle, small enough to hold. */
  static final int ROUND = 50_000;

  private final long seed;
  private final LocalDate asOf;
  private int rounds;

  public Workload(long seed, LocalDate asOf) {
    this.seed = seed;
    this.asOf = asOf;
  }

  /** The next {@code reports} reports of the data set, grouped by submitting demo user. */
  public Map<Submitter, List<Form>> next(int reports) {
    Map<Submitter, List<Form>> forms = new LinkedHashMap<>();
    generate(reports)
        .forEach((s, list) -> forms.put(s, list.stream().map(DemoReport::form).toList()));
    return forms;
  }

  /** The shape of {@code reports} reports as the generator draws them, to describe the data. */
  public Shape shape(int reports) {
    return Shape.of(new ReportGenerator(seed, asOf).generate(Math.min(reports, ROUND)));
  }

  private Map<Submitter, List<DemoReport>> generate(int reports) {
    rounds++;
    return new ReportGenerator(seed * 1_000 + rounds, asOf).generate(reports);
  }

  /**
   * Police reports of West Mercia that every partner may be alerted to (CLEAR or GREEN, not
   * OFFICIAL-SENSITIVE), of the one category the benchmark's matching subscriptions ask for.
   */
  public List<Form> alertable(int count, uk.crossline.model.vocabulary.Category category) {
    List<Form> found = new ArrayList<>();
    while (found.size() < count) {
      for (Form form :
          generate(2_000).get(Submitter.POLICE_ANALYST).stream().map(DemoReport::form).toList()) {
        if (form.category() == category
            && (form.marking().tlp() == Tlp.GREEN || form.marking().tlp() == Tlp.CLEAR)
            && !form.marking().officialSensitive()
            && found.size() < count) {
          found.add(form);
        }
      }
    }
    return found;
  }

  /** The form with a word appended to its summary, so a search for the word finds its event. */
  public static Form withMarker(Form form, String marker) {
    return withMarker(form, marker, form.observedAt());
  }

  /** The form with the marker, and observed when given: a live report, or one of the past. */
  public static Form withMarker(Form form, String marker, Form.When observedAt) {
    String summary = form.summary() + " " + marker;
    return switch (form) {
      case Form.Police p ->
          new Form.Police(
              p.reference(),
              observedAt,
              p.where(),
              p.indicators(),
              summary,
              p.marking(),
              p.category(),
              p.grading(),
              p.subjects(),
              p.identifiers(),
              p.premises());
      case Form.TradingStandards t ->
          new Form.TradingStandards(
              t.reference(),
              observedAt,
              t.where(),
              t.indicators(),
              summary,
              t.marking(),
              t.visit(),
              t.finding(),
              t.premises(),
              t.identifiers(),
              t.grading());
      case Form.Safeguarding s ->
          new Form.Safeguarding(
              s.reference(),
              observedAt,
              s.where(),
              s.indicators(),
              summary,
              s.marking(),
              s.concern(),
              s.youngPerson(),
              s.identifiers());
      case Form.Council c ->
          new Form.Council(
              c.reference(),
              observedAt,
              c.where(),
              c.indicators(),
              summary,
              c.marking(),
              c.concern(),
              c.subjects(),
              c.identifiers(),
              c.premises());
    };
  }

  /**
   * A word no report contains: letters only (the redactor leaves those alone), distinct per number.
   */
  public static String marker(String run, int n) {
    StringBuilder letters = new StringBuilder();
    int value = n;
    do {
      letters.append((char) ('a' + value % 26));
      value /= 26;
    } while (value > 0);
    return "benchprobe" + run + letters;
  }
}
