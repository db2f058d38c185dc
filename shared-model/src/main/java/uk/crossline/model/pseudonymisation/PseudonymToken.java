package uk.crossline.model.pseudonymisation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A pseudonym for an identifier or a person, e.g. {@code k2.3q2-7w...}: the version of the key it
 * was made under, a dot, and the HMAC-SHA-256 in base64url without padding. Equal tokens mean the
 * same identifier under the same key; the value itself reveals nothing without the key.
 */
public record PseudonymToken(String value) {

  static final int HMAC_BYTES = 32;

  // 32 bytes are 43 base64url characters; the last carries 4 bits of data and 2 zero bits, so only
  // these 16 characters can end a genuine token.
  private static final Pattern FORM =
      Pattern.compile("k([1-9][0-9]{0,8})\\.[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]");

  public PseudonymToken {
    Objects.requireNonNull(value, "token");
    if (!FORM.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "token: not a pseudonym token; expected k<key version>.<43 base64url characters>");
    }
  }

  /**
   * @throws IllegalArgumentException when the text is not in token form
   */
  @JsonCreator
  public static PseudonymToken parse(String value) {
    return new PseudonymToken(value);
  }

  static PseudonymToken of(int keyVersion, byte[] hmac) {
    if (hmac.length != HMAC_BYTES) {
      throw new IllegalArgumentException("an HMAC-SHA-256 is " + HMAC_BYTES + " bytes");
    }
    return new PseudonymToken(
        "k" + keyVersion + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(hmac));
  }

  /** The version of the key this token was made under. */
  public int keyVersion() {
    return Integer.parseInt(value, 1, value.indexOf('.'), 10);
  }

  @JsonValue
  @Override
  public String toString() {
    return value;
  }
}
