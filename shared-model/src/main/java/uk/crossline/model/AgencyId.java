package uk.crossline.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The stable id of a member or partner agency, e.g. {@code west-mercia-police}. It names the agency
 * in tokens, policy files and events, so it is kept to lower-case words joined by hyphens.
 */
public record AgencyId(String value) {

  private static final Pattern FORM = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  public AgencyId {
    Objects.requireNonNull(value, "agency id");
    if (value.length() > 64 || !FORM.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "agency id must be lower-case words joined by hyphens, at most 64 characters");
    }
  }

  @JsonCreator
  public static AgencyId of(String value) {
    return new AgencyId(value);
  }

  @JsonValue
  @Override
  public String toString() {
    return value;
  }
}
