package uk.crossline.model.vocabulary;

import java.time.LocalDate;
import java.time.Period;

/** An age band instead of a date of birth. */
public enum AgeBand {
  UNDER_10,
  AGE_10_TO_13,
  AGE_14_TO_15,
  AGE_16_TO_17,
  AGE_18_TO_24,
  AGE_25_TO_39,
  AGE_40_AND_OVER,
  UNKNOWN;

  /** The band of a person of this age in whole years. */
  public static AgeBand ofAge(int years) {
    if (years < 0) {
      throw new IllegalArgumentException("an age cannot be negative");
    }
    if (years < 10) {
      return UNDER_10;
    }
    if (years < 14) {
      return AGE_10_TO_13;
    }
    if (years < 16) {
      return AGE_14_TO_15;
    }
    if (years < 18) {
      return AGE_16_TO_17;
    }
    if (years < 25) {
      return AGE_18_TO_24;
    }
    if (years < 40) {
      return AGE_25_TO_39;
    }
    return AGE_40_AND_OVER;
  }

  /** The band of a person born on this day, on the day given. */
  public static AgeBand ofBirthDate(LocalDate birthDate, LocalDate on) {
    if (birthDate.isAfter(on)) {
      throw new IllegalArgumentException("a date of birth cannot be in the future");
    }
    return ofAge(Period.between(birthDate, on).getYears());
  }

  /**
   * The band of a pupil in this English school year group, from the age every pupil in it has on 1
   * September (year 7: 11): schools know the year group, not the date of birth. The younger age is
   * taken so that no pupil is ever placed in an adult band (year 13: 17, not 18).
   */
  public static AgeBand ofSchoolYear(int yearGroup) {
    checkYearGroup(yearGroup);
    return ofAge(yearGroup + 4);
  }

  /**
   * The bands a pupil of this year group may be in during the year (year 9: 13 or 14, so
   * AGE_10_TO_13 or AGE_14_TO_15): a school that gives a band with the year group may give either.
   */
  public static java.util.Set<AgeBand> ofSchoolYearAnyTime(int yearGroup) {
    checkYearGroup(yearGroup);
    return java.util.EnumSet.of(ofAge(yearGroup + 4), ofAge(yearGroup + 5));
  }

  private static void checkYearGroup(int yearGroup) {
    if (yearGroup < 1 || yearGroup > 13) {
      throw new IllegalArgumentException("a school year group is 1 to 13");
    }
  }
}
