package uk.crossline.model.location;

import java.util.Objects;

/**
 * A location that cannot be generalised, naming the input field at fault ({@code postcode}, {@code
 * district} or {@code ward}) so an intake can answer with a problem detail for that field. The
 * message names the field and the reason and never repeats a postcode.
 */
public final class InvalidLocationException extends IllegalArgumentException {

  private final String field;
  private final String reason;

  InvalidLocationException(String field, String reason) {
    super(field + " " + reason);
    this.field = Objects.requireNonNull(field);
    this.reason = Objects.requireNonNull(reason);
  }

  /** Why, without the field's name: for answers that name the field separately. */
  public String reason() {
    return reason;
  }

  public String field() {
    return field;
  }
}
