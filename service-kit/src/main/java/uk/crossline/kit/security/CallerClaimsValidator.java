package uk.crossline.kit.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Refuses a token that is not for Crossline or does not say, in a form the hub knows, which agency
 * its holder acts for: every access rule depends on it.
 */
final class CallerClaimsValidator implements OAuth2TokenValidator<Jwt> {

  private final String audience;

  CallerClaimsValidator(String audience) {
    this.audience = audience;
  }

  @Override
  public OAuth2TokenValidatorResult validate(Jwt jwt) {
    List<OAuth2Error> errors = new ArrayList<>();
    if (jwt.getAudience() == null || !jwt.getAudience().contains(audience)) {
      errors.add(invalid("the token is not for audience " + audience));
    }
    try {
      CallerClaims.callerOf(jwt);
    } catch (IllegalArgumentException e) {
      errors.add(invalid(e.getMessage()));
    }
    return errors.isEmpty()
        ? OAuth2TokenValidatorResult.success()
        : OAuth2TokenValidatorResult.failure(errors);
  }

  private static OAuth2Error invalid(String description) {
    return new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null);
  }
}
