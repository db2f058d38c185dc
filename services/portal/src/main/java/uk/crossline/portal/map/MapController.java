package uk.crossline.portal.map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import uk.crossline.model.Role;
import uk.crossline.model.vocabulary.Category;
import uk.crossline.model.vocabulary.Priority;
import uk.crossline.portal.hub.Hub;
import uk.crossline.portal.hub.HubProblem;
import uk.crossline.portal.purpose.Purpose;
import uk.crossline.portal.signin.SignedIn;

/**
 * The map page. Both of its questions go to the search API as the signed-in person with their
 * purpose, with the same filters: a search for the per-district counts (its {@code district} facet)
 * and the map endpoint for the grid's points. Both count only what the person may see, so the map
 * never shows more than their search would.
 */
@Controller
class MapController {

  /** Web-map tiles of zoom 12 are about 6 km across here: a few points per district. */
  static final int ZOOM = 12;

  private static final List<String> FILTERS = List.of("category", "priority");

  private final Hub hub;
  private final DistrictShapes shapes;

  MapController(Hub hub, DistrictShapes shapes) {
    this.hub = hub;
    this.shapes = shapes;
  }

  @GetMapping("/map")
  String map(
      @RequestParam MultiValueMap<String, String> parameters,
      HttpServletRequest request,
      HttpServletResponse response,
      HttpSession session,
      Model model) {
    // The page gate lets only people with SEARCH this far.
    SignedIn person = (SignedIn) model.getAttribute("signedIn");
    Optional<String> purpose = Purpose.of(session);
    if (purpose.isEmpty()) {
      return Purpose.ask(
          request.getRequestURI()
              + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
    }
    MultiValueMap<String, String> asked = asked(parameters);
    model.addAttribute("purpose", purpose.get());
    model.addAttribute("asked", asked);
    model.addAttribute("alerts", person.has(Role.SUBSCRIBE_ALERTS));
    model.addAttribute("attribution", shapes.attribution());
    Map<String, Map<String, Long>> facets = Map.of();
    Map<String, Long> byDistrict = Map.of();
    List<DistrictMap.Tile> tiles = List.of();
    try {
      JsonNode found = ask("/api/v1/search", asked, purpose.get(), "size", "1");
      JsonNode grid = ask("/api/v1/search/map", asked, purpose.get(), "zoom", String.valueOf(ZOOM));
      facets = facets(found.path("facets"));
      byDistrict = facets.getOrDefault("district", Map.of());
      tiles = tiles(grid.path("tiles"));
      model.addAttribute("total", found.path("total").asLong());
      model.addAttribute("located", grid.path("located").asLong());
    } catch (HubProblem problem) {
      if (problem.isForbidden()) {
        throw problem;
      }
      model.addAttribute("problem", problem);
    }
    model.addAttribute("filters", filters(facets, asked));
    model.addAttribute(
        "map", DistrictMap.draw(shapes, byDistrict, tiles, district -> search(asked, district)));
    model.addAttribute("elsewhere", elsewhere(byDistrict));
    return "map/map";
  }

  /** The filters asked for, tidied: blanks dropped, words trimmed. */
  static MultiValueMap<String, String> asked(MultiValueMap<String, String> parameters) {
    MultiValueMap<String, String> asked = new LinkedMultiValueMap<>();
    for (String name : List.of("q", "from", "to")) {
      Optional.ofNullable(parameters.getFirst(name))
          .filter(value -> !value.isBlank())
          .ifPresent(value -> asked.add(name, value.strip()));
    }
    for (String filter : FILTERS) {
      parameters.getOrDefault(filter, List.of()).stream()
          .filter(value -> !value.isBlank())
          .forEach(value -> asked.add(filter, value));
    }
    return asked;
  }

  /** The search page with the map's filters and this district. */
  static String search(MultiValueMap<String, String> asked, String district) {
    var builder = UriComponentsBuilder.fromPath("/search");
    asked.forEach((name, values) -> builder.queryParam(name, values.toArray()));
    return builder.queryParam("district", district).encode().build().toUriString();
  }

  private JsonNode ask(
      String path,
      MultiValueMap<String, String> asked,
      String purpose,
      String extraName,
      String extraValue) {
    return Hub.call(
        "search",
        () ->
            hub.search()
                .get()
                .uri(
                    uri -> {
                      var builder = uri.path(path);
                      asked.forEach((name, values) -> builder.queryParam(name, values.toArray()));
                      return builder
                          .queryParam(extraName, extraValue)
                          .queryParam("purpose", purpose)
                          .build();
                    })
                .retrieve()
                .body(JsonNode.class));
  }

  private static Map<String, Map<String, Long>> facets(JsonNode facets) {
    Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
    for (String facet : List.of("district", "category", "priority")) {
      Map<String, Long> values = new LinkedHashMap<>();
      facets.path(facet).properties().forEach(e -> values.put(e.getKey(), e.getValue().asLong()));
      counts.put(facet, values);
    }
    return counts;
  }

  static List<DistrictMap.Tile> tiles(JsonNode tiles) {
    List<DistrictMap.Tile> read = new ArrayList<>();
    tiles.forEach(
        tile ->
            read.add(
                new DistrictMap.Tile(
                    tile.path("count").asLong(),
                    tile.path("centre").path("lat").asDouble(),
                    tile.path("centre").path("lon").asDouble())));
    return read;
  }

  /** Visible reports in districts the map does not draw (outside the gazetteer's). */
  private long elsewhere(Map<String, Long> byDistrict) {
    return byDistrict.entrySet().stream()
        .filter(e -> shapes.shape(e.getKey()).isEmpty())
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  private List<MapFilter> filters(
      Map<String, Map<String, Long>> facets, MultiValueMap<String, String> asked) {
    Map<String, String> categories = new LinkedHashMap<>();
    for (Category category : Category.values()) {
      categories.put(category.name(), category.label());
    }
    Map<String, String> priorities = new LinkedHashMap<>();
    for (Priority priority : Priority.values()) {
      priorities.put(priority.name(), priority.label());
    }
    return List.of(
        filter("category", "Category", categories, facets, asked),
        filter("priority", "Partnership priority", priorities, facets, asked));
  }

  private static MapFilter filter(
      String name,
      String legend,
      Map<String, String> labels,
      Map<String, Map<String, Long>> facets,
      MultiValueMap<String, String> asked) {
    Map<String, Long> counts = facets.getOrDefault(name, Map.of());
    List<String> chosen = asked.getOrDefault(name, List.of());
    return new MapFilter(
        name,
        legend,
        labels.entrySet().stream()
            .map(
                e ->
                    new MapFilter.Option(
                        e.getKey(),
                        e.getValue(),
                        counts.getOrDefault(e.getKey(), 0L),
                        chosen.contains(e.getKey())))
            .toList());
  }
}
