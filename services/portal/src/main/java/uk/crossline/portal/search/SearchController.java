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
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import uk.crossline.model.location.Gazetteer;
import uk.crossline.model.vocabulary.Category;
import uk.crossline.model.vocabulary.Priority;
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
      return Purpose.ask(pathAndQuery(request));
    }
    MultiValueMap<String, String> asked = new LinkedMultiValueMap<>();
    for (String name : List.of("q", "from", "to", "after")) {
      Optional.ofNullable(parameters.getFirst(name))
          .filter(value -> !value.isBlank())
          .ifPresent(value -> asked.add(name, value.strip()));
    }
    for (String filter : FILTERS) {
      parameters.getOrDefault(filter, List.of()).stream()
          .filter(value -> !value.isBlank())
          .forEach(value -> asked.add(filter, value));
    }
    model.addAttribute("purpose", purpose.get());
    model.addAttribute("asked", asked);
    try {
      JsonNode answer =
          Hub.call(
              "search",
              () ->
                  hub.search()
                      .get()
                      .uri(
                          uri -> {
                            var builder = uri.path("/api/v1/search");
                            asked.forEach(
                                (name, values) -> builder.queryParam(name, values.toArray()));
                            return builder.queryParam("purpose", purpose.get()).build();
                          })
                      .retrieve()
                      .body(JsonNode.class));
      model.addAttribute("total", answer.path("total").asLong());
      model.addAttribute("hits", hits(answer.path("hits")));
      model.addAttribute("filters", filters(facets(answer.path("facets")), asked));
      if (answer.hasNonNull("next")) {
        model.addAttribute("nextPage", withCursor(asked, answer.get("next").asString()));
      }
    } catch (HubProblem problem) {
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
      return Purpose.ask(pathAndQuery(request));
    }
    model.addAttribute("purpose", purpose.get());
    try {
      JsonNode event =
          Hub.call(
              "search",
              () ->
                  hub.search()
                      .get()
                      .uri(
                          uri ->
                              uri.path("/api/v1/events/{eventId}")
                                  .queryParam("purpose", purpose.get())
                                  .build(eventId))
                      .retrieve()
                      .body(JsonNode.class));
      model.addAttribute("event", new EventView(event, gazetteer));
    } catch (HubProblem problem) {
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
    Map<String, String> categories = new LinkedHashMap<>();
    for (Category category : Category.values()) {
      categories.put(category.name(), category.label());
    }
    Map<String, String> districts = new LinkedHashMap<>();
    gazetteer.districts().forEach(d -> districts.put(d.id(), d.name()));
    Map<String, String> priorities = new LinkedHashMap<>();
    for (Priority priority : Priority.values()) {
      priorities.put(priority.name(), priority.label());
    }
    return List.of(
        filter("category", "Category", categories, facets, asked),
        filter("district", "District", districts, facets, asked),
        filter("priority", "Partnership priority", priorities, facets, asked));
  }

  private static Filter filter(
      String name,
      String legend,
      Map<String, String> labels,
      Map<String, Map<String, Long>> facets,
      MultiValueMap<String, String> asked) {
    return Filter.of(
        name,
        legend,
        labels,
        facets.getOrDefault(name, Map.of()),
        asked.getOrDefault(name, List.of()));
  }

  /** Each facet's counts by value, as the API counted them over what the person may see. */
  private static Map<String, Map<String, Long>> facets(JsonNode facets) {
    Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
    for (String facet : FILTERS) {
      Map<String, Long> values = new LinkedHashMap<>();
      facets.path(facet).properties().forEach(e -> values.put(e.getKey(), e.getValue().asLong()));
      counts.put(facet, values);
    }
    return counts;
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

  private static String pathAndQuery(HttpServletRequest request) {
    return request.getRequestURI()
        + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
  }
}
