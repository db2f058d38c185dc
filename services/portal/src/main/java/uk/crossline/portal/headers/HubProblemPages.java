package uk.crossline.portal.headers;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import uk.crossline.portal.hub.HubProblem;

/**
 * A hub problem that a page did not show in its own error summary (an action's POST, say) becomes
 * the matching error page: the API's 403 the "no access" page, its 404 "page not found", its 429
 * "too many requests" with how long to wait, the hub not answering "service unavailable", anything
 * else the general problem page. Never a stack trace.
 */
@ControllerAdvice
class HubProblemPages {

  @ExceptionHandler(HubProblem.class)
  String hubProblem(HubProblem problem, HttpServletResponse response, Model model) {
    if (problem.status() == 401) {
      // The person's tokens could not be renewed: their sign-in has ended.
      response.setStatus(HttpStatus.UNAUTHORIZED.value());
      return ErrorPages.view(HttpStatus.UNAUTHORIZED, true);
    }
    if (problem.isTooManyRequests()) {
      response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
      problem
          .retryAfter()
          .ifPresent(
              wait -> {
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait.toSeconds()));
                model.addAttribute("wait", inWords(wait));
              });
      return ErrorPages.view(HttpStatus.TOO_MANY_REQUESTS, false);
    }
    HttpStatus status =
        switch (problem.status()) {
          case 403 -> HttpStatus.FORBIDDEN;
          case 404 -> HttpStatus.NOT_FOUND;
          case 502, 503, 504 -> HttpStatus.SERVICE_UNAVAILABLE;
          default -> HttpStatus.INTERNAL_SERVER_ERROR;
        };
    response.setStatus(status.value());
    return ErrorPages.view(status, false);
  }

  /** "20 seconds", "1 minute", "3 minutes": a wait rounded up to what a person reads. */
  static String inWords(Duration wait) {
    long seconds = Math.max(1, wait.toSeconds());
    if (seconds < 60) {
      return seconds == 1 ? "1 second" : seconds + " seconds";
    }
    long minutes = (seconds + 59) / 60;
    return minutes == 1 ? "1 minute" : minutes + " minutes";
  }
}
