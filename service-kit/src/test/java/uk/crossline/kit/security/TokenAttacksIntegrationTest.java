package uk.crossline.kit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.crossline.kit.security.Refusals.jwsHeader;
import static uk.crossline.kit.security.Refusals.signed;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;
import uk.crossline.kit.KitTestApplication;
import uk.crossline.testsupport.CrosslineIntegrationTest;
import uk.crossline.testsupport.DemoTokens;

/**
 * Forged and misused tokens against a real Crossline API verifying with the real identity
 * provider's published keys: each is refused with 401 and logged, and the log line never holds the
 * token. Each forgery starts from a real token of a demo user, so that only the attack differs. (A
 * token for another audience, and one without an agency, are refused by {@link
 * CallerClaimsValidator}; see its test. Expiry and not-before are Spring Security's own checks.)
 */
@CrosslineIntegrationTest
@SpringBootTest(classes = KitTestApplication.class)
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class TokenAttacksIntegrationTest {

  @Autowired MockMvc mvc;

  @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}")
  String issuer;

  @Test
  void unsignedTokenWithAlgNoneIsRefused(DemoTokens tokens, CapturedOutput log) throws Exception {
    String[] parts = tokens.accessToken("police.analyst").split("\\.");
    String unsigned = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";

    refusedAndLogged(unsigned, log);
  }

  @Test
  void tokenSignedByAnotherKeyUnderTheProvidersKeyIdIsRefused(DemoTokens tokens, CapturedOutput log)
      throws Exception {
    SignedJWT real = SignedJWT.parse(tokens.accessToken("police.analyst"));
    RSAKey attacker = new RSAKeyGenerator(2048).keyID(real.getHeader().getKeyID()).generate();

    refusedAndLogged(
        signed(jwsHeader().keyID(real.getHeader().getKeyID()), real.getJWTClaimsSet(), attacker),
        log);
  }

  @Test
  void tokenCarryingItsOwnKeyInItsHeaderIsRefused(DemoTokens tokens, CapturedOutput log)
      throws Exception {
    SignedJWT real = SignedJWT.parse(tokens.accessToken("police.analyst"));
    RSAKey attacker = new RSAKeyGenerator(2048).keyID("attacker").generate();

    refusedAndLogged(
        signed(
            jwsHeader().keyID("attacker").jwk(attacker.toPublicJWK()),
            real.getJWTClaimsSet(),
            attacker),
        log);
  }

  @Test
  void tokenPointingToItsOwnKeySetIsRefusedAndTheKeySetNeverFetched(
      DemoTokens tokens, CapturedOutput log) throws Exception {
    SignedJWT real = SignedJWT.parse(tokens.accessToken("police.analyst"));
    RSAKey attacker = new RSAKeyGenerator(2048).keyID("attacker").generate();
    AtomicInteger fetched = new AtomicInteger();
    HttpServer keySet = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    byte[] keys = new JWKSet(attacker.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
    keySet.createContext(
        "/jwks.json",
        exchange -> {
          fetched.incrementAndGet();
          exchange.sendResponseHeaders(200, keys.length);
          exchange.getResponseBody().write(keys);
          exchange.close();
        });
    keySet.start();
    try {
      URI jku = URI.create("http://127.0.0.1:" + keySet.getAddress().getPort() + "/jwks.json");

      refusedAndLogged(
          signed(jwsHeader().keyID("attacker").jwkURL(jku), real.getJWTClaimsSet(), attacker), log);
      assertThat(fetched).hasValue(0);
    } finally {
      keySet.stop(0);
    }
  }

  @Test
  void tokenOfAnotherRealmOfTheSameProviderIsRefused(CapturedOutput log) throws Exception {
    // Genuinely signed by the same Keycloak, but by its master realm: another issuer.
    String master = issuer.substring(0, issuer.indexOf("/realms/")) + "/realms/master";
    String form =
        "grant_type=password&client_id=admin-cli&username=admin&password="
            + URLEncoder.encode("admin", StandardCharsets.UTF_8);
    String token;
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<String> answer =
          http.send(
              HttpRequest.newBuilder(URI.create(master + "/protocol/openid-connect/token"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(form))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
      token = JsonMapper.builder().build().readTree(answer.body()).get("access_token").asString();
    }

    refusedAndLogged(token, log);
  }

  private void refusedAndLogged(String token, CapturedOutput log) throws Exception {
    Refusals.refusedAndLogged(mvc, token, log, "");
  }

  private static String base64(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
