package uk.crossline.kit.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.oauth2.jwt.Jwt;
import uk.crossline.model.AgencyId;
import uk.crossline.model.AgencyType;
import uk.crossline.model.Caller;
import uk.crossline.model.Role;

/** The claims of a Crossline token, read into a {@link Caller}: the one place that knows them. */
final class CallerClaims {

  static final String AGENCY = "agency";
  static final String AGENCY_TYPE = "agency_type";
  static final String ROLES = "roles";

  private CallerClaims() {}

  /**
   * @throws IllegalArgumentException naming the claim at fault
   */
  static Caller callerOf(Jwt jwt) {
    String agency = jwt.getClaimAsString(AGENCY);
    if (agency == null || agency.isBlank()) {
      throw new IllegalArgumentException("the token has no agency claim");
    }
    String agencyType = jwt.getClaimAsString(AGENCY_TYPE);
    AgencyType type;
    try {
      type = AgencyType.valueOf(agencyType == null ? "" : agencyType);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "the token's agency_type claim is not a known agency type");
    }
    String username = jwt.getClaimAsString("preferred_username");
    return new Caller(
        jwt.getSubject() == null ? "" : jwt.getSubject(),
        username == null ? "" : username,
        AgencyId.of(agency),
        type,
        rolesOf(jwt));
  }

  private static Set<Role> rolesOf(Jwt jwt) {
    Object claim = jwt.getClaims().get(ROLES);
    Collection<?> names = claim instanceof Collection<?> values ? values : List.of();
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (Object name : names) {
      Role.fromClaim(String.valueOf(name)).ifPresent(roles::add);
    }
    return roles;
  }
}
