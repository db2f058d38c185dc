package uk.crossline.portal.purpose;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;

/**
 * The purpose the person gave for what they are doing now, kept in their session: every search,
 * view and look-up the pages make sends it, so it is in the access log with each of them. Asked
 * again after sign-in, and whenever they change it. The entry point of this package.
 */
public final class Purpose {

  public static final int MIN = 5;
  public static final int MAX = 500;
  private static final String ATTRIBUTE = "crossline.purpose";

  private Purpose() {}

  public static Optional<String> of(HttpSession session) {
    return Optional.ofNullable((String) session.getAttribute(ATTRIBUTE));
  }

  static void set(HttpSession session, String purpose) {
    session.setAttribute(ATTRIBUTE, purpose);
  }

  /**
   * Where to send the person to give a purpose before coming back to {@code next} (a path of the
   * portal, with its query).
   */
  public static String ask(String next) {
    return "redirect:/purpose?next="
        + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Where to send the person to give a purpose before coming back to this request's page. */
  public static String askFor(HttpServletRequest request) {
    return ask(page(request));
  }

  /** This request's page, path and query: where to come back to (after the purpose, an ask...). */
  public static String page(HttpServletRequest request) {
    return request.getRequestURI()
        + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
  }

  /** Why the text is not a purpose, or empty when it is one. */
  static Optional<String> problem(String text) {
    String purpose = text == null ? "" : text.strip();
    if (purpose.length() < MIN) {
      return Optional.of("Enter why you need to look, in at least " + MIN + " characters");
    }
    if (purpose.length() > MAX) {
      return Optional.of("Purpose must be " + MAX + " characters or fewer");
    }
    return Optional.empty();
  }
}
