package uk.crossline.model.event;

import java.util.Objects;
import java.util.Optional;
import uk.crossline.model.location.GeoPoint;

/**
 * Where it happened, generalised at the intake: a district, perhaps a ward and an outward postcode
 * ({@code B97}), the sector ({@code B97 4}) only where no person can be singled out, and a point
 * snapped to a grid of about 1 km. Never a full postcode or a home address.
 *
 * @param district the id of the local authority district
 */
public record Location(
    String district,
    Optional<String> ward,
    Optional<String> outwardPostcode,
    Optional<String> postcodeSector,
    Optional<GeoPoint> point) {

  public Location {
    Objects.requireNonNull(district, "location.district");
    ward = Objects.requireNonNullElse(ward, Optional.empty());
    outwardPostcode = Objects.requireNonNullElse(outwardPostcode, Optional.empty());
    postcodeSector = Objects.requireNonNullElse(postcodeSector, Optional.empty());
    point = Objects.requireNonNullElse(point, Optional.empty());
  }
}
