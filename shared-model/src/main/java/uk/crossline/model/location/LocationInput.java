package uk.crossline.model.location;

import java.util.Objects;
import java.util.Optional;

/**
 * What a submitter says about where something happened, before it is generalised. It may hold a
 * full home postcode, so it stays inside the intake and its {@link #toString()} hides the postcode.
 *
 * @param postcode a full postcode ({@code B97 4AB}) or an outward code alone ({@code B97})
 * @param districtId a district id from the gazetteer, e.g. {@code redditch}
 * @param ward a ward of that district, by name
 * @param point where it happened, as exact as the submitter has it; only a snapped point is kept
 * @param sectorAllowed whether the postcode sector may be kept: only where no person can be singled
 *     out by it, which the submitter's form decides (for example a park or a high street, not a
 *     home)
 */
public record LocationInput(
    Optional<String> postcode,
    Optional<String> districtId,
    Optional<String> ward,
    Optional<GeoPoint> point,
    boolean sectorAllowed) {

  public LocationInput {
    Objects.requireNonNull(postcode, "postcode");
    Objects.requireNonNull(districtId, "districtId");
    Objects.requireNonNull(ward, "ward");
    Objects.requireNonNull(point, "point");
  }

  /** A postcode alone, full or outward, with the sector not to be kept. */
  public static LocationInput ofPostcode(String postcode) {
    return new LocationInput(
        Optional.of(postcode), Optional.empty(), Optional.empty(), Optional.empty(), false);
  }

  /** A district alone, for reports that know no more than the council area. */
  public static LocationInput ofDistrict(String districtId) {
    return new LocationInput(
        Optional.empty(), Optional.of(districtId), Optional.empty(), Optional.empty(), false);
  }

  /** Hides the postcode and the point, which may be a home, in case the input reaches a log. */
  @Override
  public String toString() {
    return "LocationInput[postcode="
        + postcode.map(p -> "(hidden)").orElse("none")
        + ", districtId="
        + districtId.orElse("none")
        + ", ward="
        + ward.orElse("none")
        + ", point="
        + point.map(p -> "(hidden)").orElse("none")
        + ", sectorAllowed="
        + sectorAllowed
        + "]";
  }
}
