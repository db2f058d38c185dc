package uk.crossline.model;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Who is asking: a person, the agency they act for and what they may do. Built from a verified
 * token only, never from a request body, so an agency cannot speak for another.
 *
 * @param userId the identity provider's stable subject id
 * @param username the name the person signs in with, for the audit log
 */
public record Caller(
    String userId, String username, AgencyId agency, AgencyType agencyType, Set<Role> roles) {

  public Caller {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(agency, "agency");
    Objects.requireNonNull(agencyType, "agencyType");
    roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }
}
