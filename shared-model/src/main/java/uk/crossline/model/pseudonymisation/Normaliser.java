package uk.crossline.model.pseudonymisation;

import static uk.crossline.model.vocabulary.IdentifierType.EMAIL;
import static uk.crossline.model.vocabulary.IdentifierType.PHONE;
import static uk.crossline.model.vocabulary.IdentifierType.SOCIAL_MEDIA;
import static uk.crossline.model.vocabulary.IdentifierType.VEHICLE;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import uk.crossline.model.vocabulary.IdentifierType;

/**
 * Writes each identifier in one canonical form, so the same phone, vehicle, handle or email
 * reported by two agencies in two spellings yields the same token.
 *
 * <p>Decisions worth knowing:
 *
 * <ul>
 *   <li>Phone numbers become E.164. A UK number has 10 digits after the leading 0; 9 are accepted
 *       only for geographic {@code 01} numbers, because a few dozen 01 area codes still have some
 *       five-digit local numbers. Which codes do is not checked: a wrongly accepted number only
 *       yields a token that links nothing, whereas a wrongly rejected one loses a link.
 *   <li>A phone number with an extension ({@code ext 12}, {@code x12}) is rejected, not trimmed:
 *       dropping the extension would merge every desk behind one switchboard into one token, which
 *       is a false link; county lines numbers are mobiles, which have none.
 *   <li>A number without a leading 0, {@code +} or {@code 00} is accepted only as {@code 44}
 *       followed by a UK number; any other bare string of digits (a UK mobile whose 0 a spreadsheet
 *       dropped, a US number) cannot be told apart, so it is rejected.
 *   <li>Vehicle registrations are not corrected for O/0 or I/1 look-alikes: foreign and cherished
 *       plates make any such guess a source of false links.
 *   <li>Emails are lower-cased whole, but provider tricks (dots and {@code +tags} in Gmail
 *       addresses) are left alone, since folding them is right for some providers only.
 *   <li>{@code snapchat:dave_99} and {@code dave_99} are different identifiers: the platform is
 *       part of the handle when the reporter gave it.
 *   <li>Invisible characters (zero-width spaces and joiners, bidi overrides, byte order marks, soft
 *       hyphens), control characters other than white space, unpaired surrogates, private-use and
 *       unassigned code points, and the replacement character U+FFFD (bytes that were not text) are
 *       refused in every identifier, never silently dropped: they are how a value is disguised, and
 *       dropping them could merge a typing slip with a real number.
 *   <li>Handles and emails are read as NFKC (full-width {@code ｄａｖｅ} is {@code dave}), and refused
 *       when a handle, an email's local part or one of its domain labels mixes letters of two
 *       scripts ({@code dаve} with a Cyrillic {@code а}): that is how look-alikes are made, and
 *       such a value would silently become a token that links nothing. A value wholly in one script
 *       (a Cyrillic handle) is kept.
 * </ul>
 */
public final class Normaliser {

  private static final int MAX_PHONE_CHARACTERS = 40;
  private static final int MAX_HANDLE_CHARACTERS = 100;
  private static final int MAX_EMAIL_CHARACTERS = 254;

  private static final Pattern TRUNK_PREFIX_IN_BRACKETS = Pattern.compile("\\(\\s*0\\s*\\)");
  private static final String PHONE_SEPARATORS = "-.()";
  private static final Pattern VEHICLE_FORM = Pattern.compile("[A-Za-z0-9]{2,8}");
  private static final Pattern VEHICLE_SEPARATORS = Pattern.compile("[\\s\\p{Z}-]+");
  private static final Pattern PLATFORM_FORM = Pattern.compile("[a-z0-9][a-z0-9._-]{0,29}");

  private Normaliser() {}

  /**
   * The canonical form of an identifier, the only form that is ever tokenised.
   *
   * @throws InvalidIdentifierException when the value cannot be an identifier of that type; the
   *     message does not repeat the value
   */
  public static String normalise(IdentifierType type, String raw) {
    Objects.requireNonNull(type, "type");
    if (raw == null || raw.isBlank()) {
      throw new InvalidIdentifierException(type, "is blank");
    }
    if (raw.codePoints().anyMatch(Normaliser::isHidden)) {
      throw invalid(type, "contains invisible, control, formatting or unreadable characters");
    }
    return switch (type) {
      case PHONE -> phone(raw.strip());
      case VEHICLE -> vehicle(raw.strip());
      case SOCIAL_MEDIA -> handle(Normalizer.normalize(raw, Normalizer.Form.NFKC).strip());
      case EMAIL -> email(Normalizer.normalize(raw, Normalizer.Form.NFKC).strip());
    };
  }

