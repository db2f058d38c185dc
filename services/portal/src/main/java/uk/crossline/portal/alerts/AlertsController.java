package uk.crossline.portal.alerts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.JsonNode;
import uk.crossline.model.location.Gazetteer;
import uk.crossline.portal.hub.Hub;
import uk.crossline.portal.hub.HubProblem;

/**
 * The inbox page, and the live stream it listens to. A browser's EventSource cannot send a bearer
 * token, so the portal relays the alerts service's stream to the signed-in person with their own
 * token: the stream is theirs, and the alerts service decides what is in it.
 */
@Controller
class AlertsController {

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private final Hub hub;
  private final Gazetteer gazetteer;

  AlertsController(Hub hub, Gazetteer gazetteer) {
    this.hub = hub;
    this.gazetteer = gazetteer;
  }

  @GetMapping("/alerts")
  String inbox(Model model) {
    try {
      JsonNode answer =
          Hub.call(
              "alerts",
              () ->
                  hub.alerts()
                      .get()
                      .uri("/api/v1/alerts?limit=50")
                      .retrieve()
                      .body(JsonNode.class));
      List<InboxEntryView> entries = new ArrayList<>();
      answer.path("alerts").forEach(entry -> entries.add(new InboxEntryView(entry, gazetteer)));
      model.addAttribute("entries", entries);
    } catch (HubProblem problem) {
      model.addAttribute("problem", problem);
      model.addAttribute("entries", List.of());
    }
    return "alerts/inbox";
  }

  @PostMapping("/alerts/{alertId}/read")
  String markRead(@PathVariable String alertId) {
    Hub.call(
        "alerts",
        () ->
            hub.alerts()
                .post()
                .uri("/api/v1/alerts/{id}/read", alertId)
                .retrieve()
                .toBodilessEntity());
    return "redirect:/alerts";
  }

  /** Relays the person's live alert stream, resuming after the id their browser last had. */
  @GetMapping(value = "/alerts/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  ResponseEntity<StreamingResponseBody> stream(
      @RequestHeader(value = "Last-Event-ID", required = false) String lastEventId,
      HttpServletRequest request,
      HttpServletResponse response) {
    String token = hub.accessToken(request, response);
    HttpRequest.Builder upstream =
        HttpRequest.newBuilder(URI.create(hub.alertsUrl() + "/api/v1/alerts/stream"))
            .header("Authorization", "Bearer " + token)
            .header("Accept", MediaType.TEXT_EVENT_STREAM_VALUE);
    if (lastEventId != null && !lastEventId.isBlank()) {
      upstream.header("Last-Event-ID", lastEventId);
    }
    HttpResponse<InputStream> answer;
    try {
      answer = HTTP.send(upstream.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
    }
    if (answer.statusCode() != 200) {
      try (InputStream ignored = answer.body()) {
        return ResponseEntity.status(answer.statusCode()).build();
      } catch (IOException e) {
        return ResponseEntity.status(answer.statusCode()).build();
      }
    }
    StreamingResponseBody relay =
        out -> {
          try (InputStream in = answer.body()) {
            byte[] buffer = new byte[8192];
            int read;
            while ((read = in.read(buffer)) >= 0) {
              out.write(buffer, 0, read);
              out.flush(); // each event to the browser as it comes
            }
          }
        };
    return ResponseEntity.ok()
        .contentType(MediaType.TEXT_EVENT_STREAM)
        .header("Cache-Control", "no-store")
        .header("X-Accel-Buffering", "no")
        .body(relay);
  }
}
