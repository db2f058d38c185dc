package uk.crossline.portal.map;

import java.util.List;

/**
 * A district's boundary: its rings (outer edges and holes alike) as longitude/latitude pairs. Drawn
 * and tested with the even-odd rule, so a hole (an enclave) is outside without knowing which ring
 * is which.
 *
 * @param id the gazetteer's district id
 */
record Shape(String id, String name, List<List<double[]>> rings) {

  Shape {
    rings = List.copyOf(rings);
  }

  /** Whether the point lies inside the district (even-odd over every ring). */
  boolean contains(double lon, double lat) {
    boolean inside = false;
    for (List<double[]> ring : rings) {
      for (int i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        double[] a = ring.get(i);
        double[] b = ring.get(j);
        if ((a[1] > lat) != (b[1] > lat)
            && lon < (b[0] - a[0]) * (lat - a[1]) / (b[1] - a[1]) + a[0]) {
          inside = !inside;
        }
      }
    }
    return inside;
  }
}
