package uk.crossline.model.pseudonymisation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import uk.crossline.model.pseudonymisation.Finding.Rule;
import uk.crossline.model.vocabulary.IdentifierType;

/**
 * Redacts the free text of a report once its structured fields are known: phone numbers, emails,
 * social media handles, vehicle registrations, full postcodes, dates of birth and every name given
 * in the structured fields become bracketed markers such as {@code [phone]}; everything else is
 * kept exactly as written. It errs towards redacting: a needless {@code [name]} costs a little
 * readability, a missed one exposes a child.
 *
 * <p>Vehicle registrations in the older prefix ({@code A123 BCD}) and suffix ({@code ABC 123D})
 * formats are matched in capitals only, and no registration whose letters are a common word ({@code
 * B97 AND}, {@code DY10 THE}), since otherwise road names and outward postcodes followed by a word
 * would be taken for vehicles. Thread-safe.
 */
public final class Redactor {

  static final String EMAIL = "[email]";
  static final String POSTCODE = "[postcode]";
  static final String VEHICLE = "[vehicle]";
  static final String HANDLE = "[handle]";
  static final String NAME = "[name]";

  private static final Redactor STANDARD = new Redactor();

  private static final String BEFORE = "(?<![\\p{L}\\p{N}])";
  private static final String AFTER = "(?![\\p{L}\\p{N}])";
  private static final int INSENSITIVE = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  private static final Pattern EMAIL_ADDRESS =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}._%+-])[\\p{L}\\p{N}._%+-]+@"
              + "[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?"
              + "(?:\\.[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?)+");

  /**
   * A full postcode, outward and inward part, with the letters Royal Mail allows in each place. The
   * outward part alone ({@code B97}) is the generalised location events keep, so it stays.
   */
  private static final Pattern FULL_POSTCODE =
      Pattern.compile(
          BEFORE
              + "(?:[A-PR-UWYZ][0-9][0-9]?|[A-PR-UWYZ][A-HK-Y][0-9][0-9]?"
              + "|[A-PR-UWYZ][0-9][A-HJKPSTUW]|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY])"
              + "[ \\t\\u00A0]?(?<inward>[0-9][ABD-HJLNP-UW-Z]{2})"
              + AFTER,
          INSENSITIVE);

  /** "m5 4th" is a road and a junction, not a postcode, however much it looks like one. */
  private static final Pattern LOWER_CASE_ORDINAL = Pattern.compile("[0-9](?:st|nd|rd|th)");

  private static final List<Pattern> VEHICLE_REGISTRATIONS =
      List.of(
          // Current format since 2001: AB12 CDE.
          Pattern.compile(
              BEFORE + "[A-HJ-PR-Y]{2}[0-9]{2}[ \\u00A0]?(?<letters>[A-HJ-PR-Z]{3})" + AFTER,
              INSENSITIVE),
          // Prefix format, 1983 to 2001: A123 BCD.
          Pattern.compile(
              BEFORE
                  + "[A-HJ-NPR-TV-Y][0-9]{1,3}[ \\u00A0]?(?<letters>[A-HJ-PR-Y][A-HJ-PR-Z]{2})"
                  + AFTER),
          // Suffix format, 1963 to 1983: ABC 123D.
          Pattern.compile(
              BEFORE
                  + "(?<letters>[A-HJ-PR-Y][A-HJ-PR-Z]{2})[ \\u00A0]?[0-9]{1,3}[A-HJ-NPR-TV-Y]"
                  + AFTER));

  /** Three-letter words that follow road names, outward postcodes and school years in reports. */
  private static final Set<String> COMMON_WORDS =
      Set.of(
          "ADD", "AGE", "AGO", "ALL", "AND", "ANY", "APP", "ARE", "ASK", "BAD", "BAG", "BED", "BUS",
          "BUT", "BUY", "BOY", "CAB", "CAN", "CAR", "DAD", "DAY", "DEC", "DID", "DOG", "DUE", "END",
          "FAR", "FEB", "FEW", "FOR", "FRI", "GAS", "GET", "GOT", "HAD", "HAS", "HER", "HIM", "HIS",
          "HOW", "HRS", "JAN", "JCT", "JUL", "JUN", "KEY", "LAD", "LET", "MAN", "MAR", "MAY", "MEN",
          "MON", "MPH", "MUM", "NEW", "NOR", "NOT", "NOV", "NOW", "OCT", "OFF", "OLD", "ONE", "OUR",
          "OUT", "OWN", "PAY", "PUB", "PUT", "RAN", "RED", "RUN", "SAT", "SAW", "SAY", "SEE", "SEP",
          "SET", "SHE", "SUN", "THE", "THU", "TOO", "TOP", "TUE", "TWO", "USE", "VAN", "VIA", "WAS",
          "WAY", "WED", "WHO", "WHY", "YES", "YET", "YOU");

  private static final Pattern HANDLE_MENTION =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}_@.])@(?=[A-Za-z0-9_.]*[A-Za-z])"
              + "[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?(?![A-Za-z0-9_@])");

  /** Titles say nothing about who someone is, and "Mr" redacted everywhere helps no one. */
  private static final Set<String> TITLES =
      Set.of("mr", "mrs", "ms", "miss", "mx", "dr", "sir", "rev", "master");

  /**
   * Name particles that are also everyday words ("a white van"), skipped unless they open the name,
   * where they are a given name ("Van Nguyen").
   */
  private static final Set<String> PARTICLES =
      Set.of(
          "al", "ap", "bin", "bint", "da", "das", "de", "del", "della", "den", "der", "di", "do",
          "dos", "du", "el", "ibn", "la", "le", "st", "ten", "ter", "van", "von");

  private Redactor() {}

  public static Redactor standard() {
    return STANDARD;
  }

  /** The text with each piece of personal data replaced by its marker, all else unchanged. */
  public String redact(String text, RedactionContext context) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(context, "context");
    List<Finding> findings = new ArrayList<>();
    Set<String> keptPostcodes = new HashSet<>();
    for (String phrase : context.keep()) {
      phrasePattern(phrase)
          .ifPresent(pattern -> findAll(pattern, text, findings, Rule.KEEP, Optional.empty()));
      Matcher postcode = FULL_POSTCODE.matcher(phrase);
      while (postcode.find()) {
        keptPostcodes.add(compact(postcode.group()));
      }
    }
    // Each scan is skipped where the text lacks a character every match of it has: one pass over
    // the text instead of a pattern tried at every place in it (most of the intake's CPU).
    boolean atSign = text.indexOf('@') >= 0;
    if (atSign) {
      findAll(EMAIL_ADDRESS, text, findings, Rule.EMAIL, Optional.of(EMAIL));
    }
    if (hasDigit(text)) {
      // \d is 0-9 in these patterns, as in the phone numbers' scan.
      findings.addAll(DatesInText.find(text, context.today()));
      findings.addAll(PhoneNumbersInText.find(text));
      postcodes(text, keptPostcodes, findings);
      vehicles(text, findings);
    }
    context
        .identifiers()
        .forEach(
            (type, values) -> {
              for (String value : values) {
                phrasePattern(value)
                    .ifPresent(
                        pattern ->
                            findAll(
                                pattern,
                                text,
                                findings,
                                ruleOf(type),
                                Optional.of(markerOf(type))));
              }
            });
    if (atSign) {
      findAll(HANDLE_MENTION, text, findings, Rule.HANDLE, Optional.of(HANDLE));
    }
    namePattern(context.names())
        .ifPresent(pattern -> findAll(pattern, text, findings, Rule.NAME, Optional.of(NAME)));
    return rewrite(text, choose(findings));
  }

  /**
   * Whether the text holds a digit 0-9: every date, phone number, postcode and registration does.
   */
  private static boolean hasDigit(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        return true;
      }
    }
    return false;
  }

  private static void postcodes(String text, Set<String> kept, List<Finding> findings) {
    Matcher m = FULL_POSTCODE.matcher(text);
    while (m.find()) {
      if (kept.contains(compact(m.group()))) {
        findings.add(Finding.shield(m.start(), m.end(), Rule.POSTCODE));
      } else if (!LOWER_CASE_ORDINAL.matcher(m.group("inward")).matches()) {
        findings.add(Finding.redact(m.start(), m.end(), Rule.POSTCODE, POSTCODE));
      }
    }
  }

  private static void vehicles(String text, List<Finding> findings) {
    for (Pattern pattern : VEHICLE_REGISTRATIONS) {
      Matcher m = pattern.matcher(text);
      while (m.find()) {
        if (!COMMON_WORDS.contains(m.group("letters").toUpperCase(Locale.ROOT))) {
          findings.add(Finding.redact(m.start(), m.end(), Rule.VEHICLE, VEHICLE));
        }
      }
    }
  }

  private static Rule ruleOf(IdentifierType type) {
    return switch (type) {
      case PHONE -> Rule.PHONE;
      case VEHICLE -> Rule.VEHICLE;
      case SOCIAL_MEDIA -> Rule.HANDLE;
      case EMAIL -> Rule.EMAIL;
    };
  }

  private static String markerOf(IdentifierType type) {
    return switch (type) {
      case PHONE -> PhoneNumbersInText.MARKER;
      case VEHICLE -> VEHICLE;
      case SOCIAL_MEDIA -> HANDLE;
      case EMAIL -> EMAIL;
    };
  }

  /**
   * The phrase in any case, with any spacing or commas between its words, so a premises postcode
   * {@code B97 4AB} is also kept as {@code b974ab}, and a given registration {@code CV21 QZT} is
   * also found as {@code cv21qzt}.
   */
  private static Optional<Pattern> phrasePattern(String phrase) {
    List<String> words =
        List.of(phrase.strip().split("[\\s,]+")).stream().filter(w -> !w.isEmpty()).toList();
    if (words.stream().mapToInt(String::length).sum() < 2) {
      return Optional.empty();
    }
    String body = words.stream().map(Redactor::literal).collect(Collectors.joining("[\\s,]*"));
    return Optional.of(Pattern.compile(BEFORE + body + AFTER, INSENSITIVE));
  }

  /**
   * Every word of every name, as a whole word in any case: "Dave Smith" redacts "DAVE" and the
   * "Smith" of "Smith's" but not "Smithfield". A hyphenated name is redacted whole and in parts.
   */
  private static Optional<Pattern> namePattern(Set<String> names) {
    Set<String> words = new LinkedHashSet<>();
    for (String name : names) {
      String[] parts = name.strip().split("\\s+");
      for (int i = 0; i < parts.length; i++) {
        String word = trimToLetters(parts[i]);
        if (isNameWord(word) && !(i > 0 && PARTICLES.contains(lower(word)))) {
          words.add(word);
        }
        for (String piece : word.split("[-\\u2010\\u2011]")) {
          if (isNameWord(piece) && !PARTICLES.contains(lower(piece))) {
            words.add(piece);
          }
        }
      }
    }
    if (words.isEmpty()) {
      return Optional.empty();
    }
    String alternatives =
        words.stream()
            .sorted(Comparator.comparingInt(String::length).reversed())
            .map(Redactor::literal)
            .collect(Collectors.joining("|"));
    return Optional.of(Pattern.compile(BEFORE + "(?:" + alternatives + ")" + AFTER, INSENSITIVE));
  }

  private static boolean isNameWord(String word) {
    return word.codePoints().filter(Character::isLetter).count() >= 2
        && !TITLES.contains(lower(word));
  }

  /** Drops quotes and punctuation round a word ("Tiny", Smith,) but keeps O'Neill's apostrophe. */
  private static String trimToLetters(String word) {
    int start = 0;
    int end = word.length();
    while (start < end && !Character.isLetterOrDigit(word.charAt(start))) {
      start++;
    }
    while (end > start && !Character.isLetterOrDigit(word.charAt(end - 1))) {
      end--;
    }
    return word.substring(start, end);
  }

  /** The word as a regex, any apostrophe matching any other ("O'Neill" and "O’Neill"). */
  private static String literal(String word) {
    var regex = new StringBuilder();
    word.codePoints()
        .forEach(
            c -> {
              if (Normaliser.isApostrophe(c)) {
                regex.append("['\\u2019\\u2018\\u02BC`\\u00B4]");
              } else if (Character.isLetterOrDigit(c)) {
                regex.appendCodePoint(c);
              } else {
                // A backslash before a character that is not a letter or digit always quotes it.
                regex.append('\\').appendCodePoint(c);
              }
            });
    return regex.toString();
  }

  private static void findAll(
      Pattern pattern, String text, List<Finding> findings, Rule rule, Optional<String> marker) {
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      if (m.end() > m.start()) {
        findings.add(new Finding(m.start(), m.end(), rule, marker));
      }
    }
  }

  /**
   * Where claims overlap, the rule of higher precedence wins, then the longer claim: an email beats
   * the name inside it, a date beats the phone number a time after it seems to extend.
   */
  private static List<Finding> choose(List<Finding> findings) {
    TreeMap<Integer, Finding> chosen = new TreeMap<>();
    findings.stream()
        .sorted(
            Comparator.comparing(Finding::rule)
                .thenComparing(Comparator.comparingInt(Finding::length).reversed())
                .thenComparingInt(Finding::start))
        .forEach(
            finding -> {
              Map.Entry<Integer, Finding> before = chosen.floorEntry(finding.start());
              Map.Entry<Integer, Finding> after = chosen.ceilingEntry(finding.start());
              boolean overlaps =
                  (before != null && before.getValue().end() > finding.start())
                      || (after != null && after.getKey() < finding.end());
              if (!overlaps) {
                chosen.put(finding.start(), finding);
              }
            });
    return List.copyOf(chosen.values());
  }

  private static String rewrite(String text, List<Finding> chosen) {
    var out = new StringBuilder(text.length());
    int at = 0;
    for (Finding finding : chosen) {
      out.append(text, at, finding.start());
      out.append(finding.marker().orElse(text.substring(finding.start(), finding.end())));
      at = finding.end();
    }
    return out.append(text, at, text.length()).toString();
  }

  private static String compact(String postcode) {
    return postcode.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
  }

  private static String lower(String word) {
    return word.toLowerCase(Locale.ROOT);
  }
}
