package uk.crossline.demo.intake;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The intake's submission endpoints: one report as JSON, or many as one NDJSON upload. Both are
 * idempotent at the intake (a reference it already holds with the same content is a duplicate), so
 * a request that failed on the way is simply sent again.
 */
public final class IntakeClient {

  private static final String NDJSON = "application/x-ndjson";
  private static final int ATTEMPTS = 4;

  private final URI base;
  private final HttpClient http;
  private final JsonMapper json;

  public IntakeClient(URI base, HttpClient http, JsonMapper json) {
    this.base = URI.create(base.toString().replaceAll("/+$", ""));
    this.http = http;
    this.json = json;
  }

  /**
   * Waits until the intake says it is ready (it first reads back what it published before).
   *
   * @throws LoadFailure if it is not ready in time
   */
  public void awaitReady(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    URI readiness = URI.create(base + "/actuator/health/readiness");
    String last = "no answer";
    while (true) {
      try {
        var response =
            http.send(
                HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return;
        }
        last = "HTTP " + response.statusCode();
      } catch (IOException e) {
        last = e.getClass().getSimpleName();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LoadFailure("interrupted while waiting for the intake", e);
      }
      if (Instant.now().isAfter(deadline)) {
        throw new LoadFailure(
            "the intake at "
                + base
                + " was not ready within "
                + timeout.toSeconds()
                + " s ("
                + last
                + ")");
      }
      pause(Duration.ofSeconds(1));
    }
  }

  /**
   * Uploads the forms as NDJSON, one per line, to the form's bulk endpoint.
   *
   * @param formPath e.g. {@code police/reports}
   * @param referenceOfRow the reference of the form on a row (1-based), to name refused rows
   */
  public Outcome upload(
      String token, String formPath, List<?> forms, Function<Integer, String> referenceOfRow) {
    if (forms.isEmpty()) {
      return Outcome.none();
    }
    var body = new StringBuilder();
    for (Object form : forms) {
      body.append(json.writeValueAsString(form)).append('\n');
    }
    var request =
        HttpRequest.newBuilder(URI.create(base + "/api/v1/" + formPath + "/bulk"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", NDJSON)
            .header("Accept", "application/json")
            .timeout(Duration.ofMinutes(5))
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build();
    HttpResponse<String> response = send(request);
    if (response.statusCode() != 200) {
      throw refused("bulk upload to " + formPath, response);
    }
    JsonNode report = json.readTree(response.body());
    List<Outcome.RowError> errors = new ArrayList<>();
    for (JsonNode error : report.path("errors")) {
      int row = error.path("row").asInt();
      String reference = row >= 1 && row <= forms.size() ? referenceOfRow.apply(row) : "row " + row;
      errors.add(
          new Outcome.RowError(
              reference, error.path("field").asString(""), error.path("reason").asString("")));
    }
    return new Outcome(
        report.path("accepted").asInt(),
        report.path("duplicates").asInt(),
        report.path("rejected").asInt(),
        errors,
        report.path("errorsTruncated").asBoolean());
  }

  /** Submits one form to the form's endpoint. */
  public Outcome submit(String token, String formPath, Object form, String reference) {
    var request =
        HttpRequest.newBuilder(URI.create(base + "/api/v1/" + formPath))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, application/problem+json")
            .timeout(Duration.ofMinutes(1))
            .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(form)))
            .build();
    HttpResponse<String> response = send(request);
    int status = response.statusCode();
    if (status == 201) {
      return new Outcome(1, 0, 0, List.of(), false);
    }
    if (status == 200) {
      boolean duplicate = json.readTree(response.body()).path("duplicate").asBoolean();
      return duplicate
          ? new Outcome(0, 1, 0, List.of(), false)
          : new Outcome(1, 0, 0, List.of(), false);
    }
    if (status == 400 || status == 409 || status == 422) {
      return new Outcome(0, 0, 1, problems(reference, response.body()), false);
    }
    throw refused("submission to " + formPath, response);
  }

  private List<Outcome.RowError> problems(String reference, String body) {
    List<Outcome.RowError> errors = new ArrayList<>();
    JsonNode problem;
    try {
      problem = json.readTree(body);
    } catch (RuntimeException e) {
      return List.of(new Outcome.RowError(reference, "", body));
    }
    for (JsonNode error : problem.path("errors")) {
      errors.add(
          new Outcome.RowError(
              reference, error.path("field").asString(""), error.path("reason").asString("")));
    }
    if (errors.isEmpty()) {
      errors.add(
          new Outcome.RowError(
              reference,
              "",
              problem.path("detail").asString(problem.path("title").asString(body))));
    }
    return errors;
  }

  /**
   * Sends, and sends again while the intake is unreachable or still starting (503): it answers a
   * repeat with duplicates, so nothing is published twice.
   */
  private HttpResponse<String> send(HttpRequest request) {
    Duration wait = Duration.ofSeconds(1);
    for (int attempt = 1; ; attempt++) {
      try {
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 503 || attempt == ATTEMPTS) {
          return response;
        }
      } catch (ConnectException | HttpTimeoutException e) {
        if (attempt == ATTEMPTS) {
          throw new LoadFailure("cannot reach the intake at " + base + " (" + e + ")", e);
        }
      } catch (IOException e) {
        if (attempt == ATTEMPTS) {
          throw new LoadFailure("the intake at " + base + " failed to answer (" + e + ")", e);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LoadFailure("interrupted while submitting", e);
      }
      pause(wait);
      wait = wait.multipliedBy(2);
    }
  }

  private static LoadFailure refused(String what, HttpResponse<String> response) {
    return new LoadFailure(
        what + " refused: HTTP " + response.statusCode() + " " + response.body().strip());
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LoadFailure("interrupted", e);
    }
  }
}
