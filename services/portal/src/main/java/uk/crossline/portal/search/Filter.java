package uk.crossline.portal.search;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;
import uk.crossline.model.vocabulary.Category;
import uk.crossline.model.vocabulary.Priority;

/**
 * One filter of the search page (and the map page, which filters the same search) as it draws it: a
 * legend, and each value with its label, whether it is chosen, and how many of the person's visible
 * matches have it (the API's facet count).
 *
 * @param name the API parameter, also the checkboxes' name
 */
public record Filter(String name, String legend, List<Option> options) {

  /** One value of a filter. */
  public record Option(String value, String label, long count, boolean checked) {}

  /** The filter's options in the order given, with their counts and checked state. */
  static Filter of(
      String name,
      String legend,
      Map<String, String> labelsByValue,
      Map<String, Long> counts,
      List<String> asked) {
    return new Filter(
        name,
        legend,
        labelsByValue.entrySet().stream()
            .map(
                e ->
                    new Option(
                        e.getKey(),
                        e.getValue(),
                        counts.getOrDefault(e.getKey(), 0L),
                        asked.contains(e.getKey())))
            .toList());
  }

  /** The filter {@code name} with its facet's counts and the values {@code asked} for it. */
  public static Filter of(
      String name,
      String legend,
      Map<String, String> labelsByValue,
      Map<String, Map<String, Long>> facets,
      MultiValueMap<String, String> asked) {
    return of(
        name,
        legend,
        labelsByValue,
        facets.getOrDefault(name, Map.of()),
        asked.getOrDefault(name, List.of()));
  }

  /** The category filter, in the vocabulary's order. */
  public static Filter category(
      Map<String, Map<String, Long>> facets, MultiValueMap<String, String> asked) {
    Map<String, String> categories = new LinkedHashMap<>();
    for (Category category : Category.values()) {
      categories.put(category.name(), category.label());
    }
    return of("category", "Category", categories, facets, asked);
  }

  /** The partnership priority filter, in the vocabulary's order. */
  public static Filter priority(
      Map<String, Map<String, Long>> facets, MultiValueMap<String, String> asked) {
    Map<String, String> priorities = new LinkedHashMap<>();
    for (Priority priority : Priority.values()) {
      priorities.put(priority.name(), priority.label());
    }
    return of("priority", "Partnership priority", priorities, facets, asked);
  }

  /** Each facet's counts by value, as the API counted them over what the person may see. */
  public static Map<String, Map<String, Long>> facets(JsonNode facets, Collection<String> names) {
    Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
    for (String facet : names) {
      Map<String, Long> values = new LinkedHashMap<>();
      facets.path(facet).properties().forEach(e -> values.put(e.getKey(), e.getValue().asLong()));
      counts.put(facet, values);
    }
    return counts;
  }
}
