package uk.crossline.model.pseudonymisation;

import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import uk.crossline.model.vocabulary.IdentifierType;

/**
 * What the structured fields of a report tell the {@link Redactor} about its free text.
 *
 * @param names every name given in the structured fields (subjects, people named in the report):
 *     each word of two or more letters is redacted wherever it stands alone in the text
 * @param keep phrases never redacted: a premises' name, address and postcode, since business
 *     premises are not personal data and trading standards need them
 * @param today the day the report is redacted, against which old dates are judged
 * @param identifiers the identifiers the structured fields give, by type: each is redacted wherever
 *     it stands in the text, in any case or spacing, even in a form no pattern knows (a foreign
 *     number, a registration outside the DVLA's letters)
 */
public record RedactionContext(
    Set<String> names,
    Set<String> keep,
    LocalDate today,
    Map<IdentifierType, Set<String>> identifiers) {

  public RedactionContext {
    names = Set.copyOf(Objects.requireNonNull(names, "names"));
    keep = Set.copyOf(Objects.requireNonNull(keep, "keep"));
    Objects.requireNonNull(today, "today");
    Map<IdentifierType, Set<String>> copy = new EnumMap<>(IdentifierType.class);
    Objects.requireNonNull(identifiers, "identifiers")
        .forEach((type, values) -> copy.put(type, Set.copyOf(values)));
    identifiers = Map.copyOf(copy);
  }

  /** No identifiers given: names and kept phrases only. */
  public RedactionContext(Set<String> names, Set<String> keep, LocalDate today) {
    this(names, keep, today, Map.of());
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
        + ", identifiers="
        + identifiers.values().stream().mapToInt(Set::size).sum()
        + ", today="
        + today
        + "]";
  }
}
