package uk.crossline.model.location;

import java.util.Objects;
import java.util.Optional;

/**
 * Where an intelligence event happened, as coarsely as the event keeps it: never a full postcode,
 * and a map point only as the centre of a {@linkplain GridSnapper grid cell}.
 *
 * @param district the local authority district
 * @param ward the ward, where known
 * @param outwardPostcode the outward code, e.g. {@code B97}
 * @param postcodeSector the sector, e.g. {@code B97 4}, only where no person can be singled out
 * @param point a point for maps, always snapped to the grid
 */
public record GeneralisedLocation(
    District district,
    Optional<String> ward,
    Optional<String> outwardPostcode,
    Optional<String> postcodeSector,
    Optional<GeoPoint> point) {

  public GeneralisedLocation {
    Objects.requireNonNull(district, "district");
    Objects.requireNonNull(ward, "ward");
    Objects.requireNonNull(outwardPostcode, "outwardPostcode");
    Objects.requireNonNull(postcodeSector, "postcodeSector");
    Objects.requireNonNull(point, "point");
    if (ward.isPresent() && ward.get().isBlank()) {
      throw new IllegalArgumentException("ward must not be blank");
    }
    // Checked here, not only in the generaliser, so no other path can put a full postcode or an
    // exact point into an event.
    if (outwardPostcode.isPresent()
        && !outwardPostcode.get().equals(normalisedOutward(outwardPostcode.get()))) {
      throw new IllegalArgumentException("outwardPostcode must be an outward code such as B97");
    }
    if (postcodeSector.isPresent()
        && !(outwardPostcode.isPresent()
            && Postcode.normaliseSector(postcodeSector.get()).equals(postcodeSector)
            && postcodeSector.get().startsWith(outwardPostcode.get() + " "))) {
      throw new IllegalArgumentException(
          "postcodeSector must be a sector such as B97 4 of the outward postcode");
    }
    point = point.map(GridSnapper::snap);
  }

  private static String normalisedOutward(String text) {
    return Postcode.isOutwardCode(text) ? Postcode.normaliseOutward(text) : "";
  }
}
