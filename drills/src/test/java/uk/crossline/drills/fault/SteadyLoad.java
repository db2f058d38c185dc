package uk.crossline.drills.fault;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.crossline.testsupport.DemoTokens;

/**
 * A steady load of council reports through the intake's real API, one every tick, each under a
 * reference of its own marked by the run, with a demo user's token; what every submission was
 * answered is kept by reference. Refusals must be clear (a 503 problem): an answer of any other
 * kind, or none within {@link #PATIENCE}, is {@link Answer#WRONG}.
 */
final class SteadyLoad implements AutoCloseable {

  static final JsonMapper JSON = JsonMapper.builder().build();

  /** The intake's own worst case while the broker is away is its delivery timeout, 30 s. */
  static final Duration PATIENCE = Duration.ofSeconds(60);

  /** Redditch's council reports in a district no other test reports in or subscribes to. */
  static final String SUBMITTER = "redditch.cso";

  static final String DISTRICT = "tewkesbury";
  private static final String PATH = "/api/v1/council/reports";

  /** What became of one submission. */
  enum Answer {
    /** 201, or 200 for a retry: the broker holds the report. */
    ACKNOWLEDGED,
    /** A 503 problem: nothing was published, try again. */
    REFUSED,
    /** No connection (the intake was down) or it broke mid-answer (killed). */
    UNANSWERED,
    /** Anything else: a 500, an answer that is not a problem, no answer in time. */
    WRONG
  }

  /**
   * @param eventId the event's id when acknowledged
   * @param duplicate a retry of a report the broker already held
   * @param what the status and problem title, or the failure's kind, for the drill's report
   */
  record Result(String reference, Answer answer, String eventId, boolean duplicate, String what) {}

  private final String run;
  private final Supplier<URI> intake;
  private final DemoTokens tokens;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ScheduledExecutorService ticks =
      Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "steady-load"));
  private final AtomicInteger sent = new AtomicInteger();
  private final List<CompletableFuture<Result>> inFlight = new CopyOnWriteArrayList<>();
  private final Map<String, Result> results = new ConcurrentHashMap<>();

  SteadyLoad(String run, Supplier<URI> intake, DemoTokens tokens) {
    this.run = run;
    this.intake = intake;
    this.tokens = tokens;
  }

  void start(Duration every) {
    ticks.scheduleAtFixedRate(this::submitNext, 0, every.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Stops submitting and waits for the answers of what is in flight. */
  void stop() {
    ticks.shutdownNow();
    try {
      ticks.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
  }

  int sent() {
    return sent.get();
  }

  long count(Answer answer) {
    return results.values().stream().filter(r -> r.answer() == answer).count();
  }

  List<Result> results() {
    return List.copyOf(results.values());
  }

  private void submitNext() {
    // An exception here would end the schedule: every failure becomes the submission's answer.
    String reference = "FD-" + run + "-" + sent.getAndIncrement();
    CompletableFuture<Result> answer;
    try {
      answer = send(reference).handle((response, error) -> classify(reference, response, error));
    } catch (RuntimeException e) {
      answer = CompletableFuture.completedFuture(unanswered(reference, e));
    }
    inFlight.add(answer.whenComplete((result, error) -> results.put(reference, result)));
  }

  /** The same submission again, after the drill: what a client told "try again" does. */
  Result resubmit(String reference) {
    try {
      return send(reference)
          .handle((response, error) -> classify(reference, response, error))
          .join();
    } catch (RuntimeException e) {
      return unanswered(reference, e);
    }
  }

  private CompletableFuture<HttpResponse<String>> send(String reference) {
    HttpRequest request =
        HttpRequest.newBuilder(intake.get().resolve(PATH))
            .header("Authorization", "Bearer " + tokens.accessToken(SUBMITTER))
            .header("Content-Type", "application/json")
            .timeout(PATIENCE)
            .POST(HttpRequest.BodyPublishers.ofString(report(reference)))
            .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
  }

  private static Result classify(String reference, HttpResponse<String> response, Throwable error) {
    if (error != null) {
      Throwable cause =
          error instanceof CompletionException && error.getCause() != null
              ? error.getCause()
              : error;
      if (cause instanceof HttpConnectTimeoutException) {
        return new Result(reference, Answer.WRONG, null, false, "no connection within 5 s");
      }
      if (cause instanceof HttpTimeoutException) {
        return new Result(reference, Answer.WRONG, null, false, "no answer within " + PATIENCE);
      }
      return unanswered(reference, cause);
    }
    try {
      return classify(reference, response);
    } catch (RuntimeException unreadable) {
      return new Result(
          reference, Answer.WRONG, null, false, response.statusCode() + " unreadable answer");
    }
  }

  private static Result classify(String reference, HttpResponse<String> response) {
    int status = response.statusCode();
    if (status == 201 || status == 200) {
      JsonNode body = JSON.readTree(response.body());
      JsonNode eventId = body.path("eventId");
      String id = eventId.isObject() ? eventId.path("value").asString() : eventId.asString();
      return new Result(
          reference, Answer.ACKNOWLEDGED, id, body.path("duplicate").asBoolean(), "" + status);
    }
    String type = response.headers().firstValue("Content-Type").orElse("");
    if (status == 503 && type.startsWith("application/problem+json")) {
      JsonNode problem = JSON.readTree(response.body());
      return new Result(
          reference, Answer.REFUSED, null, false, "503 " + problem.path("title").asString());
    }
    String body = response.body();
    return new Result(
        reference,
        Answer.WRONG,
        null,
        false,
        status + " " + type + " " + body.substring(0, Math.min(200, body.length())));
  }

  private static Result unanswered(String reference, Throwable cause) {
    if (cause instanceof IOException || cause.getCause() instanceof IOException) {
      return new Result(
          reference, Answer.UNANSWERED, null, false, cause.getClass().getSimpleName());
    }
    return new Result(reference, Answer.WRONG, null, false, cause.toString());
  }

  /** A council report in the drill's district; the same reference always gives the same report. */
  private static String report(String reference) {
    return """
        {
          "reference": "%s",
          "observedAt": {"at": "2026-11-20T21:30:00Z", "precision": "EXACT"},
          "where": {"district": "%s"},
          "concern": "CUCKOOING",
          "subjects": [{"role": "VULNERABLE_ADULT", "ageBand": "AGE_40_AND_OVER"}],
          "indicators": ["VISITORS_AT_ALL_HOURS"],
          "summary": "Fault drill: tenant reports visitors at all hours; flat believed taken over.",
          "marking": {"tlp": "GREEN"}
        }
        """
        .formatted(reference, DISTRICT);
  }

  /** Every acknowledged submission's event id, by reference. */
  Map<String, String> acknowledged() {
    Map<String, String> ids = new java.util.TreeMap<>();
    results.values().stream()
        .filter(r -> r.answer() == Answer.ACKNOWLEDGED)
        .forEach(r -> ids.put(r.reference(), r.eventId()));
    return ids;
  }

  /** The references of submissions not acknowledged. */
  List<String> notAcknowledged() {
    List<String> references = new ArrayList<>();
    results.values().stream()
        .filter(r -> r.answer() != Answer.ACKNOWLEDGED)
        .forEach(r -> references.add(r.reference()));
    return references;
  }

  @Override
  public void close() {
    ticks.shutdownNow();
    http.close();
  }
}
