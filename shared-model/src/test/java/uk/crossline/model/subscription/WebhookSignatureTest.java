package uk.crossline.model.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

  private static final String SECRET = "whsec_0123456789abcdefghij";
  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  private static final byte[] BODY =
      "{\"alertId\":\"8b0c\",\"kind\":\"NEW\"}".getBytes(StandardCharsets.UTF_8);
  private static final String TIMESTAMP = Long.toString(NOW.getEpochSecond());

  @Test
  void signedWithTheSecretThenVerifies() {
    String signature = WebhookSignature.sign(SECRET, NOW.getEpochSecond(), BODY);

    assertThat(signature).matches("v1=[0-9a-f]{64}");
    assertThat(
            WebhookSignature.verify(
                SECRET, TIMESTAMP, signature, BODY, NOW, WebhookSignature.DEFAULT_TOLERANCE))
        .isTrue();
  }

  @Test
  void knownVectorThenSameHexAsAnyHmacSha256() {
    // openssl: printf '1.{}' | openssl dgst -sha256 -hmac 'whsec_0123456789abcdefghij'
    assertThat(WebhookSignature.sign(SECRET, 1, "{}".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("v1=3c16ec87b24aa92735dd5b44aebce07baafc6766b6f39ef13003675826596d73");
  }

  @Test
  void tamperedBodyThenRefused() {
    String signature = WebhookSignature.sign(SECRET, NOW.getEpochSecond(), BODY);
    byte[] tampered = "{\"alertId\":\"8b0c\",\"kind\":\"NEW \"}".getBytes(StandardCharsets.UTF_8);

    assertThat(
            WebhookSignature.verify(
                SECRET, TIMESTAMP, signature, tampered, NOW, Duration.ofMinutes(5)))
        .isFalse();
  }

  @Test
  void wrongSecretThenRefused() {
    String signature =
        WebhookSignature.sign("whsec_someone-else-entirely", NOW.getEpochSecond(), BODY);

    assertThat(
            WebhookSignature.verify(SECRET, TIMESTAMP, signature, BODY, NOW, Duration.ofMinutes(5)))
        .isFalse();
  }

  @Test
  void timestampChangedOrOutsideToleranceThenRefused() {
    String signature = WebhookSignature.sign(SECRET, NOW.getEpochSecond(), BODY);

    // the same signature with another timestamp: the timestamp is signed too
    assertThat(
            WebhookSignature.verify(
                SECRET,
                Long.toString(NOW.getEpochSecond() + 1),
                signature,
                BODY,
                NOW,
                Duration.ofMinutes(5)))
        .isFalse();
    // a genuine request replayed ten minutes later
    assertThat(
            WebhookSignature.verify(
                SECRET, TIMESTAMP, signature, BODY, NOW.plusSeconds(600), Duration.ofMinutes(5)))
        .isFalse();
  }

  @Test
  void missingOrMalformedHeadersThenRefused() {
    String signature = WebhookSignature.sign(SECRET, NOW.getEpochSecond(), BODY);

    assertThat(WebhookSignature.verify(SECRET, null, signature, BODY, NOW, Duration.ofMinutes(5)))
        .isFalse();
    assertThat(WebhookSignature.verify(SECRET, TIMESTAMP, null, BODY, NOW, Duration.ofMinutes(5)))
        .isFalse();
    assertThat(WebhookSignature.verify(SECRET, "soon", signature, BODY, NOW, Duration.ofMinutes(5)))
        .isFalse();
    assertThat(
            WebhookSignature.verify(
                SECRET, TIMESTAMP, signature.substring(3), BODY, NOW, Duration.ofMinutes(5)))
        .isFalse();
    assertThat(
            WebhookSignature.verify(SECRET, TIMESTAMP, "v1=zz", BODY, NOW, Duration.ofMinutes(5)))
        .isFalse();
  }

  @Test
  void headerSignedByTwoSecretsThenVerifiesWithEitherNewestFirst() {
    String previous = "whsec_the-secret-being-replaced";
    String header = WebhookSignature.sign(List.of(SECRET, previous), NOW.getEpochSecond(), BODY);

    assertThat(header).matches("v1=[0-9a-f]{64},v1=[0-9a-f]{64}");
    assertThat(header)
        .isEqualTo(
            WebhookSignature.sign(SECRET, NOW.getEpochSecond(), BODY)
                + ","
                + WebhookSignature.sign(previous, NOW.getEpochSecond(), BODY));
    assertThat(WebhookSignature.verify(SECRET, TIMESTAMP, header, BODY, NOW, Duration.ofMinutes(5)))
        .isTrue();
    assertThat(
            WebhookSignature.verify(previous, TIMESTAMP, header, BODY, NOW, Duration.ofMinutes(5)))
        .isTrue();
  }

  @Test
  void headerWithSeveralSignaturesNoneBySecretThenRefused() {
    String header =
        WebhookSignature.sign(
            List.of("whsec_someone-else-entirely", "whsec_and-another-one-too"),
            NOW.getEpochSecond(),
            BODY);

    assertThat(WebhookSignature.verify(SECRET, TIMESTAMP, header, BODY, NOW, Duration.ofMinutes(5)))
        .isFalse();
  }

  @Test
  void headerWithSpacesMalformedOrOtherSchemeElementsThenTheGoodV1StillVerifies() {
    String good = WebhookSignature.sign(SECRET, NOW.getEpochSecond(), BODY);

    for (String header :
        List.of(
            "v1=zz, " + good,
            good + " , v1=",
            "v0=abcdef," + good,
            "v2=" + good.substring(3) + "," + good)) {
      assertThat(
              WebhookSignature.verify(SECRET, TIMESTAMP, header, BODY, NOW, Duration.ofMinutes(5)))
          .as(header)
          .isTrue();
    }
    // a signature of another scheme alone is not a v1 signature, even with the right hex
    assertThat(
            WebhookSignature.verify(
                SECRET, TIMESTAMP, "v2=" + good.substring(3), BODY, NOW, Duration.ofMinutes(5)))
        .isFalse();
    assertThat(WebhookSignature.verify(SECRET, TIMESTAMP, ",", BODY, NOW, Duration.ofMinutes(5)))
        .isFalse();
  }

  @Test
  void headerWithMoreThanEightSignaturesThenRefusedWithoutTryingThem() {
    String good = WebhookSignature.sign(SECRET, NOW.getEpochSecond(), BODY);
    String header = String.join(",", java.util.Collections.nCopies(9, good));

    assertThat(WebhookSignature.verify(SECRET, TIMESTAMP, header, BODY, NOW, Duration.ofMinutes(5)))
        .isFalse();
    assertThat(
            WebhookSignature.verify(
                SECRET,
                TIMESTAMP,
                String.join(",", java.util.Collections.nCopies(8, good)),
                BODY,
                NOW,
                Duration.ofMinutes(5)))
        .isTrue();
  }

  @Test
  void noSecretToSignWithThenRefusedToSign() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> WebhookSignature.sign(List.<String>of(), NOW.getEpochSecond(), BODY))
        .hasMessageStartingWith("secrets:");
  }
}
