package uk.crossline.model.pseudonymisation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import uk.crossline.model.vocabulary.IdentifierType;

/**
 * Finds phone numbers in free text as people write them ({@code 07700 900123}, {@code
 * 07700-900-123}, {@code (01527) 123456}, {@code +44 (0)7700 900123}). A stretch of digit groups is
 * a phone number when the {@link Normaliser} would accept it, so whatever is redacted as a phone
 * could also have been tokenised as one. Every number has a digit 0-9: the {@link Redactor} skips
 * this scan for a text without one.
 */
final class PhoneNumbersInText {

  static final String MARKER = "[phone]";

  private static final Pattern TRUNK_PREFIX = Pattern.compile("[ \\u00A0]?\\(0\\)[ \\u00A0]?");
  private static final Pattern BRACKETED_AREA_CODE = Pattern.compile("\\(0[0-9]{2,5}\\)[ -]?");
  private static final int MAX_DIGITS = 15;

  private PhoneNumbersInText() {}

  static List<Finding> find(String text) {
    List<Finding> found = new ArrayList<>();
    int at = 0;
    while (at < text.length()) {
      Optional<Integer> end = canStart(text, at) ? longestNumberFrom(text, at) : Optional.empty();
      if (end.isPresent()) {
        found.add(Finding.redact(at, end.get(), Finding.Rule.PHONE, MARKER));
        at = end.get();
      } else {
        at++;
      }
    }
    return found;
  }

  private static boolean canStart(String text, int at) {
    char c = text.charAt(at);
    boolean opens = isDigit(c) || c == '+' || (c == '(' && at + 1 < text.length());
    if (!opens || at == 0) {
      return opens;
    }
    char before = text.charAt(at - 1);
    return !Character.isLetterOrDigit(before) && before != '+';
  }

  /**
   * Reads digit groups joined by one kind of separator (a space, a hyphen or a dot, but not a mix:
   * "12.03.2009 14" is a date and a time, not a number) and keeps the longest run of whole groups
   * that is a valid number, so "07700 900123 3 boys" stops before the 3.
   */
  private static Optional<Integer> longestNumberFrom(String text, int start) {
    int at = start;
    boolean plus = text.charAt(at) == '+';
    if (plus) {
      at++;
      if (at < text.length() && isSpace(text.charAt(at))) {
        at++;
      }
    } else if (text.charAt(at) == '(') {
      var area = BRACKETED_AREA_CODE.matcher(text).region(at, text.length());
      if (!area.lookingAt()) {
        return Optional.empty();
      }
      at = area.end();
    }
    List<Integer> groupEnds = new ArrayList<>();
    int digits = 0;
    char separator = 0;
    boolean trunkSkipped = false;
    while (at < text.length() && isDigit(text.charAt(at)) && digits <= MAX_DIGITS) {
      while (at < text.length() && isDigit(text.charAt(at))) {
        at++;
        digits++;
      }
      groupEnds.add(at);
      var trunk = TRUNK_PREFIX.matcher(text).region(at, text.length());
      boolean international = plus || text.startsWith("00", start);
      if (international && !trunkSkipped && trunk.lookingAt() && nextIsDigit(text, trunk.end())) {
        at = trunk.end();
        trunkSkipped = true;
        continue;
      }
      if (at + 1 < text.length() && isSeparator(text.charAt(at)) && isDigit(text.charAt(at + 1))) {
        char next = isSpace(text.charAt(at)) ? ' ' : text.charAt(at);
        if (separator != 0 && separator != next) {
          break;
        }
        separator = next;
        at++;
      }
    }
    for (int i = groupEnds.size() - 1; i >= 0; i--) {
      if (isPhoneNumber(text.substring(start, groupEnds.get(i)))) {
        return Optional.of(groupEnds.get(i));
      }
    }
    return Optional.empty();
  }

  private static boolean isPhoneNumber(String candidate) {
    // A bare "44..." is a number only unbroken: "44 1234 567890" could be anything.
    if (candidate.startsWith("44") && !candidate.chars().allMatch(PhoneNumbersInText::isDigit)) {
      return false;
    }
    try {
      Normaliser.normalise(IdentifierType.PHONE, candidate);
      return true;
    } catch (InvalidIdentifierException notAPhone) {
      return false;
    }
  }

  private static boolean nextIsDigit(String text, int at) {
    return at < text.length() && isDigit(text.charAt(at));
  }

  private static boolean isSeparator(char c) {
    return isSpace(c) || c == '-' || c == '.';
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\u00A0';
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }
}
