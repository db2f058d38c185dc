package uk.crossline.intake.form;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Optional;
import uk.crossline.intake.anonymise.Observation;
import uk.crossline.model.vocabulary.AgeBand;
import uk.crossline.model.vocabulary.SubjectRole;

/**
 * A person in the report. A name is optional; given, it becomes a pseudonym token and is never
 * kept. A date of birth becomes an age band.
 */
public record SubjectForm(
    @NotNull SubjectRole role,
    @Size(max = 200) String name,
    LocalDate dateOfBirth,
    AgeBand ageBand) {

  Observation.Person toPerson() {
    return new Observation.Person(
        role, WhereForm.text(name), Optional.ofNullable(dateOfBirth), Optional.ofNullable(ageBand));
  }

  @Override
  public String toString() {
    return "SubjectForm[" + role + ", withheld]";
  }
}
