package uk.crossline.search.statistics;

import static uk.crossline.search.parameters.QueryParameters.single;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.util.MultiValueMap;
import uk.crossline.kit.problem.FieldProblem;
import uk.crossline.kit.problem.ProblemException;
import uk.crossline.search.parameters.QueryParameters;

/**
 * What a caller asks of the statistics, read strictly: an unknown parameter, a bad month or a range
 * too long is refused naming the parameter.
 *
 * @param purpose why, for the audit log (required, 5 to 500 characters)
 * @param from the first month counted
 * @param to the last month counted, at most {@value #MAX_MONTHS} months after {@code from}
 * @param format JSON or CSV, when the {@code format} parameter says; otherwise the Accept header
 *     decides
 */
record StatisticsRequest(String purpose, YearMonth from, YearMonth to, Optional<Format> format) {

  /** The longest range one call counts: three years, as a scrutiny panel compares them. */
  static final int MAX_MONTHS = 36;

  /** Without {@code from} and {@code to}: the last twelve whole months. */
  static final int DEFAULT_MONTHS = 12;

  private static final Set<String> PARAMETERS = Set.of("purpose", "from", "to", "format");
  private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

  enum Format {
    JSON,
    CSV
  }

  /**
   * @param current the month it is now (UTC): the default range ends the month before, and no range
   *     may end after it
   */
  static StatisticsRequest read(MultiValueMap<String, String> parameters, YearMonth current) {
    List<FieldProblem> problems = new ArrayList<>();
    for (String name : parameters.keySet()) {
      if (!PARAMETERS.contains(name)) {
        problems.add(
            new FieldProblem(
                name, "not a statistics parameter; use one of " + new TreeSet<>(PARAMETERS)));
      }
    }
    for (String name : PARAMETERS) {
      if (parameters.getOrDefault(name, List.of()).size() > 1) {
        problems.add(new FieldProblem(name, "give it once"));
      }
    }
    String purpose = QueryParameters.purpose(single(parameters, "purpose").orElse(null), problems);
    Optional<YearMonth> from = month(parameters, "from", problems);
    Optional<YearMonth> to = month(parameters, "to", problems);
    Optional<Format> format = Optional.empty();
    Optional<String> formatText = single(parameters, "format");
    if (formatText.isPresent()) {
      switch (formatText.get().strip().toLowerCase(Locale.ROOT)) {
        case "json" -> format = Optional.of(Format.JSON);
        case "csv" -> format = Optional.of(Format.CSV);
        default -> problems.add(new FieldProblem("format", "json or csv"));
      }
    }
    YearMonth last = to.orElse(current.minusMonths(1));
    YearMonth first = from.orElse(last.minusMonths(DEFAULT_MONTHS - 1));
    if (problems.isEmpty()) {
      if (last.isAfter(current)) {
        problems.add(new FieldProblem("to", "is in the future"));
      } else if (last.isBefore(first)) {
        problems.add(
            to.isPresent()
                ? new FieldProblem("to", "is before from")
                : new FieldProblem("from", "is after the last whole month; give to as well"));
      } else if (first.plusMonths(MAX_MONTHS - 1).isBefore(last)) {
        problems.add(
            new FieldProblem(
                from.isPresent() ? "from" : "to",
                "at most " + MAX_MONTHS + " months from from to to"));
      }
    }
    if (!problems.isEmpty()) {
      throw ProblemException.invalid(problems);
    }
    return new StatisticsRequest(purpose, first, last, format);
  }

  private static Optional<YearMonth> month(
      MultiValueMap<String, String> parameters, String name, List<FieldProblem> problems) {
    Optional<String> text = single(parameters, name).map(String::strip);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      if (!MONTH.matcher(text.get()).matches()) {
        throw new DateTimeParseException("not YYYY-MM", text.get(), 0);
      }
      return Optional.of(YearMonth.parse(text.get()));
    } catch (DateTimeParseException e) {
      problems.add(new FieldProblem(name, "a month as YYYY-MM"));
      return Optional.empty();
    }
  }
}
