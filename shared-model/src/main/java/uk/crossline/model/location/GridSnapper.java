package uk.crossline.model.location;

/**
 * Moves a point to the centre of its cell in a fixed grid of about 1 km, so a map shows where
 * things happen without showing whose door it was.
 *
 * <p>Cells are 0.01° of latitude by 0.015° of longitude. At the partnership's latitudes (about
 * 52.3°N) that is 1.11 km north to south by 1.02 km east to west; the width shrinks with the cosine
 * of the latitude but stays above 0.5 km as far north as Shetland. DESIGN.md asks for nothing finer
 * than about 500 m; 1 km is chosen rather than 500 m because in the rural parts of Bromsgrove and
 * Wyre Forest a 500 m square may hold a handful of houses, and a point that could be any of a
 * handful is still a person's address. A fixed grid in degrees, rather than one in British National
 * Grid metres, needs no projection code and works the same for every agency, neighbours included.
 *
 * <p>Snapping is deterministic (the same point always lands on the same centre, so two reports of
 * one place stay together) and idempotent (a centre snaps to itself, so snapping twice does no
 * harm).
 */
public final class GridSnapper {

  /** Cell height in degrees of latitude, about 1.11 km everywhere. */
  static final double LAT_CELL_DEGREES = 0.01;

  /** Cell width in degrees of longitude, about 1.02 km at 52.3°N. */
  static final double LON_CELL_DEGREES = 0.015;

  // The last cell in each direction, so the centre of a point at the pole or the antimeridian
  // still lies within the valid range of a GeoPoint.
  private static final long LAST_LAT_CELL = Math.round(90 / LAT_CELL_DEGREES) - 1;
  private static final long LAST_LON_CELL = Math.round(180 / LON_CELL_DEGREES) - 1;

  private GridSnapper() {}

  public static GeoPoint snap(GeoPoint point) {
    return new GeoPoint(
        centre(point.lat(), LAT_CELL_DEGREES, LAST_LAT_CELL),
        centre(point.lon(), LON_CELL_DEGREES, LAST_LON_CELL));
  }

  private static double centre(double degrees, double cell, long lastCell) {
    // A centre lies half a cell from either edge, so dividing it again lands well inside the same
    // cell despite rounding: that is what makes snapping idempotent.
    var index = Math.min((long) Math.floor(degrees / cell), lastCell);
    return (index + 0.5) * cell;
  }
}
