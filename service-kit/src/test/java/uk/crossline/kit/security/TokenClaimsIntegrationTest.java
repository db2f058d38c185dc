package uk.crossline.kit.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static uk.crossline.kit.security.Refusals.jwsHeader;
import static uk.crossline.kit.security.Refusals.refusedAndLogged;
import static uk.crossline.kit.security.Refusals.signed;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import uk.crossline.kit.KitTestApplication;
import uk.crossline.testsupport.CrosslineIntegrationTest;
import uk.crossline.testsupport.DemoTokens;

/**
 * Tokens with a good signature but claims that must not pass: expired, not yet valid, from another
 * issuer, for another audience, naming no agency. Only the identity provider can sign such a token
 * for real, and it will not, so here the API trusts a key set this test publishes (the way it
 * trusts the provider's) while checking the partnership's issuer, audience and agency as in
 * production. Each forgery copies a real Keycloak token's claims and changes one; the unchanged
 * copy is accepted, so each refusal is for the claim under test. Signatures against the provider's
 * own keys are attacked in {@link TokenAttacksIntegrationTest}.
 */
@CrosslineIntegrationTest
@SpringBootTest(classes = KitTestApplication.class)
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class TokenClaimsIntegrationTest {

  /** Beyond the minute of clock skew every check allows. */
  private static final Duration WELL_PAST_SKEW = Duration.ofMinutes(5);

  private static final RSAKey TRUSTED = trustedKey();
  private static final HttpServer KEY_SET = publish(TRUSTED);

  @Autowired MockMvc mvc;

  @DynamicPropertySource
  static void trustThePublishedKeySet(DynamicPropertyRegistry properties) {
    properties.add(
        "spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
        () -> "http://127.0.0.1:" + KEY_SET.getAddress().getPort() + "/jwks.json");
  }

  @AfterAll
  static void stopPublishing() {
    KEY_SET.stop(0);
  }

  @Test
  void realClaimsSignedByTheTrustedKeyAreAccepted(DemoTokens tokens) throws Exception {
    mvc.perform(
            get("/api/v1/whoami")
                .header("Authorization", "Bearer " + forged(tokens, claims -> claims)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.agency").value("west-mercia-police"));
  }

  @Test
  void expiredTokenIsRefused(DemoTokens tokens, CapturedOutput log) throws Exception {
    Instant past = Instant.now().minus(WELL_PAST_SKEW);
    String token =
        forged(
            tokens,
            claims ->
                claims
                    .issueTime(Date.from(past.minus(WELL_PAST_SKEW)))
                    .expirationTime(Date.from(past)));

    refusedAndLogged(mvc, token, log, "expired");
  }

  @Test
  void tokenNotYetValidIsRefused(DemoTokens tokens, CapturedOutput log) throws Exception {
    Instant future = Instant.now().plus(WELL_PAST_SKEW);
    String token =
        forged(
            tokens,
            claims ->
                claims
                    .notBeforeTime(Date.from(future))
                    .expirationTime(Date.from(future.plus(WELL_PAST_SKEW))));

    refusedAndLogged(mvc, token, log, "before");
  }

  @Test
  void tokenOfAnotherIssuerIsRefused(DemoTokens tokens, CapturedOutput log) throws Exception {
    String token =
        forged(tokens, claims -> claims.issuer("https://idp.attacker.example/realms/crossline"));

    refusedAndLogged(mvc, token, log, "iss");
  }

  @Test
  void tokenForAnotherAudienceIsRefused(DemoTokens tokens, CapturedOutput log) throws Exception {
    String token = forged(tokens, claims -> claims.audience(List.of("account")));

    refusedAndLogged(mvc, token, log, "audience");
  }

  @Test
  void tokenNamingNoAgencyIsRefused(DemoTokens tokens, CapturedOutput log) throws Exception {
    String token = forged(tokens, claims -> claims.claim("agency", null));

    refusedAndLogged(mvc, token, log, "agency");
  }

  /** A real token's claims for police.analyst, changed by {@code change}, signed by the key. */
  private static String forged(DemoTokens tokens, UnaryOperator<JWTClaimsSet.Builder> change)
      throws Exception {
    JWTClaimsSet real = SignedJWT.parse(tokens.accessToken("police.analyst")).getJWTClaimsSet();
    Instant now = Instant.now();
    JWTClaimsSet.Builder fresh =
        new JWTClaimsSet.Builder(real)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(WELL_PAST_SKEW)));
    return signed(jwsHeader().keyID(TRUSTED.getKeyID()), change.apply(fresh).build(), TRUSTED);
  }

  private static RSAKey trustedKey() {
    try {
      return new RSAKeyGenerator(2048).keyID("test-trusted").generate();
    } catch (com.nimbusds.jose.JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static HttpServer publish(RSAKey key) {
    byte[] keys = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/jwks.json",
          exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, keys.length);
            exchange.getResponseBody().write(keys);
            exchange.close();
          });
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
