package uk.crossline.portal.hub;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What an API answered instead of what a page asked for: its RFC 9457 problem, with the fields at
 * fault, for the page to show in a GOV.UK error summary linked to those fields.
 *
 * @param status the HTTP status; 503 also when the service did not answer at all
 * @param retryAfter how long the API asked to wait before trying again (its {@code Retry-After} in
 *     seconds, on a 429), if it said
 */
public final class HubProblem extends RuntimeException {

  /** One field at fault, as the API named it, and why. */
  public record FieldError(String field, String reason) {}

  private final int status;
  private final String title;
  private final List<FieldError> errors;
  private final Optional<Duration> retryAfter;

  public HubProblem(int status, String title, String detail, List<FieldError> errors) {
    this(status, title, detail, errors, Optional.empty());
  }

  public HubProblem(
      int status,
      String title,
      String detail,
      List<FieldError> errors,
      Optional<Duration> retryAfter) {
    super(detail, null, false, false);
    this.status = status;
    this.title = title;
    this.errors = List.copyOf(errors);
    this.retryAfter = retryAfter;
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

  /** The API's rate limit refused the call: a page of its own says how long to wait. */
  public boolean isTooManyRequests() {
    return status == 429;
  }

  public Optional<Duration> retryAfter() {
    return retryAfter;
  }
}
