package uk.crossline.kit.problem;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A request refused for a reason the caller can act on. Rendered as an RFC 9457 problem with an
 * {@code errors} member listing the fields at fault.
 */
public class ProblemException extends RuntimeException {

  private final HttpStatus status;
  private final String title;
  private final List<FieldProblem> errors;

  public ProblemException(
      HttpStatus status, String title, String detail, List<FieldProblem> errors) {
    super(detail, null, false, false);
    this.status = status;
    this.title = title;
    this.errors = List.copyOf(errors);
  }

  public static ProblemException invalid(List<FieldProblem> errors) {
    return new ProblemException(
        HttpStatus.BAD_REQUEST,
        "Invalid request",
        errors.size() == 1
            ? describe(errors.getFirst())
            : errors.size() + " fields are not valid: " + describe(errors.getFirst()) + "; …",
        errors);
  }

  public static ProblemException invalid(String field, String reason) {
    return invalid(List.of(new FieldProblem(field, reason)));
  }

  private static String describe(FieldProblem problem) {
    return problem.field().isEmpty() ? problem.reason() : problem.field() + ": " + problem.reason();
  }

  public HttpStatus status() {
    return status;
  }

  public String title() {
    return title;
  }

  public List<FieldProblem> errors() {
    return errors;
  }
}
