package uk.crossline.portal.gate;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
public class PageRoles implements WebMvcConfigurer {

  /**
   * The pages under each path and the roles that open them (any one of them). The longest path that
   * holds a page decides.
   */
  static final Map<String, Set<Role>> ROLES =
      Map.ofEntries(
          Map.entry("/submit", Set.of(Role.SUBMIT)),
          Map.entry("/search", Set.of(Role.SEARCH)),
          Map.entry("/map", Set.of(Role.SEARCH)),
          Map.entry("/lookup", Set.of(Role.SEARCH)),
          Map.entry("/premises", Set.of(Role.SEARCH)),
          // Originators decide on requests for their own reports; asking needs SEARCH.
          Map.entry("/access-requests", Set.of(Role.SUBMIT, Role.SEARCH)),
          Map.entry("/access-requests/sent", Set.of(Role.SEARCH)),
          Map.entry("/access-requests/ask", Set.of(Role.SEARCH)),
          Map.entry("/access-requests/asked", Set.of(Role.SEARCH)),
          Map.entry("/alerts", Set.of(Role.SUBSCRIBE_ALERTS)),
          Map.entry("/statistics", Set.of(Role.READ_STATISTICS)),
          Map.entry("/audit", Set.of(Role.AUDIT)));

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(
        new HandlerInterceptor() {
          @Override
          public boolean preHandle(
              HttpServletRequest request, HttpServletResponse response, Object handler) {
            Set<Role> needed = needed(request.getRequestURI());
            if (!needed.isEmpty()
                && !signedIn().map(p -> needed.stream().anyMatch(p::has)).orElse(false)) {
              throw new AccessDeniedException("this page needs one of the roles " + needed);
            }
            return true;
          }
        });
  }

  /** The roles that open a path (any one of them), or none when any signed-in person may. */
  public static Set<Role> needed(String path) {
    for (String pages = path;
        !pages.isEmpty();
        pages = pages.substring(0, pages.lastIndexOf('/'))) {
      Set<Role> roles = ROLES.get(pages);
      if (roles != null) {
        return roles;
      }
    }
    return Set.of();
  }

  private static Optional<SignedIn> signedIn() {
    var authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication != null && authentication.getPrincipal() instanceof OidcUser user
        ? SignedIn.of(user)
        : Optional.empty();
  }
}
