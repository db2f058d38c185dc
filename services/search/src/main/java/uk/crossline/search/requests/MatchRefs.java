package uk.crossline.search.requests;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import uk.crossline.kit.problem.ProblemException;
import uk.crossline.model.Caller;
import uk.crossline.model.pseudonymisation.PseudonymToken;

/**
 * Match references: what matched, for which agency and until when, sealed with AES-256-GCM under a
 * secret of the search service. The caller holds an opaque string that names neither tokens (which
 * only police analysts may see) nor event ids, cannot be altered without detection, cannot be used
 * by another agency, and expires. Nothing is stored server-side, so any search instance that shares
 * the secret can open it.
 */
@Component
class MatchRefs {

  private static final Logger log = LoggerFactory.getLogger(MatchRefs.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final byte VERSION = 1;
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final byte[] CONTEXT = "crossline-match-ref".getBytes(StandardCharsets.UTF_8);
  private static final String IDENTIFIER = "IDENTIFIER";
  private static final String PREMISES = "PREMISES";

  private final SecretKey key;
  private final RequestSettings settings;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  @Autowired
  MatchRefs(RequestSettings settings) {
    this(settings, Clock.systemUTC());
  }

  MatchRefs(RequestSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.key = new SecretKeySpec(secret(settings), "AES");
  }

  /** A sealed reference to what matched, for the caller's agency only. */
  String seal(Caller caller, MatchKey match) {
    Map<String, Object> content =
        Map.of(
            "agency", caller.agency().value(),
            "expires", clock.instant().plus(settings.matchRefLifetime()).getEpochSecond(),
            "kind", kind(match),
            "values", match.values());
    try {
      byte[] iv = new byte[IV_BYTES];
      random.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(CONTEXT);
      byte[] sealed = cipher.doFinal(JSON.writeValueAsBytes(content));
      ByteBuffer out = ByteBuffer.allocate(1 + IV_BYTES + sealed.length);
      out.put(VERSION).put(iv).put(sealed);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(out.array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every JDK", e);
    }
  }

  /**
   * What the reference says matched, if it was sealed here for the caller's agency and has not
   * expired.
   *
   * @throws ProblemException 400 naming {@code matchRef} otherwise; the reason never tells a forged
   *     reference from another agency's
   */
  MatchKey open(Caller caller, String matchRef) {
    Map<?, ?> content;
    try {
      byte[] bytes = Base64.getUrlDecoder().decode(matchRef);
      if (bytes.length < 1 + IV_BYTES + TAG_BITS / 8 || bytes[0] != VERSION) {
        throw notOurs();
      }
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 1, IV_BYTES));
      cipher.updateAAD(CONTEXT);
      content =
          JSON.readValue(
              cipher.doFinal(bytes, 1 + IV_BYTES, bytes.length - 1 - IV_BYTES), Map.class);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw notOurs();
    }
    if (!caller.agency().value().equals(content.get("agency"))) {
      throw notOurs();
    }
    if (!(content.get("expires") instanceof Number expires)
        || Instant.ofEpochSecond(expires.longValue()).isBefore(clock.instant())) {
      throw ProblemException.invalid("matchRef", "has expired; look up again for a new one");
    }
    if (!(content.get("values") instanceof List<?> values) || values.isEmpty()) {
      throw notOurs();
    }
    try {
      return switch (String.valueOf(content.get("kind"))) {
        case IDENTIFIER ->
            new MatchKey.IdentifierTokens(
                values.stream().map(v -> PseudonymToken.parse(String.valueOf(v))).toList());
        case PREMISES -> new MatchKey.PremisesKey(String.valueOf(values.getFirst()));
        default -> throw notOurs();
      };
    } catch (IllegalArgumentException e) {
      throw notOurs();
    }
  }

  private static String kind(MatchKey match) {
    return switch (match) {
      case MatchKey.IdentifierTokens tokens -> IDENTIFIER;
      case MatchKey.PremisesKey premises -> PREMISES;
    };
  }

  private static ProblemException notOurs() {
    return ProblemException.invalid(
        "matchRef", "not a match reference this hub gave your agency; look up again");
  }

  private static byte[] secret(RequestSettings settings) {
    return settings
        .matchRefSecret()
        .filter(secret -> !secret.isBlank())
        .map(
            secret -> {
              byte[] bytes;
              try {
                bytes = Base64.getDecoder().decode(secret.strip());
              } catch (IllegalArgumentException e) {
                // Not chained: the decoder's message quotes the secret's characters.
                throw new IllegalArgumentException(
                    "crossline.search.requests.match-ref-secret is not valid base64");
              }
              if (bytes.length != 32) {
                throw new IllegalArgumentException(
                    "crossline.search.requests.match-ref-secret must be 32 bytes (AES-256)");
              }
              return bytes;
            })
        .orElseGet(
            () -> {
              log.warn(
                  "crossline.search.requests.match-ref-secret is not set: using the published DEMO"
                      + " secret. Set a real one (openssl rand -base64 32) outside a local run.");
              try {
                return MessageDigest.getInstance("SHA-256")
                    .digest("crossline-demo-match-ref-secret".getBytes(StandardCharsets.UTF_8));
              } catch (GeneralSecurityException e) {
                throw new IllegalStateException("SHA-256 is part of every JDK", e);
              }
            });
  }
}
