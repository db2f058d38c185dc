package uk.crossline.model.location;

/**
 * A postcode sector with the ward holding most of it; the district is the ward's, which is not
 * always the main district of the sector's outward code.
 */
record SectorArea(String sector, String districtId, String ward) {}
