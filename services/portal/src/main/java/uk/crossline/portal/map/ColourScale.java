package uk.crossline.portal.map;

import java.util.ArrayList;
import java.util.List;

/**
 * A sequential palette for counts: none in grey, then five blues from light to dark, the largest
 * count always in the darkest and each blue standing for an equal fifth of it, so the legend can
 * say which counts each shade stands for. Shades no whole count falls in are left out.
 */
public record ColourScale(long largest, List<Band> bands) {

  /** One shade of the legend: the counts from {@code from} to {@code to} (both included). */
  public record Band(long from, long to, String colour) {

    public String label() {
      if (from == 0 && to == 0) {
        return "None";
      }
      return from == to ? String.valueOf(from) : from + " to " + to;
    }
  }

  static final String NONE = "#f3f2f1";

  /** ColorBrewer's 5-class "Blues", light to dark. */
  static final List<String> BLUES = List.of("#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c");

  static ColourScale upTo(long largest) {
    List<Band> bands = new ArrayList<>();
    bands.add(new Band(0, 0, NONE));
    int classes = BLUES.size();
    for (int i = 0; i < classes && largest > 0; i++) {
      long from = i * largest / classes + 1;
      long to = (i + 1) * largest / classes;
      if (from <= to) {
        bands.add(new Band(from, to, BLUES.get(i)));
      }
    }
    return new ColourScale(largest, List.copyOf(bands));
  }

  String colour(long count) {
    if (count <= 0) {
      return NONE;
    }
    if (count >= largest) {
      return BLUES.getLast();
    }
    int classes = BLUES.size();
    int index = (int) ((count * classes + largest - 1) / largest) - 1; // ceil(count * 5 / largest)
    return BLUES.get(index);
  }
}
