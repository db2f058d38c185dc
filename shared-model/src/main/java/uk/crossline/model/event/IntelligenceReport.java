package uk.crossline.model.event;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import uk.crossline.model.vocabulary.Category;
import uk.crossline.model.vocabulary.Indicator;
import uk.crossline.model.vocabulary.Priority;
import uk.crossline.model.vocabulary.Theme;
import uk.crossline.model.vocabulary.Tlp;

/**
 * What an agency saw, anonymised: the content a report carries and an amendment replaces.
 *
 * @param summary free text after redaction
 */
public record IntelligenceReport(
    ObservedAt observedAt,
    Category category,
    Set<Indicator> indicators,
    String summary,
    Location location,
    Optional<Premises> premises,
    List<Subject> subjects,
    List<IdentifierRef> identifiers,
    Optional<Grading> grading,
    Marking marking,
    SharingScope scope) {

  /** Long enough for a considered account, short enough that nobody pastes a case file. */
  public static final int SUMMARY_MAX_LENGTH = 4000;

  public IntelligenceReport {
    Objects.requireNonNull(observedAt, "observedAt");
    Objects.requireNonNull(category, "category");
    indicators = Sorted.enums(Indicator.class, indicators);
    Objects.requireNonNull(summary, "summary");
    if (summary.length() > SUMMARY_MAX_LENGTH) {
      throw new IllegalArgumentException("summary: at most " + SUMMARY_MAX_LENGTH + " characters");
    }
    Objects.requireNonNull(location, "location");
    premises = Objects.requireNonNullElse(premises, Optional.empty());
    subjects = List.copyOf(Objects.requireNonNullElse(subjects, List.of()));
    identifiers = List.copyOf(Objects.requireNonNullElse(identifiers, List.of()));
    grading = Objects.requireNonNullElse(grading, Optional.empty());
    Objects.requireNonNull(marking, "marking");
    scope = Objects.requireNonNullElse(scope, SharingScope.none());
    Tlp tlp = marking.tlp();
    if (!scope.isEmpty() && tlp != Tlp.AMBER && tlp != Tlp.AMBER_STRICT) {
      throw new IllegalArgumentException(
          "scope: only AMBER and AMBER+STRICT reports name who they are shared with");
    }
    if (tlp == Tlp.AMBER_STRICT && !scope.agencyTypes().isEmpty()) {
      throw new IllegalArgumentException(
          "scope.agencyTypes: AMBER+STRICT is shared with named agencies only");
    }
  }

  /** The partnership priority this report serves, from its category. */
  public Priority priority() {
    return category.priority();
  }

  /** The cross-cutting themes this report touches, from its category. */
  public Set<Theme> themes() {
    return category.themes();
  }
}
