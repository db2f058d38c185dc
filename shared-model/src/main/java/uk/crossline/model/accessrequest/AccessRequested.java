package uk.crossline.model.accessrequest;

import java.util.Objects;

/** An agency asked the originator of an event it may not see for access to it. */
public record AccessRequested(int schemaVersion, AccessRequest request)
    implements AccessRequestEvent {

  public AccessRequested {
    AccessRequestEvent.checkVersion(schemaVersion);
    Objects.requireNonNull(request, "request");
  }

  public static AccessRequested of(AccessRequest request) {
    return new AccessRequested(CURRENT_SCHEMA_VERSION, request);
  }
}
