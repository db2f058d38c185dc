package uk.crossline.model.projection;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of the projection's indices, named once. Documents live in one index per month of
 * {@code observedAt} and per generation ({@code crossline-intelligence-g3-2026.11}), so retention
 * deletes whole indices and a rebuild writes a new generation beside the live one; searches read
 * the live generation through the alias.
 */
public final class IntelligenceIndex {

  /** What search reads: every monthly index of the live generation. */
  public static final String READ_ALIAS = "crossline-intelligence";

  /** The index template that gives every index of the projection its mappings. */
  public static final String TEMPLATE = "crossline-intelligence";

  private static final String PREFIX = "crossline-intelligence-g";
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy.MM");
  private static final Pattern NAME =
      Pattern.compile("crossline-intelligence-g(\\d+)-(\\d{4})\\.(\\d{2})");

  private IntelligenceIndex() {}

  /** The index of this generation that holds documents observed in this month. */
  public static String name(int generation, YearMonth month) {
    return PREFIX + generation + "-" + MONTH.format(month);
  }

  public static String name(int generation, Instant observedAt) {
    return name(generation, YearMonth.from(observedAt.atZone(ZoneOffset.UTC)));
  }

  /** Every index of a generation, for searches across its months. */
  public static String pattern(int generation) {
    return PREFIX + generation + "-*";
  }

  /** Every index of every generation. */
  public static String allGenerations() {
    return PREFIX + "*";
  }

  /** A projection index's generation and month, read back from its name. */
  public record Parsed(int generation, YearMonth month) {}

  public static Optional<Parsed> parse(String indexName) {
    Matcher matcher = NAME.matcher(indexName);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    return Optional.of(
        new Parsed(
            Integer.parseInt(matcher.group(1)),
            YearMonth.of(Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3)))));
  }
}
