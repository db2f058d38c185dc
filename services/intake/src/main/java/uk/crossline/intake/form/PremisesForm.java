package uk.crossline.intake.form;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import uk.crossline.intake.anonymise.Observation;
import uk.crossline.model.location.GeoPoint;

/**
 * A business premises, kept identifiable: a shop's name, address and postcode are not personal
 * data.
 *
 * @param uprn the Unique Property Reference Number, where known
 */
public record PremisesForm(
    @NotBlank @Size(max = 200) String name,
    @NotBlank @Size(max = 300) String address,
    @NotBlank @Size(max = 10) String postcode,
    @Pattern(regexp = "[0-9]{1,12}", message = "a UPRN is up to 12 digits") String uprn,
    @DecimalMin("-90") @DecimalMax("90") Double latitude,
    @DecimalMin("-180") @DecimalMax("180") Double longitude) {

  Observation.PremisesDetails toDetails(FormProblems problems, String path) {
    Optional<GeoPoint> point = Optional.empty();
    if ((latitude == null) != (longitude == null)) {
      problems.add(path + ".longitude", "give both latitude and longitude, or neither");
    } else if (latitude != null) {
      point = Optional.of(new GeoPoint(latitude, longitude));
    }
    return new Observation.PremisesDetails(name, address, postcode, WhereForm.text(uprn), point);
  }
}
