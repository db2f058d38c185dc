package uk.crossline.demo.intake;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Access tokens for demo users from the realm's token endpoint, by the password grant of the {@code
 * crossline-cli} client, which exists for local runs only. The tokens are real, so the intake
 * checks them exactly as it would any other.
 */
public final class IdentityProvider {

  private static final String CLIENT_ID = "crossline-cli";

  private final URI tokenEndpoint;
  private final HttpClient http;
  private final JsonMapper json;

  public IdentityProvider(URI issuer, HttpClient http, JsonMapper json) {
    this.tokenEndpoint =
        URI.create(issuer.toString().replaceAll("/+$", "") + "/protocol/openid-connect/token");
    this.http = http;
    this.json = json;
  }

  /**
   * @throws LoadFailure when the provider cannot be reached or refuses the user
   */
  public String accessToken(String username, String password) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "password");
    form.put("client_id", CLIENT_ID);
    form.put("username", username);
    form.put("password", password);
    String body =
        form.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    var request =
        HttpRequest.newBuilder(tokenEndpoint)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .timeout(Duration.ofSeconds(20))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new LoadFailure(
          "cannot reach the identity provider at " + tokenEndpoint + " (" + e + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LoadFailure("interrupted while asking for a token", e);
    }
    if (response.statusCode() != 200) {
      throw new LoadFailure(
          "no token for "
              + username
              + " from "
              + tokenEndpoint
              + ": HTTP "
              + response.statusCode()
              + " "
              + response.body());
    }
    JsonNode token = json.readTree(response.body()).get("access_token");
    if (token == null || !token.isString()) {
      throw new LoadFailure("the identity provider answered without an access token");
    }
    return token.asString();
  }
}
