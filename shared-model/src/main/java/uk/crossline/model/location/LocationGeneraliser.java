package uk.crossline.model.location;

import java.util.Objects;
import java.util.Optional;

/**
 * Turns what a submitter knows about a place into the {@link GeneralisedLocation} an event keeps.
 *
 * <p>The rules, in order:
 *
 * <ul>
 *   <li><b>Postcode.</b> A full postcode or an outward code alone. Only its outward code is kept,
 *       and its sector only when the input allows it; the full postcode is used to look up the
 *       sector and then dropped. An outward code outside the gazetteer is refused, because an event
 *       the hub cannot place in a district would reach no alert and no statistic.
 *   <li><b>District.</b> A district id given by the submitter wins over the one the postcode
 *       suggests, since the gazetteer knows outward codes only roughly and the submitter knows the
 *       place: B45 8 may be reported as Birmingham or Bromsgrove. But it must be a district the
 *       outward code touches at all; otherwise one of the two is a slip, the event would be routed
 *       to the wrong council, and the input is refused naming {@code district}. Without a district
 *       id, the district is the sector's where the gazetteer has the sector, else the outward
 *       code's main district. With neither a district nor a postcode, the input is refused.
 *   <li><b>Ward.</b> A ward given must be one the gazetteer lists for the district, so free text
 *       never reaches an event; for a district whose wards the gazetteer lacks, no ward can be
 *       given. Without one, the ward is taken from the sector when the sector lies in that
 *       district. A ward is coarser than a sector, so it is kept even when the sector is not.
 *   <li><b>Point.</b> The given point, else the ward's centre, else the outward code's, else the
 *       district's, always snapped to the {@linkplain GridSnapper grid}.
 * </ul>
 *
 * <p>Blank text counts as not given, as an empty form field would. Refusals are {@link
 * InvalidLocationException}s naming the field and the reason, and never repeat a postcode.
 */
public final class LocationGeneraliser {

  private final Gazetteer gazetteer;

  public LocationGeneraliser(Gazetteer gazetteer) {
    this.gazetteer = Objects.requireNonNull(gazetteer, "gazetteer");
  }

  public GeneralisedLocation generalise(LocationInput input) {
    Objects.requireNonNull(input, "input");
    var postcode = given(input.postcode()).map(this::readPostcode);
    var district = district(given(input.districtId()), postcode);
    var ward = ward(given(input.ward()), district, postcode);
    var outward = postcode.map(p -> p.area().code());
    var sector =
        postcode.flatMap(GivenPostcode::sector).filter(sectorCode -> input.sectorAllowed());
    var point =
        input
            .point()
            .or(() -> ward.map(WardArea::centroid))
            .or(() -> postcode.map(p -> p.area().centroid()))
            .orElse(district.centroid());
    return new GeneralisedLocation(
        district, ward.map(WardArea::name), outward, sector, Optional.of(GridSnapper.snap(point)));
  }

  /**
   * The location an event keeps for business premises. A business address singles out no person, so
   * the sector is kept; the premises' exact point and full postcode belong on the premises record
   * itself, not here.
   */
  public GeneralisedLocation forPremises(String postcode, Optional<GeoPoint> exactPoint) {
    return generalise(
        new LocationInput(
            Optional.ofNullable(postcode), Optional.empty(), Optional.empty(), exactPoint, true));
  }

  /** The parts of a postcode an event may use; the full postcode itself is not held. */
  private record GivenPostcode(
      OutwardArea area, Optional<String> sector, Optional<SectorArea> sectorArea) {}

  private GivenPostcode readPostcode(String text) {
    String outward;
    Optional<String> sector;
    if (Postcode.isOutwardCode(text)) {
      outward = Postcode.normaliseOutward(text);
      sector = Optional.empty();
    } else {
      Postcode full;
      try {
        full = Postcode.parse(text);
      } catch (IllegalArgumentException e) {
        throw new InvalidLocationException(
            "postcode",
            "must be a full UK postcode such as B97 4AB or an outward code such as B97");
      }
      outward = full.outward();
      sector = Optional.of(full.sector());
    }
    // The outward code alone is not personal data: events keep it, so a refusal may name it.
    var area =
        gazetteer
            .outwardArea(outward)
            .orElseThrow(
                () ->
                    new InvalidLocationException(
                        "postcode",
                        "lies outside the area the gazetteer covers (outward code "
                            + outward
                            + ")"));
    return new GivenPostcode(area, sector, sector.flatMap(gazetteer::sectorArea));
  }

  private District district(Optional<String> districtId, Optional<GivenPostcode> postcode) {
    if (districtId.isPresent()) {
      var district =
          gazetteer
              .district(districtId.get().strip())
              .orElseThrow(
                  () ->
                      new InvalidLocationException(
                          "district", "is not a district the gazetteer knows"));
      if (postcode.isPresent() && !postcode.get().area().touches(district.id())) {
        throw new InvalidLocationException(
            "district",
            "does not contain the postcode's outward code "
                + postcode.get().area().code()
                + " (mostly in "
                + postcode.get().area().mainDistrict().name()
                + ")");
      }
      return district;
    }
    return postcode
        .map(
            p ->
                p.sectorArea()
                    .flatMap(s -> gazetteer.district(s.districtId()))
                    .orElse(p.area().mainDistrict()))
        .orElseThrow(
            () ->
                new InvalidLocationException("district", "is required when no postcode is given"));
  }

  private Optional<WardArea> ward(
      Optional<String> ward, District district, Optional<GivenPostcode> postcode) {
    if (ward.isPresent()) {
      return Optional.of(
          gazetteer
              .wardArea(district.id(), ward.get())
              .orElseThrow(
                  () ->
                      new InvalidLocationException(
                          "ward", "is not a ward of " + district.name() + " in the gazetteer")));
    }
    return postcode
        .flatMap(GivenPostcode::sectorArea)
        .filter(s -> s.districtId().equals(district.id()))
        .flatMap(s -> gazetteer.wardArea(s.districtId(), s.ward()));
  }

  private static Optional<String> given(Optional<String> text) {
    return text.filter(t -> !t.isBlank());
  }
}
