package uk.crossline.model.accessrequest;

import java.util.Objects;

/**
 * The originator let the requesting agency see the event: the indexer adds the agency to the
 * event's grants, which the access policy honours for every marking but RED.
 */
public record AccessApproved(int schemaVersion, AccessRequest request, Decision decision)
    implements AccessRequestEvent {

  public AccessApproved {
    AccessRequestEvent.checkVersion(schemaVersion);
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(decision, "decision");
  }

  public static AccessApproved of(AccessRequest request, Decision decision) {
    return new AccessApproved(CURRENT_SCHEMA_VERSION, request, decision);
  }
}
