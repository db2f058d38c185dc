package uk.crossline.search.limits;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import uk.crossline.kit.security.CallerAuthentication;
import uk.crossline.model.Caller;

/**
 * Counts each call of a {@link CountsAgainst} endpoint before its handler runs: before the body is
 * read, a query is made or an access-log entry is written, so a refused call learns nothing and
 * costs nothing but this check.
 */
final class LimitInterceptor implements HandlerInterceptor {

  private static final Logger log = LoggerFactory.getLogger(LimitInterceptor.class);

  private final RateLimiter limiter;
  private final MeterRegistry meters;

  LimitInterceptor(RateLimiter limiter, MeterRegistry meters) {
    this.limiter = limiter;
    this.meters = meters;
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!(handler instanceof HandlerMethod method)) {
      return true;
    }
    CountsAgainst counted = method.getMethodAnnotation(CountsAgainst.class);
    if (counted == null
        || !(SecurityContextHolder.getContext().getAuthentication()
            instanceof CallerAuthentication authentication)) {
      // No caller: Spring Security has refused the request already (401), or will.
      return true;
    }
    Caller caller = authentication.caller();
    return switch (limiter.admit(caller, counted.value())) {
      case RateLimiter.Admitted admitted -> true;
      case RateLimiter.Refused refused -> {
        meters
            .counter(
                "crossline.search.limits.refused",
                "allowance",
                refused.allowance().name(),
                "scope",
                refused.scope().name())
            .increment();
        if (refused.firstOfEpisode()) {
          // The endpoint's pattern, never the address: a premises look-up's query string names
          // the premises. The person by their subject id, which the access log resolves.
          log.warn(
              "Refused {} {} for user {} of {}: the {} allowance {} ({}) is used up; further"
                  + " refusals until it admits again are counted"
                  + " (crossline.search.limits.refused), not logged",
              request.getMethod(),
              request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE),
              caller.userId(),
              caller.agency().value(),
              refused.allowance(),
              refused.scope() == RateLimiter.Scope.USER ? "per user" : "of the whole agency",
              refused.rate());
        }
        throw new TooManyRequestsException(refused);
      }
    };
  }
}
