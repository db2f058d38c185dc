package uk.crossline.intake.form;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import uk.crossline.intake.anonymise.Observation;
import uk.crossline.model.vocabulary.Category;
import uk.crossline.model.vocabulary.Indicator;

/**
 * What every agency's form asks: the agency's own reference, when, where, what, indicators, the
 * account and the marking. Each agency type's form adds what its people know.
 *
 * @param reference the agency's own reference (its case or log number); a retry with the same
 *     reference is the same report
 */
public record ReportFields(
    @NotBlank
        @Size(max = 100)
        @Pattern(
            regexp = "[\\p{Alnum}][\\p{Alnum}/_.:-]*",
            message = "letters, digits and / _ . : - only")
        String reference,
    @NotNull @Valid WhenForm observedAt,
    @NotNull @Valid WhereForm where,
    @Size(max = 20) Set<Indicator> indicators,
    @NotBlank @Size(max = 4000) String summary,
    @NotNull @Valid MarkingForm marking) {

  /**
   * The observation these fields and the agency form's own parts describe.
   *
   * @param path where these fields sit in the form's JSON, e.g. {@code report}
   */
  public Observation toObservation(
      String path,
      Category category,
      Set<Indicator> extraIndicators,
      Optional<PremisesForm> premises,
      List<SubjectForm> subjects,
      List<IdentifierForm> identifiers,
      Optional<GradingForm> grading,
      FormProblems problems) {
    var place = where.toPlace(problems, path + "where");
    var scope = marking.toScope(problems, path + "marking");
    var premisesDetails = premises.map(p -> p.toDetails(problems, "premises"));
    var gradingValue = grading.flatMap(g -> g.toGrading(problems, "grading"));
    problems.throwIfAny();
    Set<Indicator> allIndicators =
        new java.util.HashSet<>(Objects.requireNonNullElse(indicators, Set.of()));
    allIndicators.addAll(extraIndicators);
    return new Observation(
        reference.strip(),
        observedAt.toObservedAt(),
        category,
        allIndicators,
        summary.strip(),
        place,
        premisesDetails,
        subjects.stream().map(SubjectForm::toPerson).toList(),
        identifiers.stream().map(IdentifierForm::toIdentifier).toList(),
        gradingValue,
        marking.toMarking(),
        scope);
  }

  @Override
  public String toString() {
    return "ReportFields[withheld]";
  }
}
