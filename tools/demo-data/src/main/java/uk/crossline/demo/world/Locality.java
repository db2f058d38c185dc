package uk.crossline.demo.world;

import java.util.List;

/**
 * A town or part of one, as the postcode district and the sectors of it the demo uses.
 *
 * @param sectors the first digits of inward codes that lie in {@code district} according to the
 *     gazetteer (listed sectors) or by the outward code's main district (unlisted ones)
 * @param weight how often reports fall here, relative to the district's other localities
 */
record Locality(String district, String town, String outward, List<Integer> sectors, int weight) {

  Locality {
    sectors = List.copyOf(sectors);
  }
}
