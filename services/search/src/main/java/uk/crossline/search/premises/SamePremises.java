package uk.crossline.search.premises;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import uk.crossline.model.access.AccessFilter;
import uk.crossline.model.location.Postcode;

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
    PremisesQuery query;
    if (key.startsWith("uprn:")) {
      query =
          new PremisesQuery(
              "", Optional.of(key.substring(5)), Optional.empty(), Optional.empty(), Map.of());
    } else {
      Optional<String> normalised;
      try {
        normalised = Optional.of(Postcode.parse(postcode).toString());
      } catch (IllegalArgumentException | NullPointerException e) {
        return Set.of(key);
      }
      query = new PremisesQuery("", Optional.empty(), Optional.of(key), normalised, Map.of());
    }
    return flags.keys(query, access);
  }
}
