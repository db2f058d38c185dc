package uk.crossline.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import uk.crossline.model.AgencyType;
import uk.crossline.model.Role;

class CallerClaimsValidatorTest {

  private final CallerClaimsValidator validator = new CallerClaimsValidator("crossline-api");

  @Test
  void tokenForCrosslineNamingAKnownAgencyIsValid() {
    var result = validator.validate(token().build());

    assertThat(result.hasErrors()).isFalse();
  }

  @Test
  void tokenForAnotherAudienceIsRefused() {
    var result = validator.validate(token().audience(List.of("another-app")).build());

    assertThat(result.getErrors())
        .anySatisfy(error -> assertThat(error.getDescription()).contains("audience"));
  }

  @Test
  void tokenWithoutAgencyIsRefusedNamingTheClaim() {
    var result = validator.validate(token().claims(claims -> claims.remove("agency")).build());

    assertThat(result.getErrors())
        .anySatisfy(error -> assertThat(error.getDescription()).contains("agency claim"));
  }

  @Test
  void tokenWithUnknownAgencyTypeIsRefused() {
    var result = validator.validate(token().claim("agency_type", "MI5").build());

    assertThat(result.getErrors())
        .anySatisfy(error -> assertThat(error.getDescription()).contains("agency_type"));
  }

  @Test
  void rolesTheHubDoesNotKnowGrantNothing() {
    var caller =
        CallerClaims.callerOf(token().claim("roles", List.of("SEARCH", "offline_access")).build());

    assertThat(caller.roles()).containsExactly(Role.SEARCH);
    assertThat(caller.agencyType()).isEqualTo(AgencyType.LOCAL_AUTHORITY);
  }

  private static Jwt.Builder token() {
    return Jwt.withTokenValue("token")
        .header("alg", "RS256")
        .subject("user-1")
        .audience(List.of("crossline-api", "account"))
        .issuedAt(Instant.now())
        .expiresAt(Instant.now().plusSeconds(300))
        .claim("preferred_username", "bromsgrove.cso")
        .claim("agency", "bromsgrove-dc")
        .claim("agency_type", "LOCAL_AUTHORITY")
        .claim("roles", List.of("SEARCH"));
  }
}
