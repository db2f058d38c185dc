package uk.crossline.portal.headers;

import java.net.URI;
import java.util.Collection;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter.CrossOriginOpenerPolicy;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import uk.crossline.portal.signin.SignInSecurity;

/**
 * The headers on every portal response. Spring Security applies this customizer to the portal's
 * security before {@link SignInSecurity} builds it, so sign-in keeps its own configuration.
 *
 * <ul>
 *   <li>A content security policy that runs only the portal's own scripts (and its templates'
 *       inline scripts, by hash), connects only to the portal (the live inbox's stream is relayed
 *       by it), is framed by nobody, and lets forms go only to the portal and the identity
 *       provider: Chrome applies {@code form-action} to the redirects after a form's POST, and
 *       sign-out's POST ends at the identity provider.
 *   <li>Pages are never cached ({@code no-store}, Spring Security's default): intelligence must not
 *       stay in a shared office computer's cache. Static assets set their own caching.
 *   <li>No referrer outside the portal (a search's words are in its address), no powerful browser
 *       features, a window of its own ({@code Cross-Origin-Opener-Policy}).
 * </ul>
 */
@Configuration
class SecurityHeaders {

  static final String PERMISSIONS_POLICY =
      "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(),"
          + " payment=(), usb=()";

  @Bean
  Customizer<HttpSecurity> portalHeaders(ClientRegistrationRepository registrations) {
    String policy =
        contentSecurityPolicy(
            InlineScripts.hashesInTemplates(),
            identityProviderOrigins(
                registrations.findByRegistrationId(SignInSecurity.REGISTRATION)));
    return http -> {
      try {
        http.headers(
                headers ->
                    headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(policy))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(
                            permissions -> permissions.policy(PERMISSIONS_POLICY))
                        .crossOriginOpenerPolicy(
                            opener -> opener.policy(CrossOriginOpenerPolicy.SAME_ORIGIN))
                        .frameOptions(frames -> frames.deny()))
            .exceptionHandling(errors -> errors.accessDeniedHandler(ErrorPages.accessDenied()));
      } catch (Exception e) {
        throw new IllegalStateException("the portal's headers could not be configured", e);
      }
    };
  }

  /** The policy, with the inline scripts' hashes and where sign-in and sign-out forms may go. */
  static String contentSecurityPolicy(
      Collection<String> scriptHashes, Collection<String> identityProviderOrigins) {
    return String.join(
        "; ",
        "default-src 'self'",
        "script-src " + String.join(" ", concat("'self'", scriptHashes)),
        "style-src 'self'",
        // GOV.UK Frontend's stylesheet draws some icons as data: images.
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action " + String.join(" ", concat("'self'", identityProviderOrigins)),
        "frame-ancestors 'none'");
  }

  /** The origins of the identity provider's issuer, sign-in and sign-out endpoints. */
  static TreeSet<String> identityProviderOrigins(ClientRegistration registration) {
    TreeSet<String> origins = new TreeSet<>();
    if (registration == null) {
      return origins;
    }
    var provider = registration.getProviderDetails();
    Stream.of(
            provider.getIssuerUri(),
            provider.getAuthorizationUri(),
            Optional.ofNullable(provider.getConfigurationMetadata().get("end_session_endpoint"))
                .map(Object::toString)
                .orElse(null))
        .filter(uri -> uri != null && !uri.isBlank())
        .map(SecurityHeaders::origin)
        .forEach(origins::add);
    return origins;
  }

  static String origin(String uri) {
    URI parsed = URI.create(uri);
    return parsed.getScheme()
        + "://"
        + parsed.getHost()
        + (parsed.getPort() == -1 ? "" : ":" + parsed.getPort());
  }

  private static String[] concat(String first, Collection<String> rest) {
    return Stream.concat(Stream.of(first), rest.stream()).toArray(String[]::new);
  }
}
