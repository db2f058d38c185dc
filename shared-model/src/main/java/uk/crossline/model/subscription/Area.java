package uk.crossline.model.subscription;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Objects;
import java.util.regex.Pattern;
import uk.crossline.model.location.GeoPoint;

/** Where a subscriber wants to hear about: a district, an outward postcode, or a circle. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Area.District.class, name = "DISTRICT"),
  @JsonSubTypes.Type(value = Area.Outward.class, name = "OUTWARD"),
  @JsonSubTypes.Type(value = Area.Radius.class, name = "RADIUS")
})
public sealed interface Area {

  /** The widest circle a subscription may draw: wider is a county, ask for its districts. */
  double MAX_RADIUS_KM = 50;

  /** How the area reads in an alert's matched rule. */
  String describe();

  /**
   * @param district a gazetteer district id
   */
  record District(String district) implements Area {
    private static final Pattern FORM = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public District {
      Objects.requireNonNull(district, "district");
      if (!FORM.matcher(district).matches()) {
        throw new IllegalArgumentException("district: a gazetteer district id");
      }
    }

    @Override
    public String describe() {
      return "district " + district;
    }
  }

  /**
   * @param outward an outward postcode ({@code B97}), upper case
   */
  record Outward(String outward) implements Area {
    private static final Pattern FORM = Pattern.compile("[A-Z]{1,2}[0-9][0-9A-Z]?");

    public Outward {
      Objects.requireNonNull(outward, "outward");
      if (!FORM.matcher(outward).matches()) {
        throw new IllegalArgumentException("outward: an outward postcode such as B97");
      }
    }

    @Override
    public String describe() {
      return "outward postcode " + outward;
    }
  }

  /**
   * @param centre the middle of the circle
   * @param km its radius, more than 0 and at most {@link #MAX_RADIUS_KM}
   */
  record Radius(GeoPoint centre, double km) implements Area {
    public Radius {
      Objects.requireNonNull(centre, "centre");
      if (!(km > 0 && km <= MAX_RADIUS_KM)) {
        throw new IllegalArgumentException("km: more than 0 and at most " + (int) MAX_RADIUS_KM);
      }
    }

    @Override
    public String describe() {
      return "within " + km + " km of " + centre.lat() + "," + centre.lon();
    }
  }
}
