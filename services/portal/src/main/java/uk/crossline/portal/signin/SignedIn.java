package uk.crossline.portal.signin;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import uk.crossline.model.AgencyId;
import uk.crossline.model.AgencyType;
import uk.crossline.model.Role;

/**
 * The signed-in person as the identity provider's ID token names them: what the portal shows in its
 * header and which pages and actions it offers. The APIs decide again from the access token on
 * every call; offering a page here grants nothing.
 */
public record SignedIn(String username, AgencyId agency, AgencyType agencyType, Set<Role> roles) {

  public SignedIn {
    roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  /** The roles in the order the vocabulary lists them, for the header. */
  public List<Role> rolesInOrder() {
    return roles.isEmpty() ? List.of() : List.copyOf(EnumSet.copyOf(roles));
  }

  /**
   * The person a page is drawn for ({@code signedIn} in its model). Every page that calls this is
   * behind sign-in and the page gate, so there is one; without, the page is refused.
   */
  public static SignedIn in(org.springframework.ui.Model model) {
    if (model.getAttribute(SignedInAdvice.ATTRIBUTE) instanceof SignedIn person) {
      return person;
    }
    throw new org.springframework.security.access.AccessDeniedException("not signed in");
  }

  /** The person the ID token describes, or empty when it lacks the agency claims. */
  public static Optional<SignedIn> of(OidcUser user) {
    String agency = user.getClaimAsString("agency");
    String agencyType = user.getClaimAsString("agency_type");
    if (agency == null || agencyType == null) {
      return Optional.empty();
    }
    Collection<String> claimed =
        Optional.ofNullable(user.getClaimAsStringList("roles")).orElse(List.of());
    Set<Role> roles = EnumSet.noneOf(Role.class);
    claimed.forEach(name -> Role.fromClaim(name).ifPresent(roles::add));
    try {
      return Optional.of(
          new SignedIn(
              Optional.ofNullable(user.getPreferredUsername()).orElse(user.getSubject()),
              AgencyId.of(agency),
              AgencyType.valueOf(agencyType),
              roles));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
