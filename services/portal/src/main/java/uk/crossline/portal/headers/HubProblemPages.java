package uk.crossline.portal.headers;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import uk.crossline.portal.hub.HubProblem;

/**
 * A hub problem that a page did not show in its own error summary (an action's POST, say) becomes
 * the matching error page: the API's 403 the "no access" page, its 404 "page not found", the hub
 * not answering "service unavailable", anything else the general problem page. Never a stack trace.
 */
@ControllerAdvice
class HubProblemPages {

  @ExceptionHandler(HubProblem.class)
  String hubProblem(HubProblem problem, HttpServletResponse response) {
    if (problem.status() == 401) {
      // The person's tokens could not be renewed: their sign-in has ended.
      response.setStatus(HttpStatus.UNAUTHORIZED.value());
      return ErrorPages.view(HttpStatus.UNAUTHORIZED, true);
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
}
