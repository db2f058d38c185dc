package uk.crossline.intake.form;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import uk.crossline.intake.anonymise.Observation;
import uk.crossline.model.vocabulary.IdentifierType;

/**
 * A phone number, vehicle, social media handle or email seen in the report; only its token leaves.
 *
 * @param dealLine the phone is used as a deal line
 */
public record IdentifierForm(
    @NotNull IdentifierType type, @NotBlank @Size(max = 200) String value, Boolean dealLine) {

  Observation.Identifier toIdentifier() {
    return new Observation.Identifier(type, value, Boolean.TRUE.equals(dealLine));
  }

  @Override
  public String toString() {
    return "IdentifierForm[" + type + ", withheld]";
  }
}
