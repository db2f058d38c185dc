package uk.crossline.search.query;

import java.util.List;

/**
 * The answer of the map: visible events matching the criteria, counted per map tile.
 *
 * @param zoom the tiles' zoom (web-map tiles, {@code z/x/y})
 * @param total every visible event that matches, located or not
 * @param located those with a point, the sum of the tiles' counts
 * @param tiles each tile holding at least one, with its count and the centre of its events' points
 */
public record MapResult(int zoom, long total, long located, List<Tile> tiles) {

  public record Tile(String key, long count, Point centre) {}

  public record Point(double lat, double lon) {

    /** The middle of a {@code z/x/y} web-map tile. */
    static Point ofTile(String key) {
      String[] parts = key.split("/");
      int zoom = Integer.parseInt(parts[0]);
      double n = Math.pow(2, zoom);
      double x = Integer.parseInt(parts[1]) + 0.5;
      double y = Integer.parseInt(parts[2]) + 0.5;
      double lon = x / n * 360.0 - 180.0;
      double lat = Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1 - 2 * y / n))));
      return new Point(lat, lon);
    }
  }
}
