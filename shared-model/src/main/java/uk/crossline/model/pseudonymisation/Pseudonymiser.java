package uk.crossline.model.pseudonymisation;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import uk.crossline.model.vocabulary.IdentifierType;

/**
 * Makes pseudonym tokens: HMAC-SHA-256 under a {@link KeyRing} of a normalised value, so the same
 * identifier gives the same token at every agency while the token alone reveals nothing. Every
 * message starts with what kind of value it is ({@code PHONE|}, {@code PERSON|}, {@code HASH|}), so
 * a phone number and an email, or a name and a keyed hash, that share their text never share a
 * token. Safe to share between threads.
 */
public final class Pseudonymiser {

  private static final String PERSON = "PERSON";
  private static final String KEYED_HASH = "HASH";
  private static final Pattern PURPOSE_FORM = Pattern.compile("[A-Za-z0-9]+([._-][A-Za-z0-9]+)*");

  private final KeyRing keys;

  public Pseudonymiser(KeyRing keys) {
    this.keys = Objects.requireNonNull(keys, "keys");
  }

  /**
   * The token of an identifier under the current key.
   *
   * @throws InvalidIdentifierException when the value cannot be normalised
   */
  public PseudonymToken token(IdentifierType type, String raw) {
    return PseudonymToken.of(
        keys.currentVersion(), hmac(keys.currentVersion(), message(type, raw)));
  }

  /**
   * The identifier's token under every key, current first, then older ones newest first: search for
   * any of them to find events tokenised before a key rotation as well as after it.
   *
   * @throws InvalidIdentifierException when the value cannot be normalised
   */
  public List<PseudonymToken> tokensUnderEveryKey(IdentifierType type, String raw) {
    String message = message(type, raw);
    return keys.currentFirst().stream()
        .map(version -> PseudonymToken.of(version, hmac(version, message)))
        .toList();
  }

  /**
   * The token of a person, from their name and, where known, date of birth. Names agree across
   * spacing, case and Unicode look-alikes but keep their word order, so "Smith Dave" is someone
   * else; a name without a date of birth is a different token from the same name with one.
   *
   * @throws IllegalArgumentException when the name has no letters; the message does not repeat it
   */
  public PseudonymToken personToken(String fullName, Optional<LocalDate> dateOfBirth) {
    Objects.requireNonNull(dateOfBirth, "dateOfBirth");
    String message =
        PERSON
            + "|"
            + Normaliser.personName(fullName)
            + "|"
            + dateOfBirth.map(LocalDate::toString).orElse("-");
    return PseudonymToken.of(keys.currentVersion(), hmac(keys.currentVersion(), message));
  }

  /**
   * A keyed hash of any value for another purpose (e.g. {@code origin-ref}, the submitter's own
   * reference), under the current key. It has the token form {@code k<version>.<base64url>} so that
   * it survives a key rotation, and the purpose keeps hashes for one use from matching those for
   * another. The value is hashed exactly as given: normalise it first if spellings vary.
   *
   * @param purpose a word such as {@code origin-ref}: letters and digits joined by . _ or -
   */
  public String keyedHash(String purpose, String value) {
    return PseudonymToken.of(
            keys.currentVersion(), hmac(keys.currentVersion(), hashMessage(purpose, value)))
        .value();
  }

  /** {@link #keyedHash} under every key, current first, for look-ups across a key rotation. */
  public List<String> keyedHashesUnderEveryKey(String purpose, String value) {
    String message = hashMessage(purpose, value);
    return keys.currentFirst().stream()
        .map(version -> PseudonymToken.of(version, hmac(version, message)).value())
        .toList();
  }

  private static String message(IdentifierType type, String raw) {
    return type.name() + "|" + Normaliser.normalise(type, raw);
  }

  private static String hashMessage(String purpose, String value) {
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(value, "value");
    // A "|" in the purpose would let ("a|b", "c") and ("a", "b|c") hash alike.
    if (!PURPOSE_FORM.matcher(purpose).matches()) {
      throw new IllegalArgumentException(
          "purpose must be letters and digits joined by . _ or -, such as origin-ref");
    }
    return KEYED_HASH + "|" + purpose + "|" + value;
  }

  private byte[] hmac(int version, String message) {
    return keys.mac(version).doFinal(message.getBytes(StandardCharsets.UTF_8));
  }
}
