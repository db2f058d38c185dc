package uk.crossline.model.access;

import java.util.List;
import java.util.Objects;
import uk.crossline.model.AgencyId;
import uk.crossline.model.AgencyType;

/**
 * An agency that takes part in the hub, as the partnership file lists it.
 *
 * @param name the name people see
 * @param homeDistricts the gazetteer ids of the districts it serves
 */
public record PartnerAgency(
    AgencyId id, String name, AgencyType type, List<String> homeDistricts, Membership membership) {

  public PartnerAgency {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    homeDistricts = List.copyOf(homeDistricts);
    Objects.requireNonNull(membership, "membership");
  }
}
