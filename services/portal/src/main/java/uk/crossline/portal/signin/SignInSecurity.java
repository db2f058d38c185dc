package uk.crossline.portal.signin;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every page needs a signed-in person, except the assets, health and the signed-out page. Sign-in
 * is the identity provider's authorisation code flow with PKCE (the portal is a confidential client
 * and uses both, as the OAuth 2.0 security best practice asks); sign-out ends the session at the
 * identity provider too, so a shared office computer is not left signed in there.
 */
@Configuration
public class SignInSecurity {

  /** The identity provider's registration in application.yml. */
  public static final String REGISTRATION = "keycloak";

  @Bean
  SecurityFilterChain portalSecurity(HttpSecurity http, ClientRegistrationRepository registrations)
      throws Exception {
    var authorizationRequests =
        new DefaultOAuth2AuthorizationRequestResolver(
            registrations,
            OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
    authorizationRequests.setAuthorizationRequestCustomizer(
        OAuth2AuthorizationRequestCustomizers.withPkce());
    var signOut = new OidcClientInitiatedLogoutSuccessHandler(registrations);
    signOut.setPostLogoutRedirectUri("{baseUrl}/signed-out");
    http.authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(
                        "/assets/**",
                        "/portal.css",
                        "/signed-out",
                        "/error",
                        "/actuator/health",
                        "/actuator/health/**")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .oauth2Login(
            login ->
                login
                    .loginPage("/oauth2/authorization/" + REGISTRATION)
                    .authorizationEndpoint(
                        endpoint -> endpoint.authorizationRequestResolver(authorizationRequests)))
        .logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessHandler(signOut));
    return http.build();
  }
}
