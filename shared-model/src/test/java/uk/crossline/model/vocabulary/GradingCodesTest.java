package uk.crossline.model.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import uk.crossline.model.event.Grading;

/** The words of the UK 3x5x2 grading, as police write them. */
class GradingCodesTest {

  @ParameterizedTest(name = "\"{0}\" → {1}")
  @CsvSource({
    "1,              RELIABLE",
    "2,              UNTESTED",
    "3,              NOT_RELIABLE",
    "RELIABLE,       RELIABLE",
    "reliable,       RELIABLE",
    "Untested,       UNTESTED",
    "not_reliable,   NOT_RELIABLE",
    "' 2 ',          UNTESTED"
  })
  void sourceEvaluationIsReadAsItsPoliceCodeOrByName(String text, SourceEvaluation expected) {
    assertThat(SourceEvaluation.parse(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "4", "A", "", "NOT RELIABLE", "1/B/P", "one"})
  void unknownSourceEvaluationIsRefusedListingTheAcceptedValues(String text) {
    assertThatThrownBy(() -> SourceEvaluation.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 (reliable), 2 (untested) or 3 (not reliable)");
  }

  @Test
  void refusedSourceEvaluationIsNotRepeated() {
    assertThatThrownBy(() -> SourceEvaluation.parse("Sam Example 07700 900123"))
        .isInstanceOf(IllegalArgumentException.class)
        .message()
        .doesNotContain("Sam", "07700");
  }

  @Test
  void sourceEvaluationsCarryTheirCodesAndLabels() {
    assertThat(SourceEvaluation.values())
        .extracting(SourceEvaluation::code, SourceEvaluation::label)
        .containsExactly(
            tuple("1", "Reliable"), tuple("2", "Untested"), tuple("3", "Not reliable"));
  }

  @Test
  void intelligenceAssessmentRunsFromAToE() {
    assertThat(Arrays.stream(IntelligenceAssessment.values()).map(Enum::name))
        .containsExactly("A", "B", "C", "D", "E");
    assertThat(IntelligenceAssessment.A.label()).isEqualTo("Known directly to the source");
    assertThat(IntelligenceAssessment.E.label()).isEqualTo("Suspected to be false");
  }

  @Test
  void handlingCodesArePAndCOnly() {
    assertThat(Arrays.stream(HandlingCode.values()).map(Enum::name)).containsExactly("P", "C");
    assertThat(HandlingCode.C.label()).containsIgnoringCase("conditions");
  }

  @Test
  void gradingIsWrittenAsPoliceWriteIt() {
    // given
    var withConditions =
        new Grading(
            SourceEvaluation.RELIABLE,
            IntelligenceAssessment.B,
            HandlingCode.C,
            Optional.of("Not to be shared with the school"));
    var lawful =
        new Grading(
            SourceEvaluation.NOT_RELIABLE,
            IntelligenceAssessment.E,
            HandlingCode.P,
            Optional.empty());

    // then
    assertThat(withConditions.code()).isEqualTo("1/B/C");
    assertThat(lawful.code()).isEqualTo("3/E/P");
  }
}
