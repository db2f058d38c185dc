package uk.crossline.portal.search;

import java.util.List;
import java.util.Map;

/**
 * One filter of the search page as it draws it: a legend, and each value with its label, whether it
 * is chosen, and how many of the person's visible matches have it (the API's facet count).
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
}
