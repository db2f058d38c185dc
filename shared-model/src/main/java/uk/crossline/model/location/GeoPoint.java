package uk.crossline.model.location;

/** A point in WGS84 degrees, as maps and Elasticsearch's geo_point take it. */
public record GeoPoint(double lat, double lon) {

  public GeoPoint {
    if (!(lat >= -90 && lat <= 90)) {
      throw new IllegalArgumentException("latitude must be between -90 and 90");
    }
    if (!(lon >= -180 && lon <= 180)) {
      throw new IllegalArgumentException("longitude must be between -180 and 180");
    }
  }
}
