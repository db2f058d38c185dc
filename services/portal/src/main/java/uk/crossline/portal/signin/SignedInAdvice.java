package uk.crossline.portal.signin;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page the signed-in person as {@value #ATTRIBUTE} (null on a page anyone may see, such
 * as the signed-out page), for the header and the pages' offers.
 */
@ControllerAdvice
class SignedInAdvice {

  static final String ATTRIBUTE = "signedIn";

  @ModelAttribute(ATTRIBUTE)
  SignedIn signedIn(@AuthenticationPrincipal OidcUser user) {
    return user == null ? null : SignedIn.of(user).orElse(null);
  }
}
