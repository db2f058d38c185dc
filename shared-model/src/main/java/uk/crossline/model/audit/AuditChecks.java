package uk.crossline.model.audit;

import java.util.Objects;

/** Checks shared by the audit records; their messages name the field and never echo a value. */
final class AuditChecks {

  private AuditChecks() {}

  static void text(String field, String value, int maxLength) {
    Objects.requireNonNull(value, field);
    if (value.isBlank()) {
      throw new IllegalArgumentException(field + ": must not be blank");
    }
    if (value.length() > maxLength) {
      throw new IllegalArgumentException(field + ": at most " + maxLength + " characters");
    }
    if (value.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(field + ": must not contain control characters");
    }
  }
}
