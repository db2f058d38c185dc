package uk.crossline.portal.headers;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * The GOV.UK page shown for each error status, in place of Spring's: fixed words for the person,
 * never the exception, its message or a stack trace. A form sent without a valid CSRF token (the
 * session ended while the page was open, most often) gets a page saying so.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ErrorPages implements ErrorViewResolver {

  /** Set on a request refused for its CSRF token, for the error page to say why. */
  static final String CSRF_REFUSED = ErrorPages.class.getName() + ".csrf";

  @Override
  public ModelAndView resolveErrorView(
      HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
    return new ModelAndView(view(status, request.getAttribute(CSRF_REFUSED) != null), status);
  }

  /** The template for a status. */
  static String view(HttpStatus status, boolean csrfRefused) {
    if (csrfRefused) {
      return "error/session-expired";
    }
    return switch (status) {
      case NOT_FOUND -> "error/not-found";
      case FORBIDDEN, UNAUTHORIZED -> "error/forbidden";
      case SERVICE_UNAVAILABLE, GATEWAY_TIMEOUT, BAD_GATEWAY -> "error/unavailable";
      case TOO_MANY_REQUESTS -> "error/too-many-requests";
      default -> "error/problem";
    };
  }

  /**
   * Spring Security's refusals (a role missing on a page, a form without its CSRF token) as the
   * error pages: the status, and for a CSRF refusal the mark that picks its own page.
   */
  static AccessDeniedHandler accessDenied() {
    return (request, response, denied) -> {
      if (denied instanceof CsrfException) {
        request.setAttribute(CSRF_REFUSED, Boolean.TRUE);
      }
      response.sendError(HttpStatus.FORBIDDEN.value());
    };
  }
}
