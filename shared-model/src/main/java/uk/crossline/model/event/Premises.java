package uk.crossline.model.event;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import uk.crossline.model.location.GeoPoint;

/**
 * A business premises, kept identifiable with its exact address and point: business premises are
 * not personal data, and trading standards need every agency's flags on the same shop.
 *
 * @param key the same for every report on this premises: its UPRN where known, else its postcode
 *     and name normalised
 * @param uprn the Unique Property Reference Number, where known
 */
public record Premises(
    String key,
    String name,
    String address,
    String postcode,
    Optional<String> uprn,
    Optional<GeoPoint> point) {

  public Premises {
    Objects.requireNonNull(key, "premises.key");
    Objects.requireNonNull(name, "premises.name");
    Objects.requireNonNull(address, "premises.address");
    Objects.requireNonNull(postcode, "premises.postcode");
    uprn = Objects.requireNonNullElse(uprn, Optional.empty());
    point = Objects.requireNonNullElse(point, Optional.empty());
  }

  /** A premises with its key worked out from what is known of it. */
  public static Premises of(
      String name,
      String address,
      String postcode,
      Optional<String> uprn,
      Optional<GeoPoint> point) {
    // A blank UPRN is no UPRN: keyed as "uprn:" it would merge every such premises into one.
    Optional<String> known = uprn.map(String::strip).filter(value -> !value.isEmpty());
    return new Premises(keyOf(name, postcode, known), name, address, postcode, known, point);
  }

  static String keyOf(String name, String postcode, Optional<String> uprn) {
    return uprn.map(value -> "uprn:" + value.trim())
        .orElseGet(
            () ->
                "pc:"
                    + postcode.replaceAll("\\s+", "").toUpperCase(Locale.ROOT)
                    + ":"
                    + name.toLowerCase(Locale.ROOT)
                        .replaceAll("[^a-z0-9]+", "-")
                        .replaceAll("^-|-$", ""));
  }
}
