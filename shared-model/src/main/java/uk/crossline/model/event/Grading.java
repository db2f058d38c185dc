package uk.crossline.model.event;

import java.util.Objects;
import java.util.Optional;
import uk.crossline.model.vocabulary.HandlingCode;
import uk.crossline.model.vocabulary.IntelligenceAssessment;
import uk.crossline.model.vocabulary.SourceEvaluation;

/**
 * The UK 3x5x2 grading police give intelligence. A report without one is ungraded, never guessed.
 *
 * @param conditions the conditions of sharing, required with handling code C and shown with every
 *     hit it applies to
 */
public record Grading(
    SourceEvaluation source,
    IntelligenceAssessment intelligence,
    HandlingCode handling,
    Optional<String> conditions) {

  public Grading {
    Objects.requireNonNull(source, "grading.source");
    Objects.requireNonNull(intelligence, "grading.intelligence");
    Objects.requireNonNull(handling, "grading.handling");
    conditions =
        Objects.requireNonNullElse(conditions, Optional.<String>empty())
            .map(String::strip)
            .filter(text -> !text.isEmpty());
    if (handling == HandlingCode.C && conditions.isEmpty()) {
      throw new IllegalArgumentException(
          "grading.conditions: handling code C needs the conditions of sharing");
    }
    if (handling == HandlingCode.P && conditions.isPresent()) {
      throw new IllegalArgumentException(
          "grading.conditions: conditions go with handling code C, not P");
    }
  }

  /** The grading as police write it, e.g. {@code 1/B/C}. */
  public String code() {
    return source.code() + "/" + intelligence.name() + "/" + handling.name();
  }
}
