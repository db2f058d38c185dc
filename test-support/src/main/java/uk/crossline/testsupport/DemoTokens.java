package uk.crossline.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Access tokens for the demo users of the {@code crossline} realm, from the identity provider's
 * token endpoint: signed by its real key, so services verify them as they would in production. Uses
 * the local-only {@code crossline-cli} client's password grant.
 */
public final class DemoTokens {

  /** The password every demo user of the realm has; local runs and tests only. */
  public static final String DEMO_PASSWORD = "Crossline-Demo-1";

  private static final Map<URI, DemoTokens> BY_ISSUER = new ConcurrentHashMap<>();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final URI tokenEndpoint;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Map<String, Token> cache = new ConcurrentHashMap<>();

  private DemoTokens(URI issuer) {
    this.tokenEndpoint = URI.create(issuer + "/protocol/openid-connect/token");
  }

  static DemoTokens of(URI issuer) {
    return BY_ISSUER.computeIfAbsent(issuer, DemoTokens::new);
  }

  /** A valid access token for the demo user, reused while it has more than 30 s to live. */
  public String accessToken(String username) {
    Token token = cache.get(username);
    if (token == null || token.expiresAt().isBefore(Instant.now().plusSeconds(30))) {
      token = fetch(username);
      cache.put(username, token);
    }
    return token.value();
  }

  private Token fetch(String username) {
    String form =
        Map.of(
                "grant_type",
                "password",
                "client_id",
                "crossline-cli",
                "username",
                username,
                "password",
                DEMO_PASSWORD)
            .entrySet()
            .stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    var request =
        HttpRequest.newBuilder(tokenEndpoint)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .timeout(Duration.ofSeconds(10))
            .build();
    try {
      var response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "no token for demo user "
                + username
                + ": "
                + response.statusCode()
                + " "
                + response.body());
      }
      JsonNode body = JSON.readTree(response.body());
      return new Token(
          body.get("access_token").asString(),
          Instant.now().plusSeconds(body.get("expires_in").asLong()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private record Token(String value, Instant expiresAt) {}
}
