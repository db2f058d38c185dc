package uk.crossline.portal.map;

import java.util.List;
import java.util.Locale;

/**
 * Longitude/latitude to the SVG's x/y: equirectangular, with longitude scaled by the cosine of the
 * map's middle latitude so that at this size (about 150 km across) shapes are not stretched, and y
 * growing southwards as SVG's does.
 *
 * @param scale SVG units per degree of latitude
 */
record Projection(
    double west,
    double north,
    double scale,
    double lonFactor,
    double width,
    double height,
    double padding) {

  /** A projection fitting every ring of the shapes into this width, with a margin around. */
  static Projection fitting(List<Shape> shapes, double width, double padding) {
    double west = Double.MAX_VALUE, east = -Double.MAX_VALUE;
    double south = Double.MAX_VALUE, north = -Double.MAX_VALUE;
    for (Shape shape : shapes) {
      for (List<double[]> ring : shape.rings()) {
        for (double[] p : ring) {
          west = Math.min(west, p[0]);
          east = Math.max(east, p[0]);
          south = Math.min(south, p[1]);
          north = Math.max(north, p[1]);
        }
      }
    }
    if (west > east) {
      throw new IllegalArgumentException("nothing to fit: no points");
    }
    double lonFactor = Math.cos(Math.toRadians((north + south) / 2));
    double scale = (width - 2 * padding) / ((east - west) * lonFactor);
    double height = Math.ceil((north - south) * scale + 2 * padding);
    return new Projection(west, north, scale, lonFactor, width, height, padding);
  }

  double x(double lon) {
    return padding + (lon - west) * lonFactor * scale;
  }

  double y(double lat) {
    return padding + (north - lat) * scale;
  }

  /** The shape as an SVG path ({@code M x y L ... Z} per ring), to one decimal of a unit. */
  String path(Shape shape) {
    StringBuilder d = new StringBuilder();
    for (List<double[]> ring : shape.rings()) {
      for (int i = 0; i < ring.size(); i++) {
        double[] p = ring.get(i);
        d.append(i == 0 ? "M" : "L").append(number(x(p[0]))).append(' ').append(number(y(p[1])));
      }
      d.append('Z');
    }
    return d.toString();
  }

  static String number(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
