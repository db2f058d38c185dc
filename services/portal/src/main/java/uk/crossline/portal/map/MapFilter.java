package uk.crossline.portal.map;

import java.util.List;

/**
 * One filter of the map page: a legend and each value with its label, how many of the person's
 * visible matches have it (the search API's facet) and whether it is chosen.
 *
 * @param name the API parameter, also the checkboxes' name
 */
public record MapFilter(String name, String legend, List<Option> options) {

  /** One value of a filter. */
  public record Option(String value, String label, long count, boolean checked) {}
}
