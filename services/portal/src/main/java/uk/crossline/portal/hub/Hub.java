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

  private final RestClient intake;
  private final RestClient search;
  private final RestClient alerts;

  Hub(HubSettings settings, OAuth2AuthorizedClientManager clients) {
    var token = new OAuth2ClientHttpRequestInterceptor(clients);
    token.setClientRegistrationIdResolver(request -> SignInSecurity.REGISTRATION);
    var requests =
        new JdkClientHttpRequestFactory(
            HttpClient.newBuilder().connectTimeout(settings.timeout()).build());
    requests.setReadTimeout(settings.timeout());
    RestClient.Builder base =
        RestClient.builder().requestFactory(requests).requestInterceptor(token);
    this.intake = client(base, settings.intakeUrl().toString(), "intake");
    this.search = client(base, settings.searchUrl().toString(), "search");
    this.alerts = client(base, settings.alertsUrl().toString(), "alerts");
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

  /** Calls an API, turning "it did not answer" into a {@link HubProblem} too. */
  public static <T> T call(String service, java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (ResourceAccessException e) {
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
}
