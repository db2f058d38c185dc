package uk.crossline.demo.world;

import java.util.Optional;
import uk.crossline.model.location.GeoPoint;

/**
 * A place something was seen: a postcode sector of a town, with the ward the gazetteer gives the
 * sector and a centre for map points.
 *
 * @param fullPostcode an invented full postcode in the sector, for reports that give one
 * @param districtNeeded the outward code's main district is another, so a form that gives only the
 *     outward code must name the district too
 */
public record Spot(
    String district,
    String town,
    String outward,
    String fullPostcode,
    Optional<String> ward,
    GeoPoint centre,
    boolean districtNeeded) {}
