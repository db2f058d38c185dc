package uk.crossline.model.event;

/**
 * A JSON event that cannot be read, naming the field at fault (a JSON path such as {@code
 * report.subjects[0].role}) and the reason, without echoing any value.
 */
public final class EventFormatException extends IllegalArgumentException {

  private final String field;
  private final String reason;

  public EventFormatException(String field, String reason) {
    super(field.isEmpty() ? reason : field + ": " + reason);
    this.field = field;
    this.reason = reason;
  }

  /** The JSON path of the field at fault, or empty when the document as a whole is wrong. */
  public String field() {
    return field;
  }

  public String reason() {
    return reason;
  }
}
