package uk.crossline.portal.hub;

import java.util.List;

/**
 * What an API answered instead of what a page asked for: its RFC 9457 problem, with the fields at
 * fault, for the page to show in a GOV.UK error summary linked to those fields.
 *
 * @param status the HTTP status; 503 also when the service did not answer at all
 */
public final class HubProblem extends RuntimeException {

  /** One field at fault, as the API named it, and why. */
  public record FieldError(String field, String reason) {}

  private final int status;
  private final String title;
  private final List<FieldError> errors;

  public HubProblem(int status, String title, String detail, List<FieldError> errors) {
    super(detail, null, false, false);
    this.status = status;
    this.title = title;
    this.errors = List.copyOf(errors);
  }

  static HubProblem unavailable(String service) {
    return new HubProblem(
        503,
        "Service unavailable",
        "The " + service + " service did not answer. Try again in a few minutes.",
        List.of());
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  /** What the API said, in words for the person (never a stack trace). */
  public String detail() {
    return getMessage();
  }

  public List<FieldError> errors() {
    return errors;
  }

  public boolean isNotFound() {
    return status == 404;
  }

  public boolean isForbidden() {
    return status == 403;
  }
}
