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
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
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
      // Where the stream stands, taken before the list: the page's stream starts there, so an
      // alert that lands while the page is drawn comes live (the page drops one it listed).
      JsonNode position =
          Hub.call(
              "alerts",
              () ->
                  hub.alerts()
                      .get()
                      .uri("/api/v1/alerts/stream/position")
                      .retrieve()
                      .body(JsonNode.class));
      model.addAttribute("streamFrom", position.path("position").asString(""));
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

  /**
   * Relays the person's live alert stream, resuming after the id their browser last had. The relay
   * holds its request's thread for as long as the stream lasts (at most the alerts service's 30
   * minutes): a virtual thread, so that costs no platform thread.
   */
  @GetMapping(value = "/alerts/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  void stream(
      @RequestHeader(value = "Last-Event-ID", required = false) String header,
      @org.springframework.web.bind.annotation.RequestParam(required = false) String after,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    // The browser's Last-Event-ID (on reconnecting) wins over where the page said to start.
    String lastEventId = header != null && !header.isBlank() ? header : after;
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
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
      return;
    } catch (IOException e) {
      response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
      return;
    }
    try (InputStream in = answer.body()) {
      if (answer.statusCode() != 200) {
        // 403 without alerts, 503 while the inbox is read: the browser's EventSource stops or
        // retries as it would with the alerts service itself.
        response.sendError(answer.statusCode());
        return;
      }
      response.setContentType(MediaType.TEXT_EVENT_STREAM_VALUE);
      response.setHeader("Cache-Control", "no-store");
      response.setHeader("X-Accel-Buffering", "no");
      response.flushBuffer();
      var out = response.getOutputStream();
      byte[] buffer = new byte[8192];
      int read;
      while ((read = in.read(buffer)) >= 0) {
        out.write(buffer, 0, read);
        out.flush(); // each event to the browser as it comes
      }
    } catch (IOException browserGone) {
      // The browser closed the page or lost the connection: the upstream stream is closed above.
    }
  }
}
