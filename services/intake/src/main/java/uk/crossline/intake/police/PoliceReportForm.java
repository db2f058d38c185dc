package uk.crossline.intake.police;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import uk.crossline.intake.anonymise.Observation;
import uk.crossline.intake.form.AgencyForm;
import uk.crossline.intake.form.FormProblems;
import uk.crossline.intake.form.GradingForm;
import uk.crossline.intake.form.IdentifierForm;
import uk.crossline.intake.form.PremisesForm;
import uk.crossline.intake.form.ReportFields;
import uk.crossline.intake.form.SubjectForm;
import uk.crossline.model.AgencyType;
import uk.crossline.model.vocabulary.Category;

/**
 * A police intelligence report, as an analyst or officer writes it: any category, graded 3x5x2,
 * with the people, identifiers (deal lines among them) and premises it concerns.
 */
public record PoliceReportForm(
    @JsonUnwrapped @Valid ReportFields fields,
    @NotNull Category category,
    @NotNull @Valid GradingForm grading,
    @Size(max = 50) List<@Valid SubjectForm> subjects,
    @Size(max = 100) List<@Valid IdentifierForm> identifiers,
    @Valid PremisesForm premises)
    implements AgencyForm {

  @Override
  public Set<AgencyType> usedBy() {
    return Set.of(AgencyType.POLICE);
  }

  @Override
  public Observation toObservation() {
    return fields.toObservation(
        "",
        category,
        Set.of(),
        Optional.ofNullable(premises),
        Objects.requireNonNullElse(subjects, List.of()),
        Objects.requireNonNullElse(identifiers, List.of()),
        Optional.of(grading),
        new FormProblems());
  }

  @Override
  public String toString() {
    return "PoliceReportForm[" + category + ", withheld]";
  }
}
