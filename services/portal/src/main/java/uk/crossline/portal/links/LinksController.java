package uk.crossline.portal.links;

import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import tools.jackson.databind.JsonNode;
import uk.crossline.model.location.Gazetteer;
import uk.crossline.portal.hub.Hub;
import uk.crossline.portal.hub.HubProblem;
import uk.crossline.portal.purpose.Purpose;

/**
 * A report's links: for each phone, vehicle, handle, person and premises it names, the other
 * reports the person may see that name it too, with the correlation policy's cap and warning list
 * as the API applied them. A page of its own, opened from the report's page, so a link look-up is
 * one consultation in the access log when the person asks for it, not every time a report is read.
 */
@Controller
class LinksController {

  private final Hub hub;
  private final Gazetteer gazetteer;

  LinksController(Hub hub, Gazetteer gazetteer) {
    this.hub = hub;
    this.gazetteer = gazetteer;
  }

  @GetMapping("/search/events/{eventId}/links")
  String links(@PathVariable String eventId, HttpSession session, Model model) {
    Optional<String> purpose = Purpose.of(session);
    String page = "/search/events/" + eventId + "/links";
    if (purpose.isEmpty()) {
      return Purpose.ask(page);
    }
    model.addAttribute("purpose", purpose.get());
    model.addAttribute("page", page);
    model.addAttribute("eventId", eventId);
    try {
      JsonNode answer =
          hub.consult("/api/v1/events/{eventId}/links", Hub.NONE, purpose.get(), eventId);
      List<LinkView> links = new ArrayList<>();
      answer.path("links").forEach(l -> links.add(LinkView.of(l, gazetteer)));
      List<String> notFollowed = new ArrayList<>();
      answer.path("notFollowed").forEach(n -> notFollowed.add(LinkView.notFollowed(n)));
      model.addAttribute("links", links);
      model.addAttribute("notFollowed", notFollowed);
      model.addAttribute("cap", answer.path("cap").asInt());
    } catch (HubProblem problem) {
      if (problem.isForbidden() || problem.isTooManyRequests()) {
        throw problem;
      }
      model.addAttribute("problem", problem);
    }
    return "links/links";
  }
}
