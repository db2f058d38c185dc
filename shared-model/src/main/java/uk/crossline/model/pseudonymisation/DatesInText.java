package uk.crossline.model.pseudonymisation;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds dates of birth in free text. A date is taken for one when it follows a marker ({@code DOB},
 * {@code D.O.B.}, {@code born}, {@code date of birth}), or when it is a full date more than five
 * years before today: reports need their recent event dates, and a child's date of birth is always
 * older than that. Dates are read day first, as written in the UK; a two-digit year is the latest
 * year that is not in the future. Recent dates are shielded, so no other rule mistakes {@code
 * 01.02.2024 12} for a phone number.
 *
 * <p>Every pattern here needs a digit 0-9 ({@code \d} is 0-9 without {@code
 * UNICODE_CHARACTER_CLASS}): the {@link Redactor} skips this scan for a text without one, so a
 * pattern that could match without a digit must not be added here without changing that.
 */
final class DatesInText {

  static final String MARKER = "[date of birth]";

  private static final int YEARS_A_DATE_STAYS = 5;
  private static final int MARKER_LOOK_BACK = 40;
  private static final String MONTHS = "janfebmaraprmayjunjulaugsepoctnovdec";

  private static final String BEFORE = "(?<![\\p{L}\\p{N}])";

  /**
   * Before the look-behind of a date that starts with a digit: the same matches, but most places in
   * a text fail this one cheap test instead of the look-behind's two Unicode categories.
   */
  private static final String DIGIT_FIRST = "(?=\\d)" + BEFORE;

  private static final String AFTER = "(?![\\p{L}\\p{N}]|[/.-]\\p{N})";
  private static final String ORDINAL = "(?:st|nd|rd|th)?";
  private static final String MONTH =
      "(?<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";

  /** Day, month and year: a date of birth after a marker, or when old enough, else shielded. */
  private static final List<Pattern> FULL_DATES =
      List.of(
          // 12/03/2009, 12-03-2009, 12.03.09
          pattern(
              DIGIT_FIRST
                  + "(?<day>\\d{1,2})(?<sep>[/.-])(?<monthNumber>\\d{1,2})\\k<sep>"
                  + "(?<year>\\d{4}|\\d{2})"
                  + AFTER),
          // 2009-03-12
          pattern(
              DIGIT_FIRST
                  + "(?<year>\\d{4})(?<sep>[/.-])(?<monthNumber>\\d{1,2})\\k<sep>"
                  + "(?<day>\\d{1,2})"
                  + AFTER),
          // 12 March 2009, 12th of March 2009, 12 Mar. 2009
          pattern(
              DIGIT_FIRST
                  + "(?<day>\\d{1,2})"
                  + ORDINAL
                  + "\\s+(?:of\\s+)?"
                  + MONTH
                  + ",?\\s+(?<year>\\d{4})"
                  + AFTER),
          // 12-Mar-2009, 12-Mar-09, as police systems print them
          pattern(DIGIT_FIRST + "(?<day>\\d{1,2})-" + MONTH + "-(?<year>\\d{4}|\\d{2})" + AFTER),
          // March 12, 2009
          pattern(
              BEFORE + MONTH + "\\s+(?<day>\\d{1,2})" + ORDINAL + ",?\\s+(?<year>\\d{4})" + AFTER));

  /** Dates without a day: a date of birth only right after a marker ("born in March 2009"). */
  private static final List<Pattern> PARTIAL_DATES =
      List.of(
          pattern(BEFORE + MONTH + ",?\\s+(?<year>\\d{4})" + AFTER),
          pattern(
              "(?=\\d)(?<![\\p{L}\\p{N}/.-])(?<monthNumber>\\d{1,2})[/.-](?<year>\\d{4})" + AFTER),
          pattern("(?=\\d)(?<![\\p{L}\\p{N}/.-])(?<year>(?:19|20)\\d{2})" + AFTER));

  private static final Pattern MARKER_BEFORE =
      pattern(
          "(?<![\\p{L}])(?:d[./]?\\s?o[./]?\\s?b\\.?|date\\s+of\\s+birth|born(?:\\s+(?:on|in))?)"
              + "(?:\\s*(?:[:=\\-\\u2013]|is|was))?\\s*\\(?\\s*\\z");

  private DatesInText() {}

  static List<Finding> find(String text, LocalDate today) {
    LocalDate staysFrom = today.minusYears(YEARS_A_DATE_STAYS);
    List<Finding> found = new ArrayList<>();
    for (Pattern pattern : FULL_DATES) {
      Matcher m = pattern.matcher(text);
      while (m.find()) {
        Optional<LocalDate> date = dateOf(m, today);
        if (followsMarker(text, m.start()) || date.filter(d -> d.isBefore(staysFrom)).isPresent()) {
          found.add(Finding.redact(m.start(), m.end(), Finding.Rule.DATE, MARKER));
        } else if (date.isPresent()) {
          found.add(Finding.shield(m.start(), m.end(), Finding.Rule.DATE));
        }
      }
    }
    for (Pattern pattern : PARTIAL_DATES) {
      Matcher m = pattern.matcher(text);
      while (m.find()) {
        if (followsMarker(text, m.start())) {
          found.add(Finding.redact(m.start(), m.end(), Finding.Rule.DATE, MARKER));
        }
      }
    }
    return found;
  }

  private static boolean followsMarker(String text, int start) {
    return MARKER_BEFORE
        .matcher(text)
        .region(Math.max(0, start - MARKER_LOOK_BACK), start)
        .useTransparentBounds(true)
        .find();
  }

  /** Empty for 31/02/2009 and the like: not a date, unless a marker says it was meant as one. */
  private static Optional<LocalDate> dateOf(Matcher m, LocalDate today) {
    try {
      int year = Integer.parseInt(m.group("year"));
      if (m.group("year").length() == 2) {
        year += 2000;
        if (year > today.getYear()) {
          year -= 100;
        }
      }
      return Optional.of(LocalDate.of(year, month(m), Integer.parseInt(m.group("day"))));
    } catch (DateTimeException notADate) {
      return Optional.empty();
    }
  }

  private static int month(Matcher m) {
    if (m.namedGroups().containsKey("monthNumber")) {
      return Integer.parseInt(m.group("monthNumber"));
    }
    String name = m.group("month").substring(0, 3).toLowerCase(Locale.ROOT);
    return MONTHS.indexOf(name) / 3 + 1;
  }

  private static Pattern pattern(String regex) {
    return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }
}
