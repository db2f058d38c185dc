package uk.crossline.portal.requests;

import java.util.Arrays;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import uk.crossline.model.Role;
import uk.crossline.portal.signin.SignedIn;

/**
 * Which of these pages the portal offers the signed-in person: only to roles that may use them. A
 * person who opens one anyway gets the GOV.UK "You cannot use this page" page with status 403. This
 * grants nothing: the APIs decide again on every call.
 */
public final class Offered {

  private Offered() {}

  /** Goes on only when the person has at least one of the roles. */
  public static void onlyTo(Model model, Role... roles) {
    if (!(model.getAttribute("signedIn") instanceof SignedIn person)
        || Arrays.stream(roles).noneMatch(person::has)) {
      throw new NotOffered();
    }
  }

  /** The refusal page for an API's 403 (the role or the agency's agreement does not open it). */
  public static RuntimeException refused() {
    return new NotOffered();
  }

  /** The person's roles do not open the page. */
  static final class NotOffered extends RuntimeException {
    NotOffered() {
      super("not offered", null, false, false);
    }
  }

  /** Draws the refusal as a page, for the look-up, premises, links and access-request pages. */
  @ControllerAdvice(
      basePackages = {
        "uk.crossline.portal.links",
        "uk.crossline.portal.lookup",
        "uk.crossline.portal.premises",
        "uk.crossline.portal.requests"
      })
  static class Refusal {

    @ExceptionHandler(NotOffered.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden() {
      return "intel/forbidden";
    }
  }
}
