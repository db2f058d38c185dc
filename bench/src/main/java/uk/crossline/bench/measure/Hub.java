package uk.crossline.bench.measure;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.crossline.demo.report.Form;
import uk.crossline.demo.report.FormJson;

/** The hub's APIs as an agency's system and an analyst's browser call them, with real tokens. */
public final class Hub {

  private static final JsonMapper FORMS = FormJson.mapper();

  private final URI intake;
  private final URI search;
  private final URI alerts;
  private final Http http;
  private final Tokens tokens;

  public Hub(URI intake, URI search, URI alerts, Http http, Tokens tokens) {
    this.intake = trim(intake);
    this.search = trim(search);
    this.alerts = trim(alerts);
    this.http = http;
    this.tokens = tokens;
  }

  private static URI trim(URI uri) {
    return URI.create(uri.toString().replaceAll("/+$", ""));
  }

  /** The forms as one NDJSON upload; the number accepted (new or duplicate). */
  public int upload(String username, String formPath, List<Form> forms) {
    String body =
        forms.stream().map(FORMS::writeValueAsString).collect(Collectors.joining("\n", "", "\n"));
    Http.Answer answer =
        http.send(
            "POST",
            URI.create(intake + "/api/v1/" + formPath + "/bulk"),
            tokens.of(username),
            "application/x-ndjson",
            body);
    if (answer.status() != 200) {
      throw new IllegalStateException(
          "bulk upload refused: " + answer.status() + " " + Elastic.abbreviate(answer.body()));
    }
    JsonNode report = answer.json();
    int refused = report.path("rejected").asInt();
    if (refused > 0) {
      throw new IllegalStateException(
          refused + " rows refused, e.g. " + Elastic.abbreviate(report.path("errors").toString()));
    }
    return report.path("accepted").asInt() + report.path("duplicates").asInt();
  }

  /** One form; the event id the intake gave it. */
  public String submit(String username, String formPath, Form form) {
    Http.Answer answer =
        http.send(
            "POST",
            URI.create(intake + "/api/v1/" + formPath),
            tokens.of(username),
            "application/json",
            FORMS.writeValueAsString(form));
    if (!answer.ok()) {
      throw new IllegalStateException(
          "submission refused: " + answer.status() + " " + Elastic.abbreviate(answer.body()));
    }
    return answer.json().path("eventId").asString();
  }

  /** A search as the user; the answer's JSON (total, hits, facets). */
  public JsonNode search(String username, Map<String, String> parameters) {
    Http.Answer answer =
        http.get(URI.create(search + "/api/v1/search?" + query(parameters)), tokens.of(username));
    if (answer.status() != 200) {
      throw new IllegalStateException(
          "search refused: " + answer.status() + " " + Elastic.abbreviate(answer.body()));
    }
    return answer.json();
  }

  /** Creates a subscription as the user from its JSON body; its id. */
  public String subscribe(String username, String body) {
    Http.Answer answer =
        http.send(
            "POST",
            URI.create(alerts + "/api/v1/subscriptions"),
            tokens.of(username),
            "application/json",
            body);
    if (answer.status() != 201) {
      throw new IllegalStateException(
          "subscription refused: " + answer.status() + " " + Elastic.abbreviate(answer.body()));
    }
    return answer.json().path("subscriptionId").asString();
  }

  static String query(Map<String, String> parameters) {
    return parameters.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
