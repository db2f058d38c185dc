package uk.crossline.portal.map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
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
import uk.crossline.portal.hub.Hub;
import uk.crossline.portal.hub.HubProblem;
import uk.crossline.portal.purpose.Purpose;
import uk.crossline.portal.search.Filter;
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
      HttpSession session,
      Model model) {
    // The page gate lets only people with SEARCH this far.
    SignedIn person = (SignedIn) model.getAttribute("signedIn");
    Optional<String> purpose = Purpose.of(session);
    if (purpose.isEmpty()) {
      return Purpose.askFor(request);
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
      facets = Filter.facets(found.path("facets"), List.of("district", "category", "priority"));
      byDistrict = facets.getOrDefault("district", Map.of());
      tiles = tiles(grid.path("tiles"));
      model.addAttribute("total", found.path("total").asLong());
      model.addAttribute("located", grid.path("located").asLong());
    } catch (HubProblem problem) {
      if (problem.isForbidden() || problem.isTooManyRequests()) {
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
    return Hub.parameters(parameters, List.of("q", "from", "to"), FILTERS);
  }

  /** The search page with the map's filters and this district. */
  static String search(MultiValueMap<String, String> asked, String district) {
    var builder = UriComponentsBuilder.fromPath("/search");
    asked.forEach((name, values) -> builder.queryParam(name, values.toArray()));
    return builder.queryParam("district", district).encode().build().toUriString();
  }

  /** A search API question with the map's filters and one more parameter of its own. */
  private JsonNode ask(
      String path,
      MultiValueMap<String, String> asked,
      String purpose,
      String extraName,
      String extraValue) {
    MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>(asked);
    parameters.add(extraName, extraValue);
    return hub.consult(path, parameters, purpose);
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

  private static List<Filter> filters(
      Map<String, Map<String, Long>> facets, MultiValueMap<String, String> asked) {
    return List.of(Filter.category(facets, asked), Filter.priority(facets, asked));
  }
}
