package uk.crossline.intake.form;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import uk.crossline.intake.anonymise.Observation;
import uk.crossline.model.location.GeoPoint;

/**
 * Where it happened: at least a postcode (full or outward) or a district. A full postcode is
 * generalised at the intake and never kept.
 *
 * @param district a district id, e.g. {@code redditch}
 */
public record WhereForm(
    @Size(max = 10) String postcode,
    @Size(max = 64) String district,
    @Size(max = 100) String ward,
    @DecimalMin("-90") @DecimalMax("90") Double latitude,
    @DecimalMin("-180") @DecimalMax("180") Double longitude) {

  Observation.Place toPlace(FormProblems problems, String path) {
    Optional<GeoPoint> point = Optional.empty();
    if ((latitude == null) != (longitude == null)) {
      problems.add(path + ".longitude", "give both latitude and longitude, or neither");
    } else if (latitude != null) {
      point = Optional.of(new GeoPoint(latitude, longitude));
    }
    if (blank(postcode) && blank(district)) {
      problems.add(path + ".postcode", "give a postcode or a district");
    }
    return new Observation.Place(text(postcode), text(district), text(ward), point);
  }

  @Override
  public String toString() {
    return "WhereForm[withheld]";
  }

  static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  static Optional<String> text(String value) {
    return blank(value) ? Optional.empty() : Optional.of(value.strip());
  }
}
