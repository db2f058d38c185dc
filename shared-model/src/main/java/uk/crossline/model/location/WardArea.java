package uk.crossline.model.location;

import java.util.List;

/** An electoral ward of a district, with the outward codes it lies in and a rough centre. */
record WardArea(String districtId, String name, List<String> outwardCodes, GeoPoint centroid) {

  WardArea {
    outwardCodes = List.copyOf(outwardCodes);
  }
}
