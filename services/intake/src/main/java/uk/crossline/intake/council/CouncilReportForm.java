package uk.crossline.intake.council;

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
import uk.crossline.intake.form.IdentifierForm;
import uk.crossline.intake.form.PremisesForm;
import uk.crossline.intake.form.ReportFields;
import uk.crossline.intake.form.SubjectForm;
import uk.crossline.model.AgencyType;
import uk.crossline.model.vocabulary.Category;

/**
 * A community safety officer's report. A cuckooed flat is someone's home, so it is described by its
 * place (generalised), never as a premises; premises are for businesses (a shop, a takeaway).
 */
public record CouncilReportForm(
    @JsonUnwrapped @Valid ReportFields fields,
    @NotNull Concern concern,
    @Size(max = 20) List<@Valid SubjectForm> subjects,
    @Size(max = 20) List<@Valid IdentifierForm> identifiers,
    @Valid PremisesForm premises)
    implements AgencyForm {

  /** What the report is about. */
  public enum Concern {
    ANTI_SOCIAL_BEHAVIOUR(Category.ANTI_SOCIAL_BEHAVIOUR),
    CUCKOOING(Category.CUCKOOING),
    EXPLOITATION_CONCERN(Category.EXPLOITATION_CONCERN),
    DRUG_DEALING(Category.DRUG_DEALING);

    private final Category category;

    Concern(Category category) {
      this.category = category;
    }
  }

  @Override
  public Set<AgencyType> usedBy() {
    return Set.of(AgencyType.LOCAL_AUTHORITY);
  }

  @Override
  public Observation toObservation() {
    return fields.toObservation(
        "",
        concern.category,
        Set.of(),
        Optional.ofNullable(premises),
        Objects.requireNonNullElse(subjects, List.of()),
        Objects.requireNonNullElse(identifiers, List.of()),
        Optional.empty(),
        new FormProblems());
  }

  @Override
  public String toString() {
    return "CouncilReportForm[" + concern + ", withheld]";
  }
}
