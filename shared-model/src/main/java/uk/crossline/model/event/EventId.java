package uk.crossline.model.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;
import uk.crossline.model.AgencyId;

/**
 * The stable id of one piece of intelligence. Derived from the originating agency and the keyed
 * hash of the agency's own reference, so a retried submission yields the same id, and nobody who
 * lacks the agency's reference key can work an id out from a reference.
 */
public record EventId(String value) {

  private static final Pattern FORM =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  public EventId {
    Objects.requireNonNull(value, "eventId");
    if (!FORM.matcher(value).matches()) {
      throw new IllegalArgumentException("an event id is a lower-case UUID");
    }
  }

  @JsonCreator
  public static EventId of(String value) {
    return new EventId(value);
  }

  /** The id of the report an agency filed under the reference whose keyed hash is given. */
  public static EventId derive(AgencyId agency, String originRefHash) {
    byte[] digest;
    try {
      digest =
          MessageDigest.getInstance("SHA-256")
              .digest(
                  ("crossline-event|" + agency.value() + "|" + originRefHash)
                      .getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
    // RFC 9562 version 8 (custom) UUID: 122 bits of the digest, the version and variant bits set.
    digest[6] = (byte) ((digest[6] & 0x0f) | 0x80);
    digest[8] = (byte) ((digest[8] & 0x3f) | 0x80);
    String hex = HexFormat.of().formatHex(digest, 0, 16);
    return new EventId(
        hex.substring(0, 8)
            + "-"
            + hex.substring(8, 12)
            + "-"
            + hex.substring(12, 16)
            + "-"
            + hex.substring(16, 20)
            + "-"
            + hex.substring(20, 32));
  }

  @JsonValue
  @Override
  public String toString() {
    return value;
  }
}
