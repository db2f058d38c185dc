package uk.crossline.demo.world;

import java.time.LocalDate;
import java.time.Month;
import uk.crossline.model.vocabulary.AgeBand;

/**
 * A fictional child drawn into a line, named in some reports so the hub can link the school's, the
 * mentor's and the police's concerns about the same child by pseudonym. The names carry "Demo" so
 * nobody can take them for a real child's.
 *
 * @param yearGroupAtEnd the school year group at the end of the demo period
 */
public record YoungPerson(String name, String district, String line, int yearGroupAtEnd) {

  /** The year group on a day, counting back the school years (which start on 1 September). */
  public int yearGroupOn(LocalDate day, LocalDate end) {
    int yearGroup = yearGroupAtEnd - (schoolYear(end) - schoolYear(day));
    return Math.max(1, Math.min(13, yearGroup));
  }

  public AgeBand ageBandOn(LocalDate day, LocalDate end) {
    return AgeBand.ofSchoolYear(yearGroupOn(day, end));
  }

  private static int schoolYear(LocalDate day) {
    return day.getMonthValue() >= Month.SEPTEMBER.getValue() ? day.getYear() : day.getYear() - 1;
  }

  @Override
  public String toString() {
    return "YoungPerson[" + district + ", " + line + "]";
  }
}
