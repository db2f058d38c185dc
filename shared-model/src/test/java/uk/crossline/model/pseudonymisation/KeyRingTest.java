package uk.crossline.model.pseudonymisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeyRingTest {

  static byte[] secret(int fill) {
    byte[] secret = new byte[32];
    Arrays.fill(secret, (byte) fill);
    return secret;
  }

  /** Worked out independently (Python's hmac) so the test also pins the message format. */
  private static final String DEMO_PIN = "k2.Vy0d_7L6iQ5iFXhs8AkbS7Zqsq3Sc1jxkFqSXBlkHks";

  private static final String SECRET_ONE = Base64.getEncoder().encodeToString(secret(1));
  private static final String SECRET_TWO = Base64.getEncoder().encodeToString(secret(2));

  @Test
  void specGivesEveryVersionAndTheCurrentOne() {
    var keys = KeyRing.parse("current=2;1=" + SECRET_ONE + ";2=" + SECRET_TWO);

    assertThat(keys.currentVersion()).isEqualTo(2);
    assertThat(keys.versions()).containsExactly(1, 2);
    assertThat(keys.currentFirst()).containsExactly(2, 1);
  }

  @Test
  void specToleratesSpacesTrailingSeparatorAndUnpaddedUrlSafeBase64() {
    byte[] awkward = new byte[33];
    Arrays.fill(awkward, (byte) 0xFB);
    String urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(awkward);

    var keys = KeyRing.parse(" 3 = " + urlSafe + " ; current = 3 ; ");

    assertThat(keys.currentVersion()).isEqualTo(3);
    assertThat(keys.versions()).containsExactly(3);
  }

  @Test
  void olderVersionsComeAfterTheCurrentNewestFirst() {
    var keys = KeyRing.of(2, Map.of(1, secret(1), 2, secret(2), 3, secret(3)));

    assertThat(keys.currentFirst()).containsExactly(2, 3, 1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "current=1",
        "1=SECRET",
        "current=2;1=SECRET",
        "current=one;1=SECRET",
        "current=1;current=1;1=SECRET",
        "current=1;1=SECRET;1=SECRET",
        "current=1;SECRET",
        "current=1;x=SECRET",
        "current=1;1=SHORT",
        "current=1;1=SECRET!",
        "current=0;0=SECRET",
        "current=1;-1=SECRET;1=SECRET"
      })
  void badSpecIsRejectedWithoutQuotingAnySecret(String template) {
    String short16 = Base64.getEncoder().encodeToString(new byte[16]);
    String spec = template.replace("SECRET", SECRET_ONE).replace("SHORT", short16);

    assertThatThrownBy(() -> KeyRing.parse(spec))
        .isInstanceOf(IllegalArgumentException.class)
        .hasNoCause()
        .satisfies(
            e -> {
              assertThat(e.getMessage())
                  .doesNotContain(SECRET_ONE)
                  .doesNotContain(SECRET_ONE.substring(0, 8))
                  .doesNotContain(short16.substring(0, 8));
            });
  }

  @Test
  void secretShorterThan32BytesIsRejected() {
    assertThatThrownBy(() -> KeyRing.of(1, Map.of(1, new byte[31])))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 32");
  }

  @Test
  void currentVersionMustBeInTheRing() {
    assertThatThrownBy(() -> KeyRing.of(3, Map.of(1, secret(1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("current key version 3");
  }

  @Test
  void versionBelowOneOrMissingSecretIsRejected() {
    Map<Integer, byte[]> missing = new HashMap<>();
    missing.put(1, null);

    assertThatThrownBy(() -> KeyRing.of(0, Map.of(0, secret(1))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> KeyRing.of(1, missing)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> KeyRing.of(1, Map.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toStringNamesVersionsButNoSecret() {
    var keys = KeyRing.parse("current=2;1=" + SECRET_ONE + ";2=" + SECRET_TWO);

    assertThat(keys.toString())
        .isEqualTo("KeyRing[current=2, versions=[1, 2]]")
        .doesNotContain(SECRET_ONE)
        .doesNotContain(SECRET_TWO);
  }

  @Test
  void secretsAreCopiedSoTheCallerMayWipeItsOwn() {
    byte[] mine = secret(7);
    var keys = KeyRing.of(1, Map.of(1, mine));
    var before = new Pseudonymiser(keys).keyedHash("test", "value");

    Arrays.fill(mine, (byte) 0);

    assertThat(new Pseudonymiser(keys).keyedHash("test", "value")).isEqualTo(before);
  }

  @Test
  void demoRingIsLabelledAndStable() {
    var demo = KeyRing.demo();

    assertThat(demo.isDemo()).isTrue();
    assertThat(demo.currentVersion()).isEqualTo(2);
    assertThat(demo.versions()).containsExactly(1, 2);
    assertThat(demo.toString()).contains("DEMO");
    assertThat(KeyRing.of(1, Map.of(1, secret(1))).isDemo()).isFalse();
    // Pinned so that demo data seeded by one build is still found by the next.
    assertThat(new Pseudonymiser(demo).keyedHash("pin", "demo"))
        .isEqualTo(new Pseudonymiser(KeyRing.demo()).keyedHash("pin", "demo"))
        .isEqualTo(DEMO_PIN);
  }

  @Test
  void versionsCannotBeChangedFromOutside() {
    var keys = KeyRing.demo();

    assertThatThrownBy(() -> keys.versions().add(3))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
