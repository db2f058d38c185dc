package uk.crossline.portal.gate;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import uk.crossline.model.Role;
import uk.crossline.portal.signin.SignedIn;

/**
 * The role each group of pages needs, as the service navigation and the start page offer them. A
 * person without it gets the "no access" page (403) for the whole group, including an address typed
 * or bookmarked, instead of the page with the API's refusal in it. The APIs still decide on every
 * call: this only keeps people off pages that cannot work for them. A new group of pages adds its
 * line here.
 */
@Configuration
class PageRoles implements WebMvcConfigurer {

  /** The first segment of a page's path, and the role its pages need. */
  static final Map<String, Role> ROLES =
      Map.of(
          "submit", Role.SUBMIT,
          "search", Role.SEARCH,
          "alerts", Role.SUBSCRIBE_ALERTS,
          "statistics", Role.READ_STATISTICS,
          "audit", Role.AUDIT);

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(
        new HandlerInterceptor() {
          @Override
          public boolean preHandle(
              HttpServletRequest request, HttpServletResponse response, Object handler) {
            Optional<Role> needed = needed(request.getRequestURI());
            if (needed.isPresent() && !signedIn().map(p -> p.has(needed.get())).orElse(false)) {
              throw new AccessDeniedException("this page needs the role " + needed.get());
            }
            return true;
          }
        });
  }

  /** The role a path needs, if its group of pages needs one. */
  static Optional<Role> needed(String path) {
    String[] segments = path.split("/", 3);
    return segments.length < 2 ? Optional.empty() : Optional.ofNullable(ROLES.get(segments[1]));
  }

  private static Optional<SignedIn> signedIn() {
    var authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication != null && authentication.getPrincipal() instanceof OidcUser user
        ? SignedIn.of(user)
        : Optional.empty();
  }
}
