package uk.crossline.demo.world;

import java.util.Optional;
import uk.crossline.model.location.GeoPoint;

/**
 * A business premises of the synthetic world. Names are invented; streets are real streets of the
 * towns, with invented numbers and postcodes, so the demo reads like the place.
 *
 * @param uprn a 12-digit UPRN-like number starting 99 (a range no council issues), where the
 *     agencies know one; without it they all write the same name, address and postcode
 * @param line the county line the premises is tied to, for {@link Profile#LINE_LINKED}
 */
public record Shop(
    String name,
    Kind kind,
    String address,
    String town,
    String district,
    String postcode,
    Optional<String> uprn,
    GeoPoint point,
    Profile profile,
    Optional<String> line) {

  /** The kind of business. */
  public enum Kind {
    VAPE_SHOP("vape shop"),
    CONVENIENCE_STORE("convenience store"),
    TAKEAWAY("takeaway"),
    PHONE_SHOP("phone repair shop"),
    BARBER("barber's");

    private final String words;

    Kind(String words) {
      this.words = words;
    }

    public String words() {
      return words;
    }
  }

  /** What the premises is really up to, which decides what agencies find there. */
  public enum Profile {
    CLEAN,
    UNDER_AGE_SALES,
    ILLICIT_STOCK,
    LINE_LINKED
  }

  public boolean sellsVapes() {
    return kind == Kind.VAPE_SHOP || kind == Kind.CONVENIENCE_STORE;
  }
}
