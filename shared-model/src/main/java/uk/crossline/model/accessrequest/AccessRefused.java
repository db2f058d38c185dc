package uk.crossline.model.accessrequest;

import java.util.Objects;

/** The originator refused the request: the event stays hidden from the requesting agency. */
public record AccessRefused(int schemaVersion, AccessRequest request, Decision decision)
    implements AccessRequestEvent {

  public AccessRefused {
    AccessRequestEvent.checkVersion(schemaVersion);
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(decision, "decision");
  }

  public static AccessRefused of(AccessRequest request, Decision decision) {
    return new AccessRefused(CURRENT_SCHEMA_VERSION, request, decision);
  }
}
