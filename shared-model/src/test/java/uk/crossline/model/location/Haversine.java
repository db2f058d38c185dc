package uk.crossline.model.location;

/** Great-circle distance, so tests measure cells and centroids in metres rather than degrees. */
final class Haversine {

  private static final double EARTH_RADIUS_METRES = 6_371_008.8;

  private Haversine() {}

  static double metres(GeoPoint a, GeoPoint b) {
    var lat1 = Math.toRadians(a.lat());
    var lat2 = Math.toRadians(b.lat());
    var dLat = lat2 - lat1;
    var dLon = Math.toRadians(b.lon() - a.lon());
    var h =
        Math.sin(dLat / 2) * Math.sin(dLat / 2)
            + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    return 2 * EARTH_RADIUS_METRES * Math.asin(Math.sqrt(h));
  }
}
