package uk.crossline.kit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.hamcrest.Matchers;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.test.web.servlet.MockMvc;

/** Forging tokens, and what every refusal of one must look like: 401, the header, the log line. */
final class Refusals {

  static final String LOGGED = "Refused a request without a valid bearer token";

  private Refusals() {}

  /**
   * The token is refused with 401 and {@code WWW-Authenticate: Bearer}, the refusal is logged with
   * the reason containing {@code why}, and the log never holds the token.
   */
  static void refusedAndLogged(MockMvc mvc, String token, CapturedOutput log, String why)
      throws Exception {
    mvc.perform(get("/api/v1/whoami").header("Authorization", "Bearer " + token))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string("WWW-Authenticate", Matchers.startsWith("Bearer")));
    String output = log.getOut() + log.getErr();
    assertThat(output).contains(LOGGED + ": GET /api/v1/whoami");
    assertThat(output.substring(output.lastIndexOf(LOGGED))).containsIgnoringCase(why);
    assertThat(output).doesNotContain(token);
  }

  static JWSHeader.Builder jwsHeader() {
    return new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT);
  }

  static String signed(JWSHeader.Builder header, JWTClaimsSet claims, RSAKey key) throws Exception {
    SignedJWT jwt = new SignedJWT(header.build(), claims);
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }
}
