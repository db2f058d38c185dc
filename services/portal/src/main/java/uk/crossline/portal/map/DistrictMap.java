package uk.crossline.portal.map;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The map as the page draws it: each district's outline, shade, count and link, the grid's points
 * as circles sized by their counts, and the legend. Built from counts the search API made over what
 * the person may see; it adds nothing of its own.
 *
 * @param width the SVG's width in its own units (its viewBox)
 * @param height the SVG's height
 */
public record DistrictMap(
    double width,
    double height,
    List<Area> areas,
    List<Point> points,
    List<ColourScale.Band> legend) {

  /** SVG units across: the page scales it to the column. */
  static final double WIDTH = 640;

  static final double PADDING = 8;

  static final double SMALLEST_RADIUS = 3;

  static final double LARGEST_RADIUS = 14;

  /** A district on the map. */
  public record Area(String id, String name, String path, String colour, long count, String href) {

    /** What a pointer or a screen reader is told of it. */
    public String title() {
      return name + ": " + Point.reports(count);
    }
  }

  /**
   * A point of the coarse grid: the centre of the events counted in one tile.
   *
   * @param near the district the point lies in, or empty when outside the map's districts
   */
  public record Point(
      String cx, String cy, String r, long count, String near, double lat, double lon) {

    public String title() {
      return reports(count) + (near.isEmpty() ? "" : " near here, in " + near);
    }

    static String reports(long count) {
      return count == 1 ? "1 report" : count + " reports";
    }
  }

  /** A tile the map API answered: its count and its events' centroid. */
  public record Tile(long count, double lat, double lon) {}

  static DistrictMap draw(
      DistrictShapes shapes,
      Map<String, Long> countsByDistrict,
      List<Tile> tiles,
      Function<String, String> linkForDistrict) {
    Projection projection = Projection.fitting(shapes.shapes(), WIDTH, PADDING);
    long largest = countsByDistrict.values().stream().mapToLong(Long::longValue).max().orElse(0);
    ColourScale scale = ColourScale.upTo(largest);
    List<Area> areas = new ArrayList<>();
    for (Shape shape : shapes.shapes()) {
      long count = countsByDistrict.getOrDefault(shape.id(), 0L);
      areas.add(
          new Area(
              shape.id(),
              shape.name(),
              projection.path(shape),
              scale.colour(count),
              count,
              linkForDistrict.apply(shape.id())));
    }
    long busiest = tiles.stream().mapToLong(Tile::count).max().orElse(1);
    List<Point> points = new ArrayList<>();
    // Biggest first, so a small circle is drawn over a big one and both can be seen.
    for (Tile tile :
        tiles.stream().sorted(Comparator.comparingLong(Tile::count).reversed()).toList()) {
      double x = projection.x(tile.lon());
      double y = projection.y(tile.lat());
      if (x < 0 || y < 0 || x > projection.width() || y > projection.height()) {
        continue; // outside the mapped districts: counted in the total, not drawn
      }
      points.add(
          new Point(
              Projection.number(x),
              Projection.number(y),
              Projection.number(radius(tile.count(), busiest)),
              tile.count(),
              shapes.districtAt(tile.lon(), tile.lat()).map(Shape::name).orElse(""),
              tile.lat(),
              tile.lon()));
    }
    return new DistrictMap(projection.width(), projection.height(), areas, points, scale.bands());
  }

  /** Circle areas grow with the count (the radius with its square root). */
  static double radius(long count, long busiest) {
    double share = busiest <= 0 ? 0 : Math.sqrt((double) Math.max(count, 0) / busiest);
    return SMALLEST_RADIUS + (LARGEST_RADIUS - SMALLEST_RADIUS) * share;
  }

  public String viewBox() {
    return "0 0 " + Projection.number(width) + " " + Projection.number(height);
  }
}
