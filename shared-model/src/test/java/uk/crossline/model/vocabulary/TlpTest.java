package uk.crossline.model.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class TlpTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @ParameterizedTest(name = "\"{0}\" → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "CLEAR            | CLEAR",
        "GREEN            | GREEN",
        "AMBER            | AMBER",
        "AMBER+STRICT     | AMBER_STRICT",
        "RED              | RED",
        "amber+strict     | AMBER_STRICT",
        "AMBER_STRICT     | AMBER_STRICT",
        "amber_strict     | AMBER_STRICT",
        "TLP:AMBER+STRICT | AMBER_STRICT",
        "tlp:red          | RED",
        "'  Green  '      | GREEN",
        "' TLP:AMBER '    | AMBER"
      })
  void markingIsReadInEveryUsualForm(String text, Tlp expected) {
    assertThat(Tlp.parse(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"WHITE", "white", "TLP:WHITE", "tlp:white"})
  void whiteFromTlpOneSystemsIsReadAsClear(String text) {
    assertThat(Tlp.parse(text)).isEqualTo(Tlp.CLEAR);
  }

  @Test
  void amberStrictIsLabelledAsTlpTwoWritesIt() {
    assertThat(Tlp.AMBER_STRICT.label()).isEqualTo("AMBER+STRICT");
  }

  @ParameterizedTest
  @EnumSource(Tlp.class)
  void everyMarkingReadsBackFromItsOwnLabel(Tlp tlp) {
    assertThat(Tlp.parse(tlp.label())).isEqualTo(tlp);
    assertThat(Tlp.parse("TLP:" + tlp.label())).isEqualTo(tlp);
  }

  @Test
  void noMarkingIsEverWrittenAsWhite() {
    assertThat(Arrays.stream(Tlp.values()).map(Tlp::label))
        .containsExactly("CLEAR", "GREEN", "AMBER", "AMBER+STRICT", "RED");
  }

  @Test
  void markingIsWrittenToJsonAsItsLabelAndWhiteReadsBackAsClear() {
    // when
    String written = JSON.writeValueAsString(Tlp.AMBER_STRICT);
    Tlp white = JSON.readValue("\"WHITE\"", Tlp.class);

    // then
    assertThat(written).isEqualTo("\"AMBER+STRICT\"");
    assertThat(JSON.readValue(written, Tlp.class)).isEqualTo(Tlp.AMBER_STRICT);
    assertThat(white).isEqualTo(Tlp.CLEAR);
    assertThat(JSON.writeValueAsString(white)).isEqualTo("\"CLEAR\"");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "PURPLE",
        "",
        "   ",
        "TLP:",
        "AMBER STRICT",
        "AMBER+LAX",
        "TLP:TLP:RED",
        "TLP RED"
      })
  void unknownMarkingIsRefusedListingTheAcceptedOnes(String text) {
    assertThatThrownBy(() -> Tlp.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CLEAR, GREEN, AMBER, AMBER+STRICT or RED");
  }

  @Test
  void refusalNeverRepeatsWhatWasGiven() {
    // given text typed into the wrong field, as happens
    String text = "Sam Example 07700 900123";

    // then
    assertThatThrownBy(() -> Tlp.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .message()
        .doesNotContain("Sam", "07700");
  }

  @Test
  void missingMarkingIsRefused() {
    assertThatThrownBy(() -> Tlp.parse(null)).isInstanceOf(NullPointerException.class);
  }
}
