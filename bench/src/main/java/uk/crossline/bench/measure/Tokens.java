package uk.crossline.bench.measure;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import uk.crossline.demo.intake.IdentityProvider;

/**
 * Real access tokens for the demo users, from the identity provider the demo loader uses, each
 * reused until it has less than a minute to live.
 */
public final class Tokens {

  private record Token(String value, Instant expiresAt) {}

  private final IdentityProvider identity;
  private final String password;
  private final Map<String, Token> cache = new ConcurrentHashMap<>();

  public Tokens(URI issuer, Http http, String password) {
    this.identity = new IdentityProvider(issuer, http.client(), Http.JSON);
    this.password = password;
  }

  /**
   * One request per user at a time: a burst of password grants for one user at once is what an
   * attack looks like, and the identity provider refuses some of them.
   */
  public synchronized String of(String username) {
    Token token = cache.get(username);
    if (token == null || token.expiresAt().isBefore(Instant.now().plusSeconds(60))) {
      String value = fetch(username);
      token = new Token(value, expiry(value));
      cache.put(username, token);
    }
    return token.value();
  }

  private String fetch(String username) {
    for (int attempt = 1; ; attempt++) {
      try {
        return identity.accessToken(username, password);
      } catch (RuntimeException e) {
        if (attempt == 3) {
          throw e;
        }
        try {
          Thread.sleep(1_000L * attempt); // the identity provider is busy; ask again shortly
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  /** The exp claim of a JWT; a minute from now if it cannot be read. */
  static Instant expiry(String jwt) {
    try {
      String payload =
          new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
      return Instant.ofEpochSecond(Http.JSON.readTree(payload).path("exp").asLong());
    } catch (RuntimeException e) {
      return Instant.now().plusSeconds(60);
    }
  }
}
