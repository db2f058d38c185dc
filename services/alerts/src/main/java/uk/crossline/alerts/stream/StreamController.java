package uk.crossline.alerts.stream;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import java.io.IOException;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import uk.crossline.alerts.inbox.Inbox;
import uk.crossline.kit.problem.FieldProblem;
import uk.crossline.kit.problem.ProblemException;
import uk.crossline.model.Caller;
import uk.crossline.model.access.AccessPolicy;

/**
 * The caller's own alerts as they land, over Server-Sent Events. Reading one's alerts is not logged
 * again: each was logged when it was delivered to the inbox, which the stream reads.
 */
@RestController
class StreamController {

  private static final Logger log = LoggerFactory.getLogger(StreamController.class);
  private static final String LAST_EVENT_ID = "Last-Event-ID";
  private static final String LAST_EVENT_ID_PARAMETER = "lastEventId";

  private final AlertStreams streams;
  private final Inbox inbox;
  private final AccessPolicy policy;
  private final StreamSettings settings;

  StreamController(
      AlertStreams streams, Inbox inbox, AccessPolicy policy, StreamSettings settings) {
    this.streams = streams;
    this.inbox = inbox;
    this.policy = policy;
    this.settings = settings;
  }

  @GetMapping("/api/v1/alerts/stream/position")
  @Operation(
      summary = "Where the live stream stands now",
      description =
          "{position}: an event id of the stream covering every alert this instance has read. A"
              + " page that asks for it before listing the inbox, then opens the stream with it as"
              + " Last-Event-ID, misses no alert that lands in between (it may get one twice).")
  Map<String, String> position(@Parameter(hidden = true) Caller caller) {
    requireMayReadAlerts(caller);
    requireCaughtUp();
    return Map.of("position", streams.position().id());
  }

  @GetMapping("/api/v1/alerts/stream")
  @Operation(
      summary = "Your alerts as they arrive (Server-Sent Events)",
      description =
          "text/event-stream. First an 'open' event whose id is where the stream starts, then one"
              + " 'alert' event per alert (data: the alert as GET /api/v1/alerts shows it), and"
              + " comments as heartbeats. Reconnect with the header Last-Event-ID (or the"
              + " parameter lastEventId) set to the last id you got: every alert of yours after it"
              + " comes first, then the live ones, none twice. Ids are opaque; compare none.")
  @Parameter(
      name = LAST_EVENT_ID_PARAMETER,
      in = ParameterIn.QUERY,
      description = "The last event id received, for clients that cannot set Last-Event-ID")
  SseEmitter stream(
      @Parameter(hidden = true) Caller caller,
      @Parameter(hidden = true) Principal principal,
      @Parameter(description = "The last event id received: resume after it")
          @RequestHeader(name = LAST_EVENT_ID, required = false)
          String header,
      @Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
    requireMayReadAlerts(caller);
    for (String name : parameters.keySet()) {
      if (!name.equals(LAST_EVENT_ID_PARAMETER)) {
        throw ProblemException.invalid(name, "not a parameter of this endpoint");
      }
    }
    // The header (which a browser's EventSource sets on reconnecting) wins over the parameter.
    String field = header != null ? LAST_EVENT_ID : LAST_EVENT_ID_PARAMETER;
    Optional<String> lastEventId =
        Optional.ofNullable(header).or(() -> Optional.ofNullable(parameters.get(field)));
    Optional<StreamPosition> after =
        lastEventId.map(
            id ->
                StreamPosition.parse(id.strip())
                    .orElseThrow(
                        () -> ProblemException.invalid(field, "not an event id of this stream")));
    requireCaughtUp();
    SseEmitter emitter =
        new SseEmitter(
            settings.maxDuration().plus(settings.heartbeat().multipliedBy(2)).toMillis());
    AlertStreams.Client client = streams.open(caller, after);
    Duration lasts = settings.maxDuration();
    // A stream outlives no token: past its expiry the client reconnects with a fresh one.
    if (principal instanceof JwtAuthenticationToken token
        && token.getToken().getExpiresAt() != null) {
      Duration left = Duration.between(Instant.now(), token.getToken().getExpiresAt());
      lasts = left.compareTo(lasts) < 0 ? (left.isNegative() ? Duration.ZERO : left) : lasts;
    }
    Duration duration = lasts;
    Thread sender =
        Thread.ofVirtual().name("alerts-stream").unstarted(() -> send(client, emitter, duration));
    Runnable closed =
        () -> {
          streams.close(client);
          sender.interrupt();
        };
    emitter.onCompletion(closed);
    emitter.onTimeout(closed);
    emitter.onError(e -> closed.run());
    sender.start();
    return emitter;
  }

  /**
   * Replays, then streams live, keeping the position the client has reached: an alert is sent only
   * when it is after that position, and the position then moves to the cut the alert landed with.
   */
  private void send(AlertStreams.Client client, SseEmitter emitter, Duration lasts) {
    long deadline = System.nanoTime() + lasts.toNanos();
    StreamPosition position = client.from();
    try {
      emitter.send(
          SseEmitter.event()
              .id(position.id())
              .name("open")
              .reconnectTime(settings.reconnect().toMillis())
              .data(Map.of("position", position.id()), MediaType.APPLICATION_JSON));
      for (AlertStreams.Landed landed : client.replay()) {
        position = send(emitter, position, landed);
      }
      while (System.nanoTime() < deadline && !client.overflowed()) {
        long left = Math.max(1, deadline - System.nanoTime());
        AlertStreams.Landed landed =
            client
                .live()
                .poll(
                    Math.min(left, settings.heartbeat().toNanos()),
                    java.util.concurrent.TimeUnit.NANOSECONDS);
        if (client.overflowed()) {
          break; // the queue may hold alerts after one that was dropped: resume instead
        }
        if (landed == null) {
          emitter.send(SseEmitter.event().comment("heartbeat"));
        } else {
          position = send(emitter, position, landed);
        }
      }
      emitter.complete();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the connection closed
    } catch (IOException | IllegalStateException e) {
      // The client went away (or the emitter was completed): it resumes from its last id.
      log.debug("Alert stream ended: {}", e.getClass().getSimpleName());
    } finally {
      streams.close(client);
    }
  }

  private static StreamPosition send(
      SseEmitter emitter, StreamPosition position, AlertStreams.Landed landed) throws IOException {
    if (!position.before(landed.partition(), landed.offset())) {
      return position; // the client has it already
    }
    StreamPosition next = position.max(landed.cut());
    emitter.send(
        SseEmitter.event()
            .id(next.id())
            .name("alert")
            .data(Inbox.view(landed.alert()), MediaType.APPLICATION_JSON));
    return next;
  }

  private void requireMayReadAlerts(Caller caller) {
    if (!Inbox.mayReadAlerts(caller, policy)) {
      throw new ProblemException(
          HttpStatus.FORBIDDEN,
          "Forbidden",
          "Your agency's agreement or your role does not include alerts.",
          List.<FieldProblem>of());
    }
  }

  /** A stream or position of an instance still reading the inbox would be incomplete. */
  private void requireCaughtUp() {
    if (!inbox.caughtUp()) {
      throw new ProblemException(
          HttpStatus.SERVICE_UNAVAILABLE,
          "Inbox unavailable",
          "The inbox cannot be read just now; try again shortly.",
          List.<FieldProblem>of());
    }
  }
}
