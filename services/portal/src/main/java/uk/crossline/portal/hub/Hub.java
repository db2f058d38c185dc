package uk.crossline.portal.hub;

import java.io.IOException;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
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

  /** No parameters but the purpose, for a consultation of one thing by its path. */
  public static final MultiValueMap<String, String> NONE =
      org.springframework.util.CollectionUtils.unmodifiableMultiValueMap(
          new LinkedMultiValueMap<>());

  private final RestClient intake;
  private final RestClient search;
  private final RestClient alerts;
  private final OAuth2AuthorizedClientManager clients;
  private final HubSettings settings;

  Hub(HubSettings settings, OAuth2AuthorizedClientManager clients) {
    this.clients = clients;
    this.settings = settings;
    this.intake = client(settings.timeout(), settings.intakeUrl().toString(), "intake");
    this.search = client(settings.timeout(), settings.searchUrl().toString(), "search");
    this.alerts = client(settings.timeout(), settings.alertsUrl().toString(), "alerts");
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
   * A consultation of the search API: GET {@code path} (its {@code {...}} parts filled from {@code
   * pathVariables}) with the page's {@code parameters} and then the person's {@code purpose}, which
   * every consultation sends so that it is in the access log with it; the answer as JSON.
   */
  public JsonNode consult(
      String path,
      MultiValueMap<String, String> parameters,
      String purpose,
      Object... pathVariables) {
    return consult(search, path, parameters, purpose, JsonNode.class, pathVariables).getBody();
  }

  /**
   * {@link #consult(String, MultiValueMap, String, Object...)} for a call that may take longer than
   * the usual timeout (the access log's check of every chain, which reads the whole log).
   */
  public JsonNode consult(
      java.time.Duration readTimeout,
      String path,
      MultiValueMap<String, String> parameters,
      String purpose) {
    return consult(
            client(readTimeout, settings.searchUrl().toString(), "search"),
            path,
            parameters,
            purpose,
            JsonNode.class)
        .getBody();
  }

  /**
   * {@link #consult(String, MultiValueMap, String, Object...)} answered as {@code type} with its
   * headers, for an answer passed on as it came (a CSV and its file name).
   */
  public <T> ResponseEntity<T> consultEntity(
      String path, MultiValueMap<String, String> parameters, String purpose, Class<T> type) {
    return consult(search, path, parameters, purpose, type);
  }

  /**
   * A GET of the search API that is not a consultation of intelligence (the agency's own access
   * requests), so it sends no purpose; the answer as JSON.
   */
  public JsonNode read(String path, MultiValueMap<String, String> parameters) {
    return call("search", () -> get(search, path, parameters).retrieve().body(JsonNode.class));
  }

  private static <T> ResponseEntity<T> consult(
      RestClient client,
      String path,
      MultiValueMap<String, String> parameters,
      String purpose,
      Class<T> type,
      Object... pathVariables) {
    MultiValueMap<String, String> withPurpose = new LinkedMultiValueMap<>(parameters);
    withPurpose.add("purpose", purpose);
    return call(
        "search", () -> get(client, path, withPurpose, pathVariables).retrieve().toEntity(type));
  }

  private static RestClient.RequestHeadersSpec<?> get(
      RestClient client,
      String path,
      MultiValueMap<String, String> parameters,
      Object... pathVariables) {
    return client
        .get()
        .uri(
            uri -> {
              uri.path(path);
              parameters.forEach((name, values) -> uri.queryParam(name, values.toArray()));
              return uri.build(pathVariables);
            });
  }

  /**
   * The page's query tidied into the API's parameters: each of {@code words} once, trimmed, and
   * every value of each of {@code lists}, in that order; blanks dropped, so an empty box of a form
   * asks for nothing.
   */
  public static MultiValueMap<String, String> parameters(
      MultiValueMap<String, String> query,
      java.util.Collection<String> words,
      java.util.Collection<String> lists) {
    MultiValueMap<String, String> asked = new LinkedMultiValueMap<>();
    for (String name : words) {
      java.util.Optional.ofNullable(query.getFirst(name))
          .filter(value -> !value.isBlank())
          .ifPresent(value -> asked.add(name, value.strip()));
    }
    for (String name : lists) {
      query.getOrDefault(name, List.of()).stream()
          .filter(value -> !value.isBlank())
          .forEach(value -> asked.add(name, value));
    }
    return asked;
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

  /** A client of one service as the signed-in person: their token, and answers read so long. */
  private RestClient client(java.time.Duration readTimeout, String url, String service) {
    var token = new OAuth2ClientHttpRequestInterceptor(clients);
    token.setClientRegistrationIdResolver(request -> SignInSecurity.REGISTRATION);
    var requests =
        new JdkClientHttpRequestFactory(
            HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.timeout())
                .build());
    requests.setReadTimeout(readTimeout);
    return RestClient.builder()
        .requestFactory(requests)
        .requestInterceptor(token)
        .baseUrl(url)
        .defaultStatusHandler(
            status -> !status.is2xxSuccessful(),
            (request, response) -> {
              throw problem(
                  service,
                  response.getStatusCode().value(),
                  response.getHeaders().getFirst(org.springframework.http.HttpHeaders.RETRY_AFTER),
                  response.getBody());
            })
        .build();
  }

  static HubProblem problem(
      String service, int status, String retryAfter, java.io.InputStream body) {
    java.util.Optional<java.time.Duration> wait = retryAfterSeconds(retryAfter);
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
          errors,
          wait);
    } catch (IOException | RuntimeException unreadable) {
      return status >= 500
          ? HubProblem.unavailable(service)
          : new HubProblem(status, "The " + service + " service refused", "", List.of(), wait);
    }
  }

  /** {@code Retry-After} in seconds, as the hub sends it; its date form is not used by the hub. */
  private static java.util.Optional<java.time.Duration> retryAfterSeconds(String header) {
    if (header == null || !header.strip().matches("[0-9]{1,9}")) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(java.time.Duration.ofSeconds(Long.parseLong(header.strip())));
  }

  /** A JSON value as plain Java (maps, lists, strings, numbers, booleans), to send back. */
  public static Object plain(JsonNode value) {
    return JSON.convertValue(value, Object.class);
  }
}
