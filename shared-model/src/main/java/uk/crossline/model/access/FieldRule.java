package uk.crossline.model.access;

import java.util.Set;
import uk.crossline.model.AgencyType;
import uk.crossline.model.Role;

/**
 * Who sees a field group: callers of an agency of one of these types holding every one of these
 * roles.
 */
public record FieldRule(Set<AgencyType> agencyTypes, Set<Role> roles) {

  public FieldRule {
    agencyTypes = Set.copyOf(agencyTypes);
    roles = Set.copyOf(roles);
  }

  boolean admits(AgencyType type, Set<Role> callerRoles) {
    return agencyTypes.contains(type) && callerRoles.containsAll(roles);
  }
}
