package uk.crossline.model.subscription;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.StringJoiner;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a webhook alert is signed, and how its receiver checks it: plain Java, so a receiver may copy
 * this class as it is. Each POST carries {@value #ALERT_ID_HEADER} (the stable alert id, the
 * receiver's de-duplication key), {@value #TIMESTAMP_HEADER} (Unix seconds when this attempt was
 * signed) and {@value #SIGNATURE_HEADER} {@code v1=<hex HMAC-SHA256(secret, timestamp + "." +
 * body)>}, the secret's UTF-8 bytes as the key and the body's exact bytes as received. A receiver
 * refuses a signature that does not match, and a timestamp further than its tolerance from its own
 * clock (a replayed old request).
 *
 * <p>While a subscriber rotates its secret, the header carries one signature per live secret,
 * newest first, separated by commas ({@code v1=<by new secret>,v1=<by old secret>}): a receiver
 * accepts the request when any {@code v1} signature matches the one secret it holds, so it can
 * switch to the new secret at any moment of the overlap. Elements of another scheme than {@code v1}
 * are ignored, so a later scheme can be added beside it.
 *
 * <pre>{@code
 * boolean ok = WebhookSignature.verify(secret,
 *     request.header("Crossline-Timestamp"), request.header("Crossline-Signature"),
 *     bodyBytes, Instant.now(), WebhookSignature.DEFAULT_TOLERANCE);
 * }</pre>
 */
public final class WebhookSignature {

  public static final String ALERT_ID_HEADER = "Crossline-Alert-Id";
  public static final String TIMESTAMP_HEADER = "Crossline-Timestamp";
  public static final String SIGNATURE_HEADER = "Crossline-Signature";

  /** How far a timestamp may be from the receiver's clock by default. */
  public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

  private static final String VERSION = "v1=";

  /** The most signatures one header is read for: a rotation has two; more is not the hub's. */
  static final int MAX_SIGNATURES = 8;

  private WebhookSignature() {}

  /** The {@value #SIGNATURE_HEADER} value for this body signed at this time. */
  public static String sign(String secret, long timestampSeconds, byte[] body) {
    return VERSION + HexFormat.of().formatHex(hmac(secret, timestampSeconds, body));
  }

  /**
   * The {@value #SIGNATURE_HEADER} value for this body signed at this time by each secret, in the
   * order given (newest first): {@code v1=<hex>,v1=<hex>}.
   *
   * @param secrets at least one
   */
  public static String sign(List<String> secrets, long timestampSeconds, byte[] body) {
    if (secrets.isEmpty()) {
      throw new IllegalArgumentException("secrets: at least one");
    }
    StringJoiner header = new StringJoiner(",");
    for (String secret : secrets) {
      header.add(sign(secret, timestampSeconds, body));
    }
    return header.toString();
  }

  /**
   * Whether the request is signed with this secret (by any of the header's {@code v1} signatures),
   * and signed within the tolerance of now.
   *
   * @param timestampHeader the {@value #TIMESTAMP_HEADER} value as received (may be null)
   * @param signatureHeader the {@value #SIGNATURE_HEADER} value as received (may be null): one
   *     signature, or several separated by commas
   */
  public static boolean verify(
      String secret,
      String timestampHeader,
      String signatureHeader,
      byte[] body,
      Instant now,
      Duration tolerance) {
    if (secret == null || timestampHeader == null || signatureHeader == null || body == null) {
      return false;
    }
    long timestamp;
    try {
      timestamp = Long.parseLong(timestampHeader.strip());
    } catch (NumberFormatException e) {
      return false;
    }
    if (Math.abs(now.getEpochSecond() - timestamp) > tolerance.toSeconds()) {
      return false;
    }
    String[] given = signatureHeader.split(",", MAX_SIGNATURES + 1);
    if (given.length > MAX_SIGNATURES) {
      return false;
    }
    byte[] expected = hmac(secret, timestamp, body);
    boolean matched = false;
    for (String element : given) {
      String signature = element.strip();
      if (!signature.startsWith(VERSION)) {
        continue;
      }
      byte[] received;
      try {
        received = HexFormat.of().parseHex(signature.substring(VERSION.length()));
      } catch (IllegalArgumentException e) {
        continue;
      }
      // Constant time, so the comparison tells an attacker nothing about how close they came;
      // every element is compared, so neither does which one matched.
      matched |= MessageDigest.isEqual(expected, received);
    }
    return matched;
  }

  private static byte[] hmac(String secret, long timestampSeconds, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((timestampSeconds + ".").getBytes(StandardCharsets.US_ASCII));
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
