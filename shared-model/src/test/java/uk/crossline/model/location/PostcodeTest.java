package uk.crossline.model.location;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PostcodeTest {

  @ParameterizedTest
  @ValueSource(
      strings = {"B97 4AB", "b974ab", "  b97 4ab ", "B974AB", "b 9 7 4 a b", "B97\u00a04AB"})
  void fullPostcodeInAnyCaseAndSpacingIsRead(String text) {
    // when
    var postcode = Postcode.parse(text);

    // then
    assertThat(postcode.outward()).isEqualTo("B97");
    assertThat(postcode.inward()).isEqualTo("4AB");
    assertThat(postcode).hasToString("B97 4AB");
  }

  @Test
  void everyOutwardShapeIsRead() {
    // given one postcode of each shape Royal Mail issues: A9, A99, AA9, AA99, A9A, AA9A
    var texts = new String[] {"M1 1AE", "B33 8TH", "CR2 6XH", "DY10  1AA", "W1A 0AX", "EC1A 1BB"};

    // when / then
    assertThat(texts)
        .extracting(t -> Postcode.parse(t).toString())
        .containsExactly("M1 1AE", "B33 8TH", "CR2 6XH", "DY10 1AA", "W1A 0AX", "EC1A 1BB");
  }

  @Test
  void sectorIsOutwardCodeAndFirstDigitOfInwardCode() {
    assertThat(Postcode.parse("dy10 1aa").sector()).isEqualTo("DY10 1");
    assertThat(Postcode.parse("B97 4AB").sector()).isEqualTo("B97 4");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "B97",
        "B97 4",
        "B97 4A",
        "B97 4ABC D",
        "97 4AB",
        "QB97 4AB",
        "B97 4CB",
        "B97 AAB",
        "not a postcode",
        "B97-4AB"
      })
  void malformedPostcodeIsRefused(String text) {
    assertThatThrownBy(() -> Postcode.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("postcode");
  }

  @Test
  void refusalNeverRepeatsTheTextGiven() {
    // given a home postcode with a typo (C is never used in an inward code)
    var text = "B97 4CB";

    // when / then
    assertThatThrownBy(() -> Postcode.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .message()
        .doesNotContainIgnoringCase("B97")
        .doesNotContainIgnoringCase("4CB");
  }

  @Test
  void outwardCodeAloneIsRecognisedAndNormalised() {
    assertThat(Postcode.isOutwardCode("b97")).isTrue();
    assertThat(Postcode.isOutwardCode(" DY10 ")).isTrue();
    assertThat(Postcode.isOutwardCode("B97 4AB")).isFalse();
    assertThat(Postcode.isOutwardCode("97")).isFalse();
    assertThat(Postcode.isOutwardCode(null)).isFalse();
    assertThat(Postcode.normaliseOutward("b97")).isEqualTo("B97");
    assertThat(Postcode.normaliseOutward(" wr1 ")).isEqualTo("WR1");
  }

  @Test
  void normalisingSomethingThatIsNotAnOutwardCodeIsRefusedWithoutRepeatingIt() {
    assertThatThrownBy(() -> Postcode.normaliseOutward("B97 4AB"))
        .isInstanceOf(IllegalArgumentException.class)
        .message()
        .contains("outward code")
        .doesNotContain("4AB");
  }

  @Test
  void sectorInAnyCaseAndSpacingIsNormalised() {
    assertThat(Postcode.normaliseSector("b974")).contains("B97 4");
    assertThat(Postcode.normaliseSector("DY10  1")).contains("DY10 1");
    assertThat(Postcode.normaliseSector("B97 4A")).isEmpty();
    assertThat(Postcode.normaliseSector(null)).isEmpty();
  }
}
