package uk.crossline.search.premises;

import java.util.Set;
import org.springframework.stereotype.Component;
import uk.crossline.model.access.AccessFilter;

/**
 * The premises package's entry point for other features: the keys one premises goes by among the
 * flags a caller may see, so that links and look-ups agree on what "the same premises" is.
 */
@Component
public class SamePremises {

  private final PremisesFlags flags;

  SamePremises(PremisesFlags flags) {
    this.flags = flags;
  }

  /**
   * The premises' own key and, joined through visible flags, its other form (UPRN, or name and
   * postcode).
   *
   * @param key the projection's {@code premises.key}
   * @param postcode the projection's {@code premises.postcode}
   */
  public Set<String> keys(String key, String postcode, AccessFilter access) {
    return PremisesQuery.ofStoredKey(key, postcode)
        .map(query -> flags.keys(query, access))
        .orElse(Set.of(key));
  }
}
