package uk.crossline.portal;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;

import java.util.List;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;

/**
 * A person signed in to the portal for a MockMvc test of its pages, with the claims the portal
 * reads from the identity provider's token, without its login page.
 */
public final class MockSignIn {

  private MockSignIn() {}

  /** Signed in as this West Mercia Police user with these roles. */
  public static OidcLoginRequestPostProcessor policeUser(String username, String... roles) {
    return oidcLogin()
        .idToken(
            token ->
                token
                    .claim("preferred_username", username)
                    .claim("agency", "west-mercia-police")
                    .claim("agency_type", "POLICE")
                    .claim("roles", List.of(roles)));
  }
}
