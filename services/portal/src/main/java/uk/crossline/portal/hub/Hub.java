package uk.crossline.portal.hub;

import java.io.IOException;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.crossline.portal.signin.SignInSecurity;

/**
 * The hub's APIs as the signed-in person: every call carries their access token (refreshed when it
 * expires), so the APIs apply the access rules, the audit and the field rights to them and not to
 * the portal. An answer that is not a success becomes a {@link HubProblem}. The entry point of this
 * package.
 */
@Component
public class Hub {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Hub.class);

  private final RestClient intake;
  private final RestClient search;
  private final RestClient alerts;
  private final OAuth2AuthorizedClientManager clients;
  private final HubSettings settings;

  Hub(HubSettings settings, OAuth2AuthorizedClientManager clients) {
    this.clients = clients;
    this.settings = settings;
    var token = new OAuth2ClientHttpRequestInterceptor(clients);
    token.setClientRegistrationIdResolver(request -> SignInSecurity.REGISTRATION);
    var requests =
        new JdkClientHttpRequestFactory(
            HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.timeout())
                .build());
    requests.setReadTimeout(settings.timeout());
    RestClient.Builder base =
        RestClient.builder().requestFactory(requests).requestInterceptor(token);
    this.intake = client(base, settings.intakeUrl().toString(), "intake");
    this.search = client(base, settings.searchUrl().toString(), "search");
    this.alerts = client(base, settings.alertsUrl().toString(), "alerts");
  }

  /**
   * The signed-in person's current access token (refreshed when due), for a call the page makes
   * outside the request's thread (a stream it relays). Call it on the request's thread.
   */
  public String accessToken(
      jakarta.servlet.http.HttpServletRequest request,
      jakarta.servlet.http.HttpServletResponse response) {
    var authentication =
        org.springframework.security.core.context.SecurityContextHolder.getContext()
            .getAuthentication();
    var client =
        clients.authorize(
            org.springframework.security.oauth2.client.OAuth2AuthorizeRequest
                .withClientRegistrationId(SignInSecurity.REGISTRATION)
                .principal(authentication)
                .attribute(jakarta.servlet.http.HttpServletRequest.class.getName(), request)
                .attribute(jakarta.servlet.http.HttpServletResponse.class.getName(), response)
                .build());
    if (client == null) {
      throw new HubProblem(401, "Signed out", "Sign in again to continue.", java.util.List.of());
    }
    return client.getAccessToken().getTokenValue();
  }

  /** Where the alerts service is, for a stream relayed with {@link #accessToken}. */
  public java.net.URI alertsUrl() {
    return settings.alertsUrl();
  }

  public RestClient intake() {
    return intake;
  }

  public RestClient search() {
    return search;
  }

  public RestClient alerts() {
    return alerts;
  }

  /**
   * The search API for a call that may take longer than the usual timeout (the access log's check
   * of every chain, which reads the whole log), with the same token and problem handling.
   */
  public RestClient search(java.time.Duration readTimeout) {
    var token = new OAuth2ClientHttpRequestInterceptor(clients);
    token.setClientRegistrationIdResolver(request -> SignInSecurity.REGISTRATION);
    var requests =
        new JdkClientHttpRequestFactory(
            HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.timeout())
                .build());
    requests.setReadTimeout(readTimeout);
    return client(
        RestClient.builder().requestFactory(requests).requestInterceptor(token),
        settings.searchUrl().toString(),
        "search");
  }

  /** Calls an API, turning "it did not answer" into a {@link HubProblem} too. */
  public static <T> T call(String service, java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (ResourceAccessException e) {
      log.warn("The {} service did not answer: {}", service, e.getMessage());
      throw HubProblem.unavailable(service);
    }
  }

  private static RestClient client(RestClient.Builder base, String url, String service) {
    return base.clone()
        .baseUrl(url)
        .defaultStatusHandler(
            status -> !status.is2xxSuccessful(),
            (request, response) -> {
              throw problem(service, response.getStatusCode().value(), response.getBody());
            })
        .build();
  }

  private static HubProblem problem(String service, int status, java.io.InputStream body) {
    try {
      JsonNode problem = JSON.readTree(body.readAllBytes());
      List<HubProblem.FieldError> errors = new ArrayList<>();
      for (JsonNode error : problem.path("errors")) {
        errors.add(
            new HubProblem.FieldError(
                error.path("field").asString(""), error.path("reason").asString("")));
      }
      return new HubProblem(
          status,
          problem.path("title").asString("The " + service + " service refused"),
          problem.path("detail").asString(""),
          errors);
    } catch (IOException | RuntimeException unreadable) {
      return status >= 500
          ? HubProblem.unavailable(service)
          : new HubProblem(status, "The " + service + " service refused", "", List.of());
    }
  }

  /** A JSON value as plain Java (maps, lists, strings, numbers, booleans), to send back. */
  public static Object plain(JsonNode value) {
    return JSON.convertValue(value, Object.class);
  }
}
