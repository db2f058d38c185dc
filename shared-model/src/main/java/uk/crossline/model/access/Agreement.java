package uk.crossline.model.access;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import uk.crossline.model.vocabulary.Category;
import uk.crossline.model.vocabulary.Tlp;

/**
 * A data sharing agreement: how far an agency's view is narrowed below what the markings would show
 * it, and through which channels it receives anything at all.
 *
 * @param search whether its people may search, view, follow links and export
 * @param alerts how much of an event its alerts may carry ({@link AlertDetail#NONE}: no alerts)
 * @param statistics whether its people may read the partnership's statistics
 * @param markings the markings it may receive at all; never RED, which is its originator's only
 * @param amberByAgencyType whether AMBER shared with its agency type reaches it, or only AMBER that
 *     names it
 * @param categories the categories it may receive
 */
public record Agreement(
    boolean search,
    AlertDetail alerts,
    boolean statistics,
    Set<Tlp> markings,
    boolean amberByAgencyType,
    Set<Category> categories) {

  public Agreement {
    Objects.requireNonNull(alerts, "alerts");
    markings = markings.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(markings));
    if (markings.contains(Tlp.RED)) {
      throw new IllegalArgumentException(
          "markings: RED is seen by its originating agency only; no agreement extends it");
    }
    categories = categories.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(categories));
  }

  /** Whether an event of this marking and category may reach the agency at all. */
  boolean admits(Tlp tlp, Category category) {
    return markings.contains(tlp) && categories.contains(category);
  }
}
