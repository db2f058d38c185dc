package uk.crossline.intake.tradingstandards;

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
import uk.crossline.model.AgencyType;
import uk.crossline.model.vocabulary.Category;
import uk.crossline.model.vocabulary.Indicator;

/**
 * A trading standards report on a premises. The finding decides the category, so officers answer in
 * their own terms.
 *
 * @param grading optional: officers who grade may, others leave it out (shown as ungraded)
 */
public record PremisesReportForm(
    @JsonUnwrapped @Valid ReportFields fields,
    @NotNull Visit visit,
    @NotNull Finding finding,
    @NotNull @Valid PremisesForm premises,
    @Size(max = 20) List<@Valid IdentifierForm> identifiers,
    @Valid GradingForm grading)
    implements AgencyForm {

  /** How the officer came to see it. */
  public enum Visit {
    TEST_PURCHASE,
    COMPLAINT,
    INSPECTION,
    INTELLIGENCE
  }

  /** What the officer found. */
  public enum Finding {
    UNDER_AGE_SALE(Category.VAPE_SUPPLY_TO_MINORS, Indicator.UNDER_AGE_SALE),
    ILLICIT_VAPES(Category.ILLICIT_VAPES, Indicator.NON_COMPLIANT_PRODUCT),
    NON_COMPLIANT_VAPES(Category.ILLICIT_VAPES, Indicator.NON_COMPLIANT_PRODUCT),
    SUSPECTED_FACILITATION(Category.DRUG_DEALING, null),
    NO_ISSUE_FOUND(Category.VAPE_SUPPLY_TO_MINORS, null);

    private final Category category;
    private final Indicator indicator;

    Finding(Category category, Indicator indicator) {
      this.category = category;
      this.indicator = indicator;
    }

    Category category() {
      return category;
    }

    Set<Indicator> indicators() {
      return indicator == null ? Set.of() : Set.of(indicator);
    }
  }

  @Override
  public Set<AgencyType> usedBy() {
    return Set.of(AgencyType.TRADING_STANDARDS);
  }

  @Override
  public Observation toObservation() {
    return fields.toObservation(
        "",
        finding.category(),
        finding.indicators(),
        Optional.of(premises),
        List.of(),
        Objects.requireNonNullElse(identifiers, List.of()),
        Optional.ofNullable(grading),
        new FormProblems());
  }

  @Override
  public String toString() {
    return "PremisesReportForm[" + visit + ", " + finding + "]";
  }
}
