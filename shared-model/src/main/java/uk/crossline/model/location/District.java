package uk.crossline.model.location;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A local authority district (a council area), the unit alerts, subscriptions and partnership
 * statistics are counted in.
 *
 * @param id stable slug used in events and policy files, e.g. {@code wyre-forest}
 * @param name the name people read, e.g. {@code Wyre Forest}
 * @param onsCode the ONS GSS code, e.g. {@code E07000239}, so data can be joined with official
 *     statistics
 * @param centroid an approximate centre, the last resort for a map point
 */
public record District(String id, String name, String onsCode, GeoPoint centroid) {

  private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  // E, W, S or N for the nation, then the entity type and a serial number, eight digits in all.
  private static final Pattern ONS_CODE = Pattern.compile("[ENSW][0-9]{8}");

  public District {
    Objects.requireNonNull(id, "district id");
    Objects.requireNonNull(name, "district name");
    Objects.requireNonNull(onsCode, "district ONS code");
    Objects.requireNonNull(centroid, "district centroid");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("district id must be lower-case words joined by hyphens");
    }
    if (name.isBlank()) {
      throw new IllegalArgumentException("district name must not be blank");
    }
    if (!ONS_CODE.matcher(onsCode).matches()) {
      throw new IllegalArgumentException("district ONS code must look like E07000236");
    }
  }
}
