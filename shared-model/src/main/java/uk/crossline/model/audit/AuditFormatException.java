package uk.crossline.model.audit;

/**
 * An access-log entry that cannot be read, naming the field at fault and the reason, without
 * echoing any value.
 */
public final class AuditFormatException extends IllegalArgumentException {

  private final String field;
  private final String reason;

  public AuditFormatException(String field, String reason) {
    super(field.isEmpty() ? reason : field + ": " + reason);
    this.field = field;
    this.reason = reason;
  }

  /** The JSON path of the field at fault, or empty when the entry as a whole is wrong. */
  public String field() {
    return field;
  }

  public String reason() {
    return reason;
  }
}
