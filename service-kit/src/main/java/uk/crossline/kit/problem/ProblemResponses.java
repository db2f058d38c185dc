package uk.crossline.kit.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Turns every refusal into an RFC 9457 problem detail with an {@code errors} list of {@link
 * FieldProblem}s. Handling the unreadable-body case here also keeps Spring from logging Jackson's
 * message, which quotes the value sent. A caller refused for who they are (403) is logged, as a
 * refused token is: an operator watching for misuse sees both.
 */
@RestControllerAdvice
public class ProblemResponses extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

  private static final URI INVALID =
      URI.create("https://crossline.example/problems/invalid-request");

  @ExceptionHandler(ProblemException.class)
  ResponseEntity<ProblemDetail> problem(ProblemException e, HttpServletRequest request) {
    if (e.status() == HttpStatus.FORBIDDEN) {
      logForbidden(request, e.title());
    }
    return respond(e.status(), e.title(), e.getMessage(), e.errors());
  }

  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e, HttpServletRequest request) {
    logForbidden(request, "Forbidden");
    return respond(
        HttpStatus.FORBIDDEN, "Forbidden", "Your role does not allow this request.", List.of());
  }

  /**
   * The method, the path, the refusal's title and the user: never a query string or a body, which
   * may hold an identifier the caller was not allowed to look up.
   */
  private static void logForbidden(HttpServletRequest request, String title) {
    log.warn(
        "Refused a request: {} {}: {} (user {})",
        request.getMethod(),
        request.getRequestURI(),
        title,
        request.getUserPrincipal() == null ? "unknown" : request.getUserPrincipal().getName());
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e) {
    List<FieldProblem> errors =
        e.getConstraintViolations().stream()
            .map(v -> new FieldProblem(lastNode(v.getPropertyPath().toString()), v.getMessage()))
            .sorted(Comparator.comparing(FieldProblem::field))
            .toList();
    return respond(HttpStatus.BAD_REQUEST, "Invalid request", summary(errors), errors);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldProblem> errors =
        e.getBindingResult().getFieldErrors().stream()
            .map(
                error ->
                    new FieldProblem(
                        error.getField(),
                        error.getDefaultMessage() == null
                            ? "not valid"
                            : error.getDefaultMessage()))
            .sorted(Comparator.comparing(FieldProblem::field))
            .toList();
    return asObject(respond(HttpStatus.BAD_REQUEST, "Invalid request", summary(errors), errors));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof PayloadTooLargeException tooLarge) {
        return asObject(payloadTooLarge(tooLarge));
      }
    }
    FieldProblem problem =
        e.getCause() instanceof JacksonException jackson
            ? JsonProblems.explain(jackson)
            : new FieldProblem("", "the request body is missing or cannot be read");
    return asObject(
        respond(
            HttpStatus.BAD_REQUEST,
            "Invalid request",
            summary(List.of(problem)),
            List.of(problem)));
  }

  @ExceptionHandler(PayloadTooLargeException.class)
  ResponseEntity<ProblemDetail> payloadTooLarge(PayloadTooLargeException e) {
    return respond(
        HttpStatus.CONTENT_TOO_LARGE,
        "Request too large",
        "The request body is larger than the " + e.limit() + " bytes this endpoint accepts.",
        List.of(new FieldProblem("", "larger than " + e.limit() + " bytes")));
  }

  static ResponseEntity<ProblemDetail> respond(
      HttpStatus status, String title, String detail, List<FieldProblem> errors) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
    body.setTitle(title);
    if (status == HttpStatus.BAD_REQUEST) {
      body.setType(INVALID);
    }
    if (!errors.isEmpty()) {
      body.setProperty("errors", errors);
    }
    return ResponseEntity.status(status).body(body);
  }

  private static String summary(List<FieldProblem> errors) {
    if (errors.isEmpty()) {
      return "The request is not valid.";
    }
    FieldProblem first = errors.getFirst();
    String text = first.field().isEmpty() ? first.reason() : first.field() + ": " + first.reason();
    return errors.size() == 1 ? text : errors.size() + " fields are not valid, first " + text;
  }

  private static String lastNode(String path) {
    int dot = path.indexOf('.');
    return dot < 0 ? path : path.substring(dot + 1);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static ResponseEntity<Object> asObject(ResponseEntity<ProblemDetail> response) {
    return (ResponseEntity) response;
  }
}
