package uk.crossline.portal.search;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import uk.crossline.model.location.Gazetteer;
import uk.crossline.portal.hub.Hub;
import uk.crossline.portal.hub.HubProblem;
import uk.crossline.portal.purpose.Purpose;

/**
 * The search page and a report's page. Every search and view goes to the search API as the
 * signed-in person with their purpose; what they may see is decided there, so the counts beside the
 * filters are the API's facets and never a count of anything hidden.
 */
@Controller
class SearchController {

  /** The filters the page offers, by API parameter name. */
  private static final Set<String> FILTERS = Set.of("category", "district", "priority");

  private final Hub hub;
  private final Gazetteer gazetteer;

  SearchController(Hub hub, Gazetteer gazetteer) {
    this.hub = hub;
    this.gazetteer = gazetteer;
  }

  @GetMapping("/search")
  String search(
      @RequestParam MultiValueMap<String, String> parameters,
      HttpServletRequest request,
      HttpSession session,
      Model model) {
    Optional<String> purpose = Purpose.of(session);
    if (purpose.isEmpty()) {
      return Purpose.askFor(request);
    }
    MultiValueMap<String, String> asked =
        Hub.parameters(parameters, List.of("q", "from", "to", "after"), FILTERS);
    model.addAttribute("purpose", purpose.get());
    model.addAttribute("asked", asked);
    try {
      JsonNode answer = hub.consult("/api/v1/search", asked, purpose.get());
      model.addAttribute("total", answer.path("total").asLong());
      model.addAttribute("hits", hits(answer.path("hits")));
      model.addAttribute("filters", filters(Filter.facets(answer.path("facets"), FILTERS), asked));
      if (answer.hasNonNull("next")) {
        model.addAttribute("nextPage", withCursor(asked, answer.get("next").asString()));
      }
    } catch (HubProblem problem) {
      if (problem.isTooManyRequests()) {
        throw problem;
      }
      model.addAttribute("problem", problem);
      model.addAttribute("hits", List.of());
      model.addAttribute("filters", filters(Map.of(), asked));
    }
    return "search/search";
  }

  @GetMapping("/search/events/{eventId}")
  String event(
      @PathVariable String eventId, HttpServletRequest request, HttpSession session, Model model) {
    Optional<String> purpose = Purpose.of(session);
    if (purpose.isEmpty()) {
      return Purpose.askFor(request);
    }
    model.addAttribute("purpose", purpose.get());
    try {
      JsonNode event = hub.consult("/api/v1/events/{eventId}", Hub.NONE, purpose.get(), eventId);
      model.addAttribute("event", new EventView(event, gazetteer));
    } catch (HubProblem problem) {
      if (problem.isTooManyRequests()) {
        throw problem;
      }
      model.addAttribute("problem", problem);
    }
    return "search/event";
  }

  private List<EventView> hits(JsonNode hits) {
    List<EventView> views = new ArrayList<>();
    hits.forEach(hit -> views.add(new EventView(hit, gazetteer)));
    return views;
  }

  /** The page's filters, in the vocabulary's and the gazetteer's order. */
  private List<Filter> filters(
      Map<String, Map<String, Long>> facets, MultiValueMap<String, String> asked) {
    Map<String, String> districts = new LinkedHashMap<>();
    gazetteer.districts().forEach(d -> districts.put(d.id(), d.name()));
    return List.of(
        Filter.category(facets, asked),
        Filter.of("district", "District", districts, facets, asked),
        Filter.priority(facets, asked));
  }

  private static String withCursor(MultiValueMap<String, String> asked, String cursor) {
    var builder = UriComponentsBuilder.fromPath("/search");
    asked.forEach(
        (name, values) -> {
          if (!name.equals("after")) {
            builder.queryParam(name, values.toArray());
          }
        });
    return builder.queryParam("after", cursor).encode().build().toUriString();
  }
}
