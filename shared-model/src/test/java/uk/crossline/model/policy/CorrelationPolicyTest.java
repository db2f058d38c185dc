package uk.crossline.model.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import uk.crossline.model.pseudonymisation.KeyRing;
import uk.crossline.model.pseudonymisation.Pseudonymiser;
import uk.crossline.model.vocabulary.IdentifierType;

class CorrelationPolicyTest {

  private static final String VALID =
      """
      version: 2
      cap-per-token: 10
      warning-list:
        identifiers:
          - type: PHONE
            value: "01527 900 000"
            note: switchboard
        premises:
          - key: "pc:B974HJ:kingfisher-centre"
            note: centre
          - postcode: "b974hj"
            note: centre postcode
      """;

  @Test
  void bundledPolicyIsTheFileInInfraAndHasAWarningList() throws IOException {
    try (InputStream infra =
        Files.newInputStream(Path.of("..", "infra", "policy", "correlation.yml"))) {
      assertThat(CorrelationPolicy.load(infra)).isEqualTo(CorrelationPolicy.bundled());
    }
    CorrelationPolicy bundled = CorrelationPolicy.bundled();
    assertThat(bundled.capPerToken()).isBetween(1, CorrelationPolicy.MAX_CAP);
    assertThat(bundled.identifiers()).isNotEmpty();
  }

  @Test
  void policyLoadsWithIdentifiersPremisesKeysAndNormalisedPostcodes() {
    CorrelationPolicy policy = load(VALID);

    assertThat(policy.version()).isEqualTo(2);
    assertThat(policy.capPerToken()).isEqualTo(10);
    assertThat(policy.identifiers())
        .singleElement()
        .extracting("type")
        .isEqualTo(IdentifierType.PHONE);
    assertThat(policy.premisesKeys()).containsExactly("pc:B974HJ:kingfisher-centre");
    assertThat(policy.postcodes()).containsExactly("B97 4HJ");
  }

  @Test
  void warnedIdentifiersAreTokenisedUnderEveryKeyAsTheIntakesTokeniseThem() {
    Pseudonymiser pseudonymiser = new Pseudonymiser(KeyRing.demo());

    var tokens = load(VALID).warnedTokens(pseudonymiser);

    assertThat(tokens)
        .hasSize(2)
        .contains(pseudonymiser.token(IdentifierType.PHONE, "+44 1527 900000").value());
  }

  @Test
  void premisesAreWarnedByKeyOrByPostcodeInAnySpelling() {
    CorrelationPolicy policy = load(VALID);

    assertThat(policy.warnsOfPremises("pc:B974HJ:kingfisher-centre", "B97 9ZZ")).isTrue();
    assertThat(policy.warnsOfPremises("uprn:991234", "B97 4HJ")).isTrue();
    assertThat(policy.warnsOfPremises("uprn:991234", "B97 4AB")).isFalse();
  }

  @Test
  void unknownKeyIsRefusedNamingIt() {
    assertRefused(VALID.replace("cap-per-token: 10", "cap-per-token: 10\nlimit: 3"), "limit");
    assertRefused(
        VALID.replace("note: switchboard", "note: switchboard\n      reason: x"),
        "warning-list.identifiers[0].reason");
    assertRefused(
        VALID.replace("  premises:", "  vehicles: []\n  premises:"), "warning-list.vehicles");
  }

  @Test
  void capOutOfBoundsIsRefused() {
    assertRefused(VALID.replace("cap-per-token: 10", "cap-per-token: 0"), "cap-per-token");
    assertRefused(VALID.replace("cap-per-token: 10", "cap-per-token: 100000"), "cap-per-token");
  }

  @Test
  void malformedIdentifierIsRefusedWithoutQuotingIt() {
    String text = VALID.replace("\"01527 900 000\"", "\"not-a-number-xyz\"");

    assertThatThrownBy(() -> load(text))
        .isInstanceOfSatisfying(
            PolicyFormatException.class,
            e -> {
              assertThat(e.key()).isEqualTo("warning-list.identifiers[0].value");
              assertThat(e.getMessage()).doesNotContain("not-a-number-xyz");
            });
  }

  @Test
  void entryWithoutANoteAndBadPremisesAreRefused() {
    assertRefused(
        VALID.replace("      note: switchboard\n", ""), "warning-list.identifiers[0].note");
    assertRefused(
        VALID.replace("\"pc:B974HJ:kingfisher-centre\"", "\"Kingfisher Centre\""),
        "warning-list.premises[0].key");
    assertRefused(VALID.replace("\"b974hj\"", "\"nowhere\""), "warning-list.premises[1].postcode");
  }

  @Test
  void warnedIdentifierNeverShowsItsValueWhenPrinted() {
    assertThat(load(VALID).toString()).doesNotContain("900").contains("switchboard");
  }

  private static void assertRefused(String text, String key) {
    assertThatThrownBy(() -> load(text))
        .isInstanceOfSatisfying(
            PolicyFormatException.class,
            e -> {
              assertThat(e.file()).isEqualTo("correlation.yml");
              assertThat(e.key()).isEqualTo(key);
            });
  }

  private static CorrelationPolicy load(String text) {
    return CorrelationPolicy.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }
}
