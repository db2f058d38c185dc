package uk.crossline.model.pseudonymisation;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;

/**
 * What the structured fields of a report tell the {@link Redactor} about its free text.
 *
 * @param names every name given in the structured fields (subjects, people named in the report):
 *     each word of two or more letters is redacted wherever it stands alone in the text
 * @param keep phrases never redacted: a premises' name, address and postcode, since business
 *     premises are not personal data and trading standards need them
 * @param today the day the report is redacted, against which old dates are judged
 */
public record RedactionContext(Set<String> names, Set<String> keep, LocalDate today) {

  public RedactionContext {
    names = Set.copyOf(Objects.requireNonNull(names, "names"));
    keep = Set.copyOf(Objects.requireNonNull(keep, "keep"));
    Objects.requireNonNull(today, "today");
  }

  public static RedactionContext of(
      Collection<String> names, Collection<String> keep, LocalDate today) {
    return new RedactionContext(Set.copyOf(names), Set.copyOf(keep), today);
  }

  /** No names to redact and nothing to keep: only the pattern rules apply. */
  public static RedactionContext none(LocalDate today) {
    return new RedactionContext(Set.of(), Set.of(), today);
  }

  /** Counts only: the names are personal data and a context can end up in a log line. */
  @Override
  public String toString() {
    return "RedactionContext[names="
        + names.size()
        + ", keep="
        + keep.size()
        + ", today="
        + today
        + "]";
  }
}
