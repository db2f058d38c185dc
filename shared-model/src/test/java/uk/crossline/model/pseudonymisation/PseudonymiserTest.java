package uk.crossline.model.pseudonymisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.crossline.model.vocabulary.IdentifierType.EMAIL;
import static uk.crossline.model.vocabulary.IdentifierType.PHONE;
import static uk.crossline.model.vocabulary.IdentifierType.SOCIAL_MEDIA;
import static uk.crossline.model.vocabulary.IdentifierType.VEHICLE;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PseudonymiserTest {

  private static final Pseudonymiser DEMO = new Pseudonymiser(KeyRing.demo());

  private static final LocalDate DOB = LocalDate.of(2009, 3, 12);

  @Test
  void tokenIsHmacSha256OfTypeAndNormalisedValueUnderTheCurrentKey() {
    // Worked out independently with Python's hmac module over "PHONE|+447700900123".
    assertThat(DEMO.token(PHONE, "07700 900123").value())
        .isEqualTo("k2.NZtCRAsY4HQm3X90CTA1IuDKdjpRd3M-orxX1qhqgCk");
  }

  @Test
  void tokenHasTheTokenFormAndTheCurrentKeyVersion() {
    var token = DEMO.token(VEHICLE, "AB12 CDE");

    assertThat(token.keyVersion()).isEqualTo(2);
    assertThat(token.value()).matches("k2\\.[A-Za-z0-9_-]{43}");
    assertThat(PseudonymToken.parse(token.value())).isEqualTo(token);
  }

  @Test
  void samePhoneWrittenTwoWaysYieldsSameToken() {
    assertThat(DEMO.token(PHONE, "07700 900123"))
        .isEqualTo(DEMO.token(PHONE, "+44 (0)7700 900123"))
        .isEqualTo(DEMO.token(PHONE, "0044 7700-900-123"));
  }

  @Test
  void sameIdentifierAtTwoAgenciesYieldsSameToken() {
    var atPolice = new Pseudonymiser(KeyRing.demo());
    var atCouncil = new Pseudonymiser(KeyRing.demo());

    assertThat(atPolice.token(VEHICLE, "ab12-cde")).isEqualTo(atCouncil.token(VEHICLE, "AB12 CDE"));
    assertThat(atPolice.token(SOCIAL_MEDIA, "@Dave_99"))
        .isEqualTo(atCouncil.token(SOCIAL_MEDIA, "dave_99"));
    assertThat(atPolice.token(EMAIL, "Dave@Example.org"))
        .isEqualTo(atCouncil.token(EMAIL, "dave@example.org "));
  }

  @Test
  void differentIdentifiersYieldDifferentTokens() {
    assertThat(DEMO.token(PHONE, "07700 900123")).isNotEqualTo(DEMO.token(PHONE, "07700 900124"));
  }

  @Test
  void sameTextAsTwoTypesYieldsDifferentTokens() {
    assertThat(DEMO.token(SOCIAL_MEDIA, "ab12cde")).isNotEqualTo(DEMO.token(VEHICLE, "ab12cde"));
  }

  @Test
  void differentKeyVersionYieldsDifferentToken() {
    var underOne = new Pseudonymiser(KeyRing.of(1, Map.of(1, KeyRingTest.secret(1))));
    var underTwo =
        new Pseudonymiser(
            KeyRing.of(2, Map.of(1, KeyRingTest.secret(1), 2, KeyRingTest.secret(2))));

    var before = underOne.token(PHONE, "07700 900123");
    var after = underTwo.token(PHONE, "07700 900123");

    assertThat(before.keyVersion()).isEqualTo(1);
    assertThat(after.keyVersion()).isEqualTo(2);
    assertThat(after.value().substring(3)).isNotEqualTo(before.value().substring(3));
  }

  @Test
  void tokensUnderEveryKeyFindTheTokenMadeBeforeRotation() {
    var beforeRotation = new Pseudonymiser(KeyRing.of(1, Map.of(1, KeyRingTest.secret(1))));
    var storedToken = beforeRotation.token(PHONE, "07700 900123");
    var afterRotation =
        new Pseudonymiser(
            KeyRing.of(2, Map.of(1, KeyRingTest.secret(1), 2, KeyRingTest.secret(2))));

    var lookUp = afterRotation.tokensUnderEveryKey(PHONE, "+447700900123");

    assertThat(lookUp).hasSize(2).contains(storedToken);
    assertThat(lookUp.getFirst()).isEqualTo(afterRotation.token(PHONE, "07700 900123"));
    assertThat(lookUp).extracting(PseudonymToken::keyVersion).containsExactly(2, 1);
  }

  @Test
  void tokensUnderEveryKeyMatchAnIndependentlyComputedOldKeyToken() {
    // Python: HMAC-SHA-256(SHA-256("crossline-demo-key-v1"), "PHONE|+447700900123").
    assertThat(DEMO.tokensUnderEveryKey(PHONE, "07700 900123"))
        .extracting(PseudonymToken::value)
        .containsExactly(
            "k2.NZtCRAsY4HQm3X90CTA1IuDKdjpRd3M-orxX1qhqgCk",
            "k1.OuNTSy-MmFhjpOFf8m8iSmJ1QHUIvU-Fjuz-cN3kXVA");
  }

  @Test
  void invalidIdentifierIsRejectedBeforeAnyTokenIsMade() {
    assertThatThrownBy(() -> DEMO.token(PHONE, "07700 900123 ext 4"))
        .isInstanceOf(InvalidIdentifierException.class)
        .hasMessageNotContaining("900123");
    assertThatThrownBy(() -> DEMO.tokensUnderEveryKey(EMAIL, "dave.at.example.org"))
        .isInstanceOf(InvalidIdentifierException.class)
        .hasMessageNotContaining("dave");
  }

  @Test
  void personTokenIsTheSameAcrossSpacingAndCase() {
    assertThat(DEMO.personToken("  DAVE   smith ", Optional.of(DOB)))
        .isEqualTo(DEMO.personToken("Dave Smith", Optional.of(DOB)));
    assertThat(DEMO.personToken("Mary-Jane O’Neill", Optional.empty()))
        .isEqualTo(DEMO.personToken("mary-jane o'neill", Optional.empty()));
  }

  @Test
  void personTokenIsHmacOfNormalisedNameAndIsoDateOfBirth() {
    // Python: HMAC-SHA-256(SHA-256("crossline-demo-key-v2"), "PERSON|dave smith|2009-03-12").
    assertThat(DEMO.personToken("Dave SMITH", Optional.of(DOB)).value())
        .isEqualTo("k2.hgUTjT_CrLVDxymI3uEHyMPCJHbuBwa4dJ3iDX9iNwI");
  }

  @Test
  void personTokenDependsOnWordOrderAndDateOfBirth() {
    var dave = DEMO.personToken("Dave Smith", Optional.of(DOB));

    assertThat(DEMO.personToken("Smith Dave", Optional.of(DOB))).isNotEqualTo(dave);
    assertThat(DEMO.personToken("Dave Smith", Optional.empty())).isNotEqualTo(dave);
    assertThat(DEMO.personToken("Dave Smith", Optional.of(DOB.plusDays(1)))).isNotEqualTo(dave);
  }

  @Test
  void blankNameIsRejectedWithoutATokenOrTheName() {
    assertThatThrownBy(() -> DEMO.personToken("  ", Optional.of(DOB)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DEMO.personToken("12345", Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("12345");
  }

  @Test
  void keyedHashIsSeparatedByPurposeAndFromTokens() {
    var reference = DEMO.keyedHash("origin-ref", "WMP/2025/00123");

    assertThat(reference).matches("k2\\.[A-Za-z0-9_-]{43}");
    assertThat(DEMO.keyedHash("origin-ref", "WMP/2025/00123")).isEqualTo(reference);
    assertThat(DEMO.keyedHash("premises", "WMP/2025/00123")).isNotEqualTo(reference);
    assertThat(DEMO.keyedHash("PHONE", "+447700900123"))
        .isNotEqualTo(DEMO.token(PHONE, "07700 900123").value());
  }

  @Test
  void keyedHashesUnderEveryKeyStartWithTheCurrentOne() {
    assertThat(DEMO.keyedHashesUnderEveryKey("origin-ref", "WMP/1"))
        .hasSize(2)
        .first()
        .isEqualTo(DEMO.keyedHash("origin-ref", "WMP/1"));
  }

  @Test
  void purposeThatCouldBlurIntoTheValueIsRejected() {
    assertThatThrownBy(() -> DEMO.keyedHash("origin|ref", "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DEMO.keyedHash(" ", "x")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void oneInstanceServesManyThreadsAlike() throws Exception {
    var expected = DEMO.token(PHONE, "07700 900123");

    try (var threads = Executors.newFixedThreadPool(8)) {
      var results =
          threads.invokeAll(
              IntStream.range(0, 200)
                  .mapToObj(i -> (Callable<PseudonymToken>) () -> DEMO.token(PHONE, "07700 900123"))
                  .toList());
      for (var result : results) {
        assertThat(result.get()).isEqualTo(expected);
      }
    }
  }
}
