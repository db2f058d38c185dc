package uk.crossline.model.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AgeBandTest {

  @ParameterizedTest(name = "age {0} → {1}")
  @CsvSource({
    "0,   UNDER_10",
    "9,   UNDER_10",
    "10,  AGE_10_TO_13",
    "13,  AGE_10_TO_13",
    "14,  AGE_14_TO_15",
    "15,  AGE_14_TO_15",
    "16,  AGE_16_TO_17",
    "17,  AGE_16_TO_17",
    "18,  AGE_18_TO_24",
    "24,  AGE_18_TO_24",
    "25,  AGE_25_TO_39",
    "39,  AGE_25_TO_39",
    "40,  AGE_40_AND_OVER",
    "120, AGE_40_AND_OVER"
  })
  void agesOnEitherSideOfEveryBoundaryFallInTheRightBand(int years, AgeBand expected) {
    // when
    var band = AgeBand.ofAge(years);

    // then
    assertThat(band).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, Integer.MIN_VALUE})
  void negativeAgeIsRefused(int years) {
    assertThatThrownBy(() -> AgeBand.ofAge(years))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("negative");
  }

  @Test
  void onTheSixteenthBirthdayThePersonIsInTheSixteenToSeventeenBand() {
    // given
    var born = LocalDate.of(2010, 11, 25);

    // when
    var dayBefore = AgeBand.ofBirthDate(born, LocalDate.of(2026, 11, 24));
    var birthday = AgeBand.ofBirthDate(born, LocalDate.of(2026, 11, 25));

    // then
    assertThat(dayBefore).isEqualTo(AgeBand.AGE_14_TO_15);
    assertThat(birthday).isEqualTo(AgeBand.AGE_16_TO_17);
  }

  @Test
  void onTheEighteenthBirthdayThePersonIsNoLongerAChild() {
    // given
    var born = LocalDate.of(2008, 6, 1);

    // then
    assertThat(AgeBand.ofBirthDate(born, LocalDate.of(2026, 5, 31)))
        .isEqualTo(AgeBand.AGE_16_TO_17);
    assertThat(AgeBand.ofBirthDate(born, LocalDate.of(2026, 6, 1))).isEqualTo(AgeBand.AGE_18_TO_24);
  }

  @Test
  void personBornOnTwentyNinthFebruaryComesOfAgeOnFirstMarchInACommonYear() {
    // given
    var born = LocalDate.of(2008, 2, 29);

    // then
    assertThat(AgeBand.ofBirthDate(born, LocalDate.of(2026, 2, 28)))
        .isEqualTo(AgeBand.AGE_16_TO_17);
    assertThat(AgeBand.ofBirthDate(born, LocalDate.of(2026, 3, 1))).isEqualTo(AgeBand.AGE_18_TO_24);
  }

  @Test
  void babyBornOnTheDayIsUnderTen() {
    var today = LocalDate.of(2026, 11, 25);

    assertThat(AgeBand.ofBirthDate(today, today)).isEqualTo(AgeBand.UNDER_10);
  }

  @Test
  void dateOfBirthInTheFutureIsRefused() {
    // given
    var today = LocalDate.of(2026, 11, 25);

    // then
    assertThatThrownBy(() -> AgeBand.ofBirthDate(today.plusDays(1), today))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("future");
  }

  /**
   * A year group holds pupils of two ages (year 7: 11 on 1 September, 12 by 31 August). The band is
   * that of the younger age, {@code ofAge(year + 4)}, so a year 13 pupil (17, turning 18) is never
   * placed in an adult band.
   */
  @ParameterizedTest(name = "year {0} → {1}")
  @CsvSource({
    "1,  UNDER_10",
    "5,  UNDER_10",
    "6,  AGE_10_TO_13",
    "9,  AGE_10_TO_13",
    "10, AGE_14_TO_15",
    "11, AGE_14_TO_15",
    "12, AGE_16_TO_17",
    "13, AGE_16_TO_17"
  })
  void schoolYearGivesTheBandOfTheAgeOnTheFirstOfSeptember(int yearGroup, AgeBand expected) {
    // when
    var band = AgeBand.ofSchoolYear(yearGroup);

    // then
    assertThat(band).isEqualTo(expected).isEqualTo(AgeBand.ofAge(yearGroup + 4));
  }

  @Test
  void yearGroupStraddlingABoundaryAllowsBothBands() {
    assertThat(AgeBand.ofSchoolYearAnyTime(9))
        .containsExactlyInAnyOrder(AgeBand.AGE_10_TO_13, AgeBand.AGE_14_TO_15);
    assertThat(AgeBand.ofSchoolYearAnyTime(8)).containsExactly(AgeBand.AGE_10_TO_13);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 14, -1, 99})
  void yearGroupOutsideOneToThirteenIsRefused(int yearGroup) {
    assertThatThrownBy(() -> AgeBand.ofSchoolYear(yearGroup))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 to 13");
  }
}
