package uk.crossline.model.location;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A full UK postcode split into its outward code ({@code B97}) and inward code ({@code 4AB}).
 *
 * <p>A home postcode is personal data: it can single out a household. So nothing here ever puts the
 * text it was given into an exception message, and a {@code Postcode} must not be logged or kept in
 * an event; only {@link #outward()} and, where allowed, {@link #sector()} may leave the intake.
 */
public record Postcode(String outward, String inward) {

  // The shapes Royal Mail issues (A9, A99, AA9, AA99, A9A, AA9A), with the letters each position
  // may hold, so a typo such as "B97 4CB" is refused rather than generalised to the wrong place.
  private static final Pattern OUTWARD =
      Pattern.compile(
          "[A-PR-UWYZ][0-9][0-9]?"
              + "|[A-PR-UWYZ][A-HK-Y][0-9][0-9]?"
              + "|[A-PR-UWYZ][0-9][A-HJKPSTUW]"
              + "|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY]");
  private static final Pattern INWARD = Pattern.compile("[0-9][ABD-HJLNP-UW-Z]{2}");
  private static final Pattern SECTOR_UNIT = Pattern.compile("[0-9]");

  public Postcode {
    Objects.requireNonNull(outward, "postcode outward code");
    Objects.requireNonNull(inward, "postcode inward code");
    outward = compact(outward);
    inward = compact(inward);
    if (!OUTWARD.matcher(outward).matches() || !INWARD.matcher(inward).matches()) {
      throw new IllegalArgumentException("postcode is not a valid UK postcode");
    }
  }

  /**
   * Reads a full postcode in any case and spacing ({@code b974ab}, {@code B97 4AB}, {@code DY10
   * 1AA}).
   *
   * @throws IllegalArgumentException if the text is not a full UK postcode; the message never
   *     repeats the text
   */
  public static Postcode parse(String text) {
    var compact = compact(Objects.requireNonNull(text, "postcode"));
    // The inward code is always three characters, so the split needs no separator.
    if (compact.length() < 5 || compact.length() > 7) {
      throw new IllegalArgumentException("postcode is not a valid UK postcode");
    }
    var split = compact.length() - 3;
    return new Postcode(compact.substring(0, split), compact.substring(split));
  }

  /** Whether the text, in any case and spacing, is an outward code such as {@code B97}. */
  public static boolean isOutwardCode(String text) {
    return text != null && OUTWARD.matcher(compact(text)).matches();
  }

  /**
   * The canonical form of an outward code: {@code b97} gives {@code B97}.
   *
   * @throws IllegalArgumentException if the text is not an outward code; the message never repeats
   *     the text
   */
  public static String normaliseOutward(String text) {
    if (!isOutwardCode(text)) {
      throw new IllegalArgumentException("postcode outward code must look like B97 or DY10");
    }
    return compact(text);
  }

  /** The postcode sector, outward code and the first digit of the inward code: {@code B97 4}. */
  public String sector() {
    return outward + " " + inward.charAt(0);
  }

  /** Careful: this is the full postcode, personal data when it is someone's home. */
  @Override
  public String toString() {
    return outward + " " + inward;
  }

  /** The canonical form of a sector in any case and spacing ({@code b974} gives {@code B97 4}). */
  static Optional<String> normaliseSector(String text) {
    if (text == null) {
      return Optional.empty();
    }
    var compact = compact(text);
    if (compact.length() < 3) {
      return Optional.empty();
    }
    var outward = compact.substring(0, compact.length() - 1);
    var unit = compact.substring(compact.length() - 1);
    if (!OUTWARD.matcher(outward).matches() || !SECTOR_UNIT.matcher(unit).matches()) {
      return Optional.empty();
    }
    return Optional.of(outward + " " + unit);
  }

  /** Upper case with every kind of space removed, including the no-break space of pasted text. */
  private static String compact(String text) {
    var out = new StringBuilder(text.length());
    text.codePoints()
        .filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c))
        .forEach(out::appendCodePoint);
    return out.toString().toUpperCase(Locale.ROOT);
  }
}
