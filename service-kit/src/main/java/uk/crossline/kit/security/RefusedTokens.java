package uk.crossline.kit.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers a request without a valid bearer token with 401 (and the {@code WWW-Authenticate} header
 * RFC 6750 asks for), and logs that it did: the method, the path and why, which names the check
 * that failed (signature, issuer, audience, expiry...) but never the token or its claims.
 */
final class RefusedTokens {

  private static final Logger log = LoggerFactory.getLogger(RefusedTokens.class);

  private RefusedTokens() {}

  static AuthenticationEntryPoint entryPoint() {
    BearerTokenAuthenticationEntryPoint answer = new BearerTokenAuthenticationEntryPoint();
    return (request, response, refusal) -> {
      log.warn(
          "Refused a request without a valid bearer token: {} {}: {}",
          request.getMethod(),
          request.getRequestURI(),
          refusal.getMessage());
      answer.commence(request, response, refusal);
    };
  }
}
