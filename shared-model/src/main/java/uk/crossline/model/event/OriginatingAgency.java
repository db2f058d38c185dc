package uk.crossline.model.event;

import java.util.List;
import java.util.Objects;
import uk.crossline.model.AgencyId;
import uk.crossline.model.AgencyType;

/**
 * The agency a report came from, as its intake is configured (never as the payload says).
 *
 * @param homeDistricts ids of the districts the agency serves
 */
public record OriginatingAgency(AgencyId id, AgencyType type, List<String> homeDistricts) {

  public OriginatingAgency {
    Objects.requireNonNull(id, "agency.id");
    Objects.requireNonNull(type, "agency.type");
    homeDistricts = List.copyOf(Objects.requireNonNull(homeDistricts, "agency.homeDistricts"));
  }
}