  /** A character that shows nothing, or something other than itself, where it is printed. */
  private static boolean isHidden(int c) {
    if (c == '\uFFFD') {
      // The replacement character: bytes that were not text, so the value is not what was meant.
      return true;
    }
    return switch (Character.getType(c)) {
      case Character.CONTROL -> !Character.isWhitespace(c);
      case Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED ->
          true;
      default -> false;
    };
  }

  /** Letters of more than one script (Latin and Cyrillic, say); digits and marks count for none. */
  private static boolean mixesScripts(String value) {
    return value
            .codePoints()
            .filter(Character::isLetter)
            .mapToObj(Character.UnicodeScript::of)
            .filter(
                script ->
                    script != Character.UnicodeScript.COMMON
                        && script != Character.UnicodeScript.INHERITED)
            .distinct()
            .count()
        > 1;
  }

  private static String phone(String raw) {
    if (raw.length() > MAX_PHONE_CHARACTERS) {
      throw invalid(PHONE, "is too long for a phone number");
    }
    boolean international = raw.startsWith("+") || raw.startsWith("00");
    // "+44 (0)7700 900123": the bracketed 0 is the trunk prefix, dialled only from inside the
    // country, so it is not part of the international number.
    String text = international ? TRUNK_PREFIX_IN_BRACKETS.matcher(raw).replaceFirst(" ") : raw;
    var digits = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
      } else if (c == '+') {
        if (i != 0) {
          throw invalid(PHONE, "has a + that is not at the start");
        }
      } else if (Character.isLetter(c)) {
        throw invalid(PHONE, "contains letters; give the number alone, without an extension");
      } else if (PHONE_SEPARATORS.indexOf(c) < 0
          && !Character.isWhitespace(c)
          && !Character.isSpaceChar(c)) {
        throw invalid(
            PHONE, "may contain only digits, a leading +, spaces, hyphens, dots and brackets");
      }
    }
    String number = digits.toString();
    if (raw.startsWith("+")) {
      return international(number);
    }
    if (number.startsWith("00")) {
      return international(number.substring(2));
    }
    if (number.startsWith("0")) {
      return uk(number.substring(1));
    }
    if (number.startsWith("44")) {
      return international(number);
    }
    throw invalid(
        PHONE,
        "has no leading 0, + or 00, so it cannot be told whether it is a UK or a foreign number");
  }

  private static String international(String digits) {
    if (digits.isEmpty() || digits.charAt(0) == '0') {
      throw invalid(PHONE, "has no country code after the + or 00");
    }
    if (digits.startsWith("44")) {
      String national = digits.substring(2);
      // "+44 07700 900123" is a common slip for "+44 7700 900123".
      return uk(national.startsWith("0") ? national.substring(1) : national);
    }
    if (digits.length() < 8 || digits.length() > 15) {
      throw invalid(
          PHONE, "has " + digits.length() + " digits; an international number has 8 to 15");
    }
    return "+" + digits;
  }

  private static String uk(String national) {
    boolean tenDigits = national.length() == 10;
    boolean legacyGeographic = national.length() == 9 && national.startsWith("1");
    if (national.startsWith("0") || !(tenDigits || legacyGeographic)) {
      throw invalid(
          PHONE,
          "has "
              + national.length()
              + " digits after the leading 0; a UK number has 10 (9 for some 01 numbers)");
    }
    return "+44" + national;
  }

  private static String vehicle(String raw) {
    String compact = VEHICLE_SEPARATORS.matcher(raw).replaceAll("");
    // Checked before upper-casing: "ß" upper-cases to "SS" and would slip through.
    if (!VEHICLE_FORM.matcher(compact).matches()) {
      throw invalid(
          VEHICLE, "must be 2 to 8 letters A to Z and digits, once spaces and hyphens are removed");
    }
    return compact.toUpperCase(Locale.ROOT);
  }

  private static String handle(String raw) {
    if (raw.length() > MAX_HANDLE_CHARACTERS) {
      throw invalid(SOCIAL_MEDIA, "is too long for a handle");
    }
    Optional<String> platform = Optional.empty();
    String handle = raw;
    int colon = raw.indexOf(':');
    if (colon >= 0) {
      String name = raw.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      if (!PLATFORM_FORM.matcher(name).matches()) {
        throw invalid(
            SOCIAL_MEDIA, "must be a handle, or platform:handle with a one-word platform");
      }
      platform = Optional.of(name);
      handle = raw.substring(colon + 1).strip();
    }
    if (handle.startsWith("@")) {
      handle = handle.substring(1);
    }
    if (handle.isEmpty()) {
      throw invalid(SOCIAL_MEDIA, "has no handle");
    }
    if (handle.codePoints().anyMatch(Normaliser::isSpace)) {
      throw invalid(SOCIAL_MEDIA, "contains spaces");
    }
    if (handle.indexOf(':') >= 0 || handle.indexOf('/') >= 0) {
      throw invalid(
          SOCIAL_MEDIA, "looks like a link; give the handle, or platform:handle, instead");
    }
    if (mixesScripts(handle)) {
      throw invalid(SOCIAL_MEDIA, "mixes letters of different alphabets, as look-alikes do");
    }
    String lower = handle.toLowerCase(Locale.ROOT);
    return platform.map(name -> name + ":" + lower).orElse(lower);
  }

  private static String email(String raw) {
    if (raw.length() > MAX_EMAIL_CHARACTERS) {
      throw invalid(EMAIL, "is too long for an email address");
    }
    if (raw.codePoints().anyMatch(Normaliser::isSpace)) {
      throw invalid(EMAIL, "contains spaces");
    }
    int at = raw.indexOf('@');
    if (at < 0 || at != raw.lastIndexOf('@')) {
      throw invalid(EMAIL, "must contain exactly one @");
    }
    if (at == 0) {
      throw invalid(EMAIL, "has nothing before the @");
    }
    String domain = raw.substring(at + 1);
    if (!domain.contains(".")
        || domain.startsWith(".")
        || domain.endsWith(".")
        || domain.contains("..")) {
      throw invalid(EMAIL, "needs a domain with a dot after the @, such as example.org");
    }
    if (mixesScripts(raw.substring(0, at))
        || java.util.Arrays.stream(domain.split("\\.")).anyMatch(Normaliser::mixesScripts)) {
      throw invalid(EMAIL, "mixes letters of different alphabets, as look-alikes do");
    }
    return raw.toLowerCase(Locale.ROOT);
  }

  /**
   * A person's name in one form, so "DAVE SMITH" and "Dave Smith" agree: NFKC, lower case, letters,
   * hyphens and apostrophes only, words in the order given, one space between them.
   *
   * @throws IllegalArgumentException when no letters are left; the message does not repeat the name
   */
  static String personName(String fullName) {
    Objects.requireNonNull(fullName, "fullName");
    String folded = Normalizer.normalize(fullName, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    var kept = new StringBuilder(folded.length());
    folded
        .codePoints()
        .forEach(
            c -> {
              if (Character.getType(c) == Character.FORMAT) {
                // Zero-width and bidi characters are invisible: "Da<ZWSP>ve" is "dave".
                return;
              }
              if (Character.isLetter(c) || isMark(c)) {
                kept.appendCodePoint(c);
              } else if (isApostrophe(c)) {
                kept.append('\'');
              } else if (isHyphen(c)) {
                kept.append('-');
              } else {
                // Digits and punctuation separate words ("J.Smith" is "j smith"), never join them.
                kept.append(' ');
              }
            });
    List<String> words = new ArrayList<>();
    for (String word : kept.toString().split(" ")) {
      String trimmed = stripEnds(word);
      if (!trimmed.isEmpty()) {
        words.add(trimmed);
      }
    }
    if (words.isEmpty()) {
      throw new IllegalArgumentException("a person's name must contain letters");
    }
    return String.join(" ", words);
  }

  /** Quotes round a nickname ('Tiny') and stray hyphens are not part of the name. */
  private static String stripEnds(String word) {
    int start = 0;
    int end = word.length();
    while (start < end && (word.charAt(start) == '\'' || word.charAt(start) == '-')) {
      start++;
    }
    while (end > start && (word.charAt(end - 1) == '\'' || word.charAt(end - 1) == '-')) {
      end--;
    }
    return word.substring(start, end);
  }

  static boolean isApostrophe(int c) {
    return c == '\''
        || c == '\u2019'
        || c == '\u2018'
        || c == '\u02BC'
        || c == '`'
        || c == '\u00B4';
  }

  private static boolean isHyphen(int c) {
    return c == '-' || (c >= '\u2010' && c <= '\u2015') || c == '\u2212';
  }

  private static boolean isMark(int c) {
    int type = Character.getType(c);
    return type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  private static boolean isSpace(int c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  private static InvalidIdentifierException invalid(IdentifierType type, String reason) {
    return new InvalidIdentifierException(type, reason);
  }
}
