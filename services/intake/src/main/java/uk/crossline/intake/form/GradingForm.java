package uk.crossline.intake.form;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import uk.crossline.model.event.Grading;
import uk.crossline.model.vocabulary.HandlingCode;
import uk.crossline.model.vocabulary.IntelligenceAssessment;
import uk.crossline.model.vocabulary.SourceEvaluation;

/**
 * The 3x5x2 grading: source 1, 2 or 3; intelligence A to E; handling P or C, with the conditions of
 * sharing when C.
 */
public record GradingForm(
    @NotNull SourceEvaluation source,
    @NotNull IntelligenceAssessment intelligence,
    @NotNull HandlingCode handling,
    @Size(max = 1000) String conditions) {

  Optional<Grading> toGrading(FormProblems problems, String path) {
    try {
      return Optional.of(new Grading(source, intelligence, handling, WhereForm.text(conditions)));
    } catch (IllegalArgumentException e) {
      problems.addModelProblem(path, e.getMessage());
      return Optional.empty();
    }
  }
}
