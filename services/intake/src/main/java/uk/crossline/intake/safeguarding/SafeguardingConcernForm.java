package uk.crossline.intake.safeguarding;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import uk.crossline.intake.anonymise.Observation;
import uk.crossline.intake.form.AgencyForm;
import uk.crossline.intake.form.FormProblems;
import uk.crossline.intake.form.IdentifierForm;
import uk.crossline.intake.form.ReportFields;
import uk.crossline.intake.form.SubjectForm;
import uk.crossline.model.AgencyType;
import uk.crossline.model.vocabulary.AgeBand;
import uk.crossline.model.vocabulary.Category;
import uk.crossline.model.vocabulary.SubjectRole;

/**
 * A safeguarding concern about a young person, from a school's safeguarding lead or a youth mentor.
 * The same form serves both; the caller's token says which agency type it came from.
 *
 * @param identifiers e.g. the handle of an account that contacted the pupil, or a number they were
 *     given
 */
public record SafeguardingConcernForm(
    @JsonUnwrapped @Valid ReportFields fields,
    @NotNull Concern concern,
    @NotNull @Valid YoungPerson youngPerson,
    @Size(max = 20) List<@Valid IdentifierForm> identifiers)
    implements AgencyForm {

  /** What the concern is about. */
  public enum Concern {
    EXPLOITATION_CONCERN(Category.EXPLOITATION_CONCERN),
    GROOMING_TACTIC(Category.GROOMING_TACTIC),
    MISSING_EPISODE(Category.MISSING_EPISODE),
    VAPE_SUPPLY_TO_MINORS(Category.VAPE_SUPPLY_TO_MINORS);

    private final Category category;

    Concern(Category category) {
      this.category = category;
    }
  }

  /**
   * The young person, as the school knows them: a year group or an age band; a name or date of
   * birth only if the submitter chooses to link this concern to others about the same child.
   */
  public record YoungPerson(
      @Min(1) @Max(13) Integer yearGroup,
      AgeBand ageBand,
      @Size(max = 200) String name,
      LocalDate dateOfBirth) {

    @Override
    public String toString() {
      return "YoungPerson[withheld]";
    }
  }

  @Override
  public Set<AgencyType> usedBy() {
    return Set.of(AgencyType.EDUCATION, AgencyType.YOUTH_SERVICES);
  }

  @Override
  public Observation toObservation() {
    var problems = new FormProblems();
    AgeBand band = youngPerson.ageBand();
    if (youngPerson.yearGroup() != null) {
      if (band == null) {
        band = AgeBand.ofSchoolYear(youngPerson.yearGroup());
      } else if (!AgeBand.ofSchoolYearAnyTime(youngPerson.yearGroup()).contains(band)) {
        problems.add("youngPerson.ageBand", "does not agree with the year group");
      }
    }
    var subject =
        new SubjectForm(
            SubjectRole.YOUNG_PERSON, youngPerson.name(), youngPerson.dateOfBirth(), band);
    return fields.toObservation(
        "",
        concern.category,
        Set.of(),
        Optional.empty(),
        List.of(subject),
        Objects.requireNonNullElse(identifiers, List.of()),
        Optional.empty(),
        problems);
  }

  @Override
  public String toString() {
    return "SafeguardingConcernForm[" + concern + ", withheld]";
  }
}
