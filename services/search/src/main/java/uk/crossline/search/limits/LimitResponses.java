package uk.crossline.search.limits;

import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A refusal as 429 with {@code Retry-After} in whole seconds and an RFC 9457 problem saying the
 * same in words. It names the allowance and whose it is, never anything the request asked.
 */
@RestControllerAdvice
class LimitResponses {

  static final URI TOO_MANY_REQUESTS =
      URI.create("https://crossline.example/problems/too-many-requests");

  @ExceptionHandler(TooManyRequestsException.class)
  ResponseEntity<ProblemDetail> tooMany(TooManyRequestsException e) {
    RateLimiter.Refused refused = e.refusal();
    long seconds = refused.retryAfterSeconds();
    ProblemDetail body =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.TOO_MANY_REQUESTS,
            (refused.scope() == RateLimiter.Scope.USER ? "You have" : "Your agency has")
                + " made too many "
                + refused.allowance().words()
                + " in a short time. Try again in "
                + seconds
                + (seconds == 1 ? " second." : " seconds."));
    body.setType(TOO_MANY_REQUESTS);
    body.setTitle("Too many requests");
    body.setProperty("allowance", refused.allowance().name());
    body.setProperty("scope", refused.scope().name());
    body.setProperty("retryAfter", seconds);
    return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
        .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
        .body(body);
  }
}
