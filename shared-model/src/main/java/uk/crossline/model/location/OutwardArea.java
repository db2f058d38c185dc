package uk.crossline.model.location;

import java.util.List;

/**
 * A postcode district as the gazetteer knows it: the district holding most of its addresses and the
 * others it spills into, which a submitter may rightly name instead.
 */
record OutwardArea(
    String code, District mainDistrict, List<String> alsoInDistrictIds, GeoPoint centroid) {

  OutwardArea {
    alsoInDistrictIds = List.copyOf(alsoInDistrictIds);
  }

  boolean touches(String districtId) {
    return mainDistrict.id().equals(districtId) || alsoInDistrictIds.contains(districtId);
  }
}
