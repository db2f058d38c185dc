package uk.crossline.model.accessrequest;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Objects;

/**
 * An event on the access-requests topic, keyed by {@link AccessRequest#requestId()}: a request,
 * then at most one decision on it. The first decision on the topic is the one that counts; every
 * reader ignores a later one (two people of the originating agency deciding at the same instant on
 * two search instances), and the instance whose decision lost says so to its caller.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = AccessRequested.class, name = "REQUESTED"),
  @JsonSubTypes.Type(value = AccessApproved.class, name = "APPROVED"),
  @JsonSubTypes.Type(value = AccessRefused.class, name = "REFUSED")
})
public sealed interface AccessRequestEvent permits AccessRequested, AccessApproved, AccessRefused {

  /** The schema version this code writes. */
  int CURRENT_SCHEMA_VERSION = 1;

  int schemaVersion();

  AccessRequest request();

  static void checkVersion(int schemaVersion) {
    if (schemaVersion < 1 || schemaVersion > CURRENT_SCHEMA_VERSION) {
      throw new IllegalArgumentException(
          "schemaVersion: "
              + schemaVersion
              + " is not a version this code knows (1 to "
              + CURRENT_SCHEMA_VERSION
              + ")");
    }
  }

  static String text(String field, String text, int max) {
    Objects.requireNonNull(text, field);
    String stripped = text.strip();
    if (stripped.isEmpty()) {
      throw new IllegalArgumentException(field + ": required");
    }
    if (stripped.length() > max) {
      throw new IllegalArgumentException(field + ": at most " + max + " characters");
    }
    return stripped;
  }
}
