package uk.crossline.model.location;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The places Crossline knows: local authority districts, the postcode districts (outward codes) and
 * sectors in and around the partnership, and the districts' wards.
 *
 * <p>The {@linkplain #bundled() bundled} data is an approximate, hand-built gazetteer for the demo
 * partnership, to be replaced by tables built from the ONS Postcode Directory in production; see
 * the header of each CSV file beside this class. Look-ups are lenient about case and spacing and
 * answer empty for anything they do not know, malformed text included, so callers decide what an
 * unknown place means.
 */
public final class Gazetteer {

  private static final List<String> DISTRICT_HEADER =
      List.of("id", "name", "ons_code", "lat", "lon");
  private static final List<String> OUTWARD_HEADER =
      List.of("outward", "district", "lat", "lon", "also_in", "note");
  private static final List<String> WARD_HEADER =
      List.of("district", "ward", "outward_codes", "lat", "lon");
  private static final List<String> SECTOR_HEADER = List.of("sector", "district", "ward");

  private final List<District> districts;
  private final Map<String, District> districtsById;
  private final Map<String, OutwardArea> outwardsByCode;
  // Keyed by district id, then by a loose form of the ward name (see wardKey), in file order.
  private final Map<String, Map<String, WardArea>> wardsByDistrict;
  private final Map<String, SectorArea> sectorsByCode;

  private Gazetteer(
      List<District> districts,
      Map<String, OutwardArea> outwardsByCode,
      Map<String, Map<String, WardArea>> wardsByDistrict,
      Map<String, SectorArea> sectorsByCode) {
    this.districts = List.copyOf(districts);
    var byId = new LinkedHashMap<String, District>();
    districts.forEach(d -> byId.put(d.id(), d));
    this.districtsById = Collections.unmodifiableMap(byId);
    this.outwardsByCode = Collections.unmodifiableMap(outwardsByCode);
    this.wardsByDistrict = Collections.unmodifiableMap(wardsByDistrict);
    this.sectorsByCode = Collections.unmodifiableMap(sectorsByCode);
  }

  /** The gazetteer shipped with Crossline, read once on first use and shared. */
  public static Gazetteer bundled() {
    return Bundled.INSTANCE;
  }

  /** Every district, neighbours outside the partnership included, in the order of the data. */
  public List<District> districts() {
    return districts;
  }

  public Optional<District> district(String id) {
    return Optional.ofNullable(id).map(districtsById::get);
  }

  /**
   * The district holding most of an outward code's addresses; an outward code split between
   * districts may still belong to another (see {@link LocationGeneraliser}).
   */
  public Optional<District> districtOfOutward(String outwardCode) {
    return outwardArea(outwardCode).map(OutwardArea::mainDistrict);
  }

  /** Every outward code lying wholly or partly in a district, in the order of the data. */
  public List<String> outwardCodesOf(String districtId) {
    if (districtId == null) {
      return List.of();
    }
    return outwardsByCode.values().stream()
        .filter(area -> area.touches(districtId))
        .map(OutwardArea::code)
        .toList();
  }

  /** The ward names of a district, empty for a district whose wards the gazetteer lacks. */
  public List<String> wardsOf(String districtId) {
    return wardsByDistrict.getOrDefault(districtId, Map.of()).values().stream()
        .map(WardArea::name)
        .toList();
  }

  /** The ward holding most of a postcode sector such as {@code B97 4}, where the data has one. */
  public Optional<String> wardOfSector(String sector) {
    return sectorArea(sector).map(SectorArea::ward);
  }

  public Optional<GeoPoint> centroidOfOutward(String outwardCode) {
    return outwardArea(outwardCode).map(OutwardArea::centroid);
  }

  /** The centre of a ward, matched loosely by name ({@code &} for "and", any case). */
  public Optional<GeoPoint> centroidOfWard(String districtId, String ward) {
    return wardArea(districtId, ward).map(WardArea::centroid);
  }

  public boolean knowsOutward(String outwardCode) {
    return outwardArea(outwardCode).isPresent();
  }

  Optional<OutwardArea> outwardArea(String outwardCode) {
    if (!Postcode.isOutwardCode(outwardCode)) {
      return Optional.empty();
    }
    return Optional.ofNullable(outwardsByCode.get(Postcode.normaliseOutward(outwardCode)));
  }

  Optional<SectorArea> sectorArea(String sector) {
    return Postcode.normaliseSector(sector).map(sectorsByCode::get);
  }

  Optional<WardArea> wardArea(String districtId, String ward) {
    if (districtId == null || ward == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        wardsByDistrict.getOrDefault(districtId, Map.of()).get(wardKey(ward)));
  }

  /**
   * Ward names are typed by people and written differently by different sources ("Foley Park &
   * Hoobrook", "St Peter's Parish"), so they are compared in a loose form.
   */
  static String wardKey(String ward) {
    return ward.toLowerCase(Locale.ROOT)
        .replace("&", " and ")
        .replaceAll("['\u2019.]", "")
        .replaceAll("[^\\p{L}\\p{N}]+", " ")
        .strip();
  }

  /** Builds a gazetteer from the text of its four tables, refusing data that contradicts itself. */
  static Gazetteer fromCsv(
      String districtsCsv, String outwardCsv, String wardsCsv, String sectorsCsv) {
    var districts = readDistricts(districtsCsv);
    var byId = new HashMap<String, District>();
    districts.forEach(d -> byId.put(d.id(), d));
    var outwards = readOutwards(outwardCsv, byId);
    var wards = readWards(wardsCsv, byId, outwards);
    var sectors = readSectors(sectorsCsv, byId, outwards, wards);
    return new Gazetteer(districts, outwards, wards, sectors);
  }

  private static List<District> readDistricts(String csv) {
    var districts = new ArrayList<District>();
    var ids = new HashMap<String, Integer>();
    var onsCodes = new HashMap<String, Integer>();
    for (var row : GazetteerCsv.read("districts.csv", csv, DISTRICT_HEADER)) {
      District district;
      try {
        district = new District(row.get(0), row.get(1), row.get(2), centroid(row, 3));
      } catch (IllegalArgumentException e) {
        throw row.fail(e.getMessage());
      }
      if (ids.putIfAbsent(district.id(), row.line()) != null) {
        throw row.fail("district id repeated");
      }
      if (onsCodes.putIfAbsent(district.onsCode(), row.line()) != null) {
        throw row.fail("ONS code repeated");
      }
      districts.add(district);
    }
    return districts;
  }

  private static Map<String, OutwardArea> readOutwards(
      String csv, Map<String, District> districts) {
    var outwards = new LinkedHashMap<String, OutwardArea>();
    for (var row : GazetteerCsv.read("outward-codes.csv", csv, OUTWARD_HEADER)) {
      var code = row.get(0);
      if (!Postcode.isOutwardCode(code) || !Postcode.normaliseOutward(code).equals(code)) {
        throw row.fail("outward code must be upper case, such as B97");
      }
      var main = knownDistrict(row, row.get(1), districts);
      var alsoIn = row.list(4);
      for (var other : alsoIn) {
        knownDistrict(row, other, districts);
        if (other.equals(main.id())) {
          throw row.fail("also_in repeats the main district");
        }
      }
      if (alsoIn.stream().distinct().count() != alsoIn.size()) {
        throw row.fail("also_in names a district twice");
      }
      if (outwards.put(code, new OutwardArea(code, main, alsoIn, centroid(row, 2))) != null) {
        throw row.fail("outward code repeated");
      }
    }
    return outwards;
  }

  private static Map<String, Map<String, WardArea>> readWards(
      String csv, Map<String, District> districts, Map<String, OutwardArea> outwards) {
    var wards = new LinkedHashMap<String, Map<String, WardArea>>();
    for (var row : GazetteerCsv.read("wards.csv", csv, WARD_HEADER)) {
      var district = knownDistrict(row, row.get(0), districts);
      var name = row.get(1);
      if (name.isBlank()) {
        throw row.fail("ward name must not be blank");
      }
      var codes = row.list(2);
      if (codes.isEmpty()) {
        throw row.fail("a ward lies in at least one outward code");
      }
      for (var code : codes) {
        var area = outwards.get(code);
        if (area == null) {
          throw row.fail("outward code not in outward-codes.csv");
        }
        if (!area.touches(district.id())) {
          throw row.fail("outward code " + code + " does not touch district " + district.id());
        }
      }
      var ward = new WardArea(district.id(), name, codes, centroid(row, 3));
      var ofDistrict = wards.computeIfAbsent(district.id(), id -> new LinkedHashMap<>());
      if (ofDistrict.putIfAbsent(wardKey(name), ward) != null) {
        throw row.fail("ward repeated in its district");
      }
    }
    return wards;
  }

  private static Map<String, SectorArea> readSectors(
      String csv,
      Map<String, District> districts,
      Map<String, OutwardArea> outwards,
      Map<String, Map<String, WardArea>> wards) {
    var sectors = new LinkedHashMap<String, SectorArea>();
    for (var row : GazetteerCsv.read("sectors.csv", csv, SECTOR_HEADER)) {
      var sector = row.get(0);
      if (!Postcode.normaliseSector(sector).equals(Optional.of(sector))) {
        throw row.fail("sector must be upper case with one space, such as B97 4");
      }
      var district = knownDistrict(row, row.get(1), districts);
      var area = outwards.get(sector.substring(0, sector.indexOf(' ')));
      if (area == null) {
        throw row.fail("the sector's outward code is not in outward-codes.csv");
      }
      if (!area.touches(district.id())) {
        throw row.fail("the sector's outward code does not touch district " + district.id());
      }
      var ward = wards.getOrDefault(district.id(), Map.of()).get(wardKey(row.get(2)));
      if (ward == null) {
        throw row.fail("ward not in wards.csv for district " + district.id());
      }
      if (sectors.put(sector, new SectorArea(sector, district.id(), ward.name())) != null) {
        throw row.fail("sector repeated");
      }
    }
    return sectors;
  }

  private static District knownDistrict(
      GazetteerCsv.Row row, String id, Map<String, District> districts) {
    var district = districts.get(id);
    if (district == null) {
      throw row.fail("district " + id + " not in districts.csv");
    }
    return district;
  }

  /**
   * Every centroid must fall within Great Britain and Northern Ireland, which catches latitude and
   * longitude swapped or a sign dropped, the likeliest slips in hand-typed data.
   */
  private static GeoPoint centroid(GazetteerCsv.Row row, int latColumn) {
    var lat = row.number(latColumn);
    var lon = row.number(latColumn + 1);
    if (lat < 49 || lat > 61 || lon < -9 || lon > 2) {
      throw row.fail("centroid must lie in the United Kingdom");
    }
    return new GeoPoint(lat, lon);
  }

  /** Holds the bundled gazetteer so it is read once, on first use, without locking. */
  private static final class Bundled {

    static final Gazetteer INSTANCE =
        fromCsv(
            resource("districts.csv"),
            resource("outward-codes.csv"),
            resource("wards.csv"),
            resource("sectors.csv"));

    private static String resource(String name) {
      try (InputStream in = Gazetteer.class.getResourceAsStream(name)) {
        if (in == null) {
          throw new IllegalStateException("gazetteer resource " + name + " is missing");
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("gazetteer resource " + name + " cannot be read", e);
      }
    }
  }
}
