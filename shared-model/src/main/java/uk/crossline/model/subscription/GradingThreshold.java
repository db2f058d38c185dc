package uk.crossline.model.subscription;

import java.util.Objects;
import uk.crossline.model.vocabulary.IntelligenceAssessment;
import uk.crossline.model.vocabulary.SourceEvaluation;

/**
 * The lowest 3x5x2 grading a subscriber wants to hear about: a graded event passes when its source
 * evaluation and its intelligence assessment are each this good or better (1 is better than 2, A
 * than B).
 *
 * @param includeUngraded whether reports without a grading (partners' reports: councils, schools
 *     and trading standards do not grade) pass too
 */
public record GradingThreshold(
    SourceEvaluation source, IntelligenceAssessment intelligence, boolean includeUngraded) {

  public GradingThreshold {
    Objects.requireNonNull(source, "minimumGrading.source");
    Objects.requireNonNull(intelligence, "minimumGrading.intelligence");
  }

  /** As police write it, e.g. {@code 2/B}. */
  public String code() {
    return source.code() + "/" + intelligence.name();
  }
}
