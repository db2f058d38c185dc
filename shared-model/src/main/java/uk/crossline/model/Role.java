package uk.crossline.model;

import java.util.Optional;

/**
 * What a person may do in the hub. Roles come from the identity provider's {@code roles} claim; a
 * role the hub does not know (Keycloak's {@code offline_access}, say) grants nothing.
 */
public enum Role {
  /** Submit reports through the agency's intake. */
  SUBMIT,
  /** Search, view and look up the events the agency may see. */
  SEARCH,
  /** Follow links between events and see identifier tokens and grading detail (police analysts). */
  LINK_ANALYSIS,
  /** Flag premises and see every agency's flags on a premises (trading standards). */
  FLAG_PREMISES,
  /** Subscribe to alerts and read the inbox. */
  SUBSCRIBE_ALERTS,
  /** Read the partnership's aggregate statistics. */
  READ_STATISTICS,
  /** Read the access log (information governance). */
  AUDIT,
  /** Run the hub: rebuild the projection and see its state; grants no access to intelligence. */
  OPERATE;

  /** The role of this name, if the hub knows it. */
  public static Optional<Role> fromClaim(String name) {
    for (Role role : values()) {
      if (role.name().equals(name)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}
