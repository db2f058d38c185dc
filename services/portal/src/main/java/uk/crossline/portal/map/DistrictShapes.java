package uk.crossline.portal.map;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The districts' boundaries shipped with the portal ({@code geo/districts.geojson}, simplified ONS
 * boundaries; see the README beside it), read once at start-up.
 */
@Component
class DistrictShapes {

  static final String RESOURCE = "/geo/districts.geojson";

  private final List<Shape> shapes;
  private final String attribution;

  DistrictShapes() {
    this(RESOURCE);
  }

  DistrictShapes(String resource) {
    JsonNode collection;
    try (InputStream in = DistrictShapes.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the classpath");
      }
      collection = JsonMapper.builder().build().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.attribution = collection.path("attribution").asString("");
    this.shapes = read(collection);
  }

  List<Shape> shapes() {
    return shapes;
  }

  Optional<Shape> shape(String districtId) {
    return shapes.stream().filter(s -> s.id().equals(districtId)).findFirst();
  }

  /** The boundaries' copyright and licence line, shown under every map. */
  String attribution() {
    return attribution;
  }

  /** The district whose boundary holds the point, if any of the map's does. */
  Optional<Shape> districtAt(double lon, double lat) {
    return shapes.stream().filter(s -> s.contains(lon, lat)).findFirst();
  }

  private static List<Shape> read(JsonNode collection) {
    List<Shape> shapes = new ArrayList<>();
    for (JsonNode feature : collection.path("features")) {
      JsonNode geometry = feature.path("geometry");
      JsonNode coordinates = geometry.path("coordinates");
      List<List<double[]>> rings = new ArrayList<>();
      switch (geometry.path("type").asString()) {
        case "Polygon" -> coordinates.forEach(ring -> rings.add(points(ring)));
        case "MultiPolygon" ->
            coordinates.forEach(polygon -> polygon.forEach(ring -> rings.add(points(ring))));
        default ->
            throw new IllegalStateException(
                "district geometry must be a Polygon or MultiPolygon, not "
                    + geometry.path("type").asString());
      }
      JsonNode properties = feature.path("properties");
      shapes.add(
          new Shape(properties.path("id").asString(), properties.path("name").asString(), rings));
    }
    return List.copyOf(shapes);
  }

  private static List<double[]> points(JsonNode ring) {
    List<double[]> points = new ArrayList<>();
    ring.forEach(p -> points.add(new double[] {p.get(0).asDouble(), p.get(1).asDouble()}));
    return points;
  }
}
