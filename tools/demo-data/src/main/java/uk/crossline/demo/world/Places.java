package uk.crossline.demo.world;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import uk.crossline.model.location.Gazetteer;
import uk.crossline.model.location.GeoPoint;

/**
 * The towns of the demo partnership and its neighbours, as postcode districts and sectors the
 * gazetteer knows, so every place a report gives lands in the district the story means.
 */
public final class Places {

  /** The inward code letters Royal Mail uses (no C, I, K, M, O or V). */
  private static final String INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";

  /**
   * Sectors are chosen so the gazetteer puts them in the district named: B45 8 and DY9 0 are
   * Bromsgrove while B45 and DY9 are mostly Birmingham and Dudley, and Birmingham's, Dudley's and
   * Solihull's sectors used here are ones the gazetteer does not list, so their outward code's main
   * district holds them.
   */
  private static final Map<String, List<Locality>> LOCALITIES =
      Map.of(
          "redditch",
          List.of(
              new Locality("redditch", "Redditch", "B97", List.of(4, 5, 6), 5),
              new Locality("redditch", "Redditch", "B98", List.of(0, 7, 8, 9), 5),
              new Locality("redditch", "Astwood Bank", "B96", List.of(6), 1)),
          "bromsgrove",
          List.of(
              new Locality("bromsgrove", "Bromsgrove", "B60", List.of(1, 2, 3, 4), 4),
              new Locality("bromsgrove", "Bromsgrove", "B61", List.of(7, 8, 9), 4),
              new Locality("bromsgrove", "Catshill", "B61", List.of(0), 2),
              new Locality("bromsgrove", "Barnt Green", "B45", List.of(8), 1),
              new Locality("bromsgrove", "Alvechurch", "B48", List.of(7), 1),
              new Locality("bromsgrove", "Wythall", "B47", List.of(5, 6), 1),
              new Locality("bromsgrove", "Hagley", "DY9", List.of(0), 2)),
          "wyre-forest",
          List.of(
              new Locality("wyre-forest", "Kidderminster", "DY10", List.of(1, 2, 3), 5),
              new Locality("wyre-forest", "Kidderminster", "DY11", List.of(5, 6, 7), 4),
              new Locality("wyre-forest", "Bewdley", "DY12", List.of(1, 2), 1),
              new Locality("wyre-forest", "Stourport-on-Severn", "DY13", List.of(0, 8, 9), 3)),
          "wychavon",
          List.of(new Locality("wychavon", "Droitwich Spa", "WR9", List.of(8), 1)),
          "birmingham",
          List.of(
              new Locality("birmingham", "Rednal", "B45", List.of(9), 2),
              new Locality("birmingham", "Frankley", "B45", List.of(0), 1)),
          "dudley",
          List.of(
              new Locality("dudley", "Halesowen", "B63", List.of(1, 2, 3, 4), 3),
              new Locality("dudley", "Halesowen", "B62", List.of(8, 9), 1),
              new Locality("dudley", "Stourbridge", "DY8", List.of(1, 2, 3, 4), 3),
              new Locality("dudley", "Lye", "DY9", List.of(7, 8), 2)),
          "solihull",
          List.of(
              new Locality("solihull", "Shirley", "B90", List.of(1, 2, 3, 4), 2),
              new Locality("solihull", "Solihull", "B91", List.of(1, 2, 3), 1)));

  private final Gazetteer gazetteer;

  Places(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
  }

  /** A place in the district, in one of its towns weighted by how busy they are. */
  public Spot spot(String district, RandomGenerator random) {
    return spotIn(pick(localities(district), random), random);
  }

  /** A place in the district's given town, or anywhere in the district if it has no such town. */
  public Spot spot(String district, String town, RandomGenerator random) {
    var inTown = localities(district).stream().filter(l -> l.town().equals(town)).toList();
    return spotIn(pick(inTown.isEmpty() ? localities(district) : inTown, random), random);
  }

  /** A ward of the district chosen at random, for reports that know the ward but no postcode. */
  public Optional<String> anyWard(String district, RandomGenerator random) {
    var wards = gazetteer.wardsOf(district);
    return wards.isEmpty()
        ? Optional.empty()
        : Optional.of(wards.get(random.nextInt(wards.size())));
  }

  /** A point near the centre, as an officer's handset would record it: within about 400 m. */
  public static GeoPoint near(GeoPoint centre, RandomGenerator random) {
    return new GeoPoint(
        round(centre.lat() + (random.nextDouble() - 0.5) * 0.007),
        round(centre.lon() + (random.nextDouble() - 0.5) * 0.011));
  }

  private static double round(double degrees) {
    return Math.round(degrees * 100_000) / 100_000.0;
  }

  /**
   * A place in one sector of a town, for a business whose street lies there.
   *
   * @param sector such as {@code B97 4}; it must be one the town's localities use
   */
  Spot spotInSector(String district, String town, String sector, RandomGenerator random) {
    String outward = sector.substring(0, sector.indexOf(' '));
    int digit = Integer.parseInt(sector.substring(sector.indexOf(' ') + 1));
    Locality locality =
        localities(district).stream()
            .filter(l -> l.town().equals(town) && l.outward().equals(outward))
            .filter(l -> l.sectors().contains(digit))
            .findFirst()
            .orElseThrow(
                () -> new IllegalArgumentException("sector " + sector + " is not in " + town));
    return spotIn(locality, digit, random);
  }

  /** The main town of a district, where most of what happens there is said to happen. */
  public static String mainTown(String district) {
    return localities(district).getFirst().town();
  }

  private Spot spotIn(Locality locality, RandomGenerator random) {
    return spotIn(
        locality, locality.sectors().get(random.nextInt(locality.sectors().size())), random);
  }

  private Spot spotIn(Locality locality, int sector, RandomGenerator random) {
    String inward =
        sector
            + ""
            + INWARD_LETTERS.charAt(random.nextInt(INWARD_LETTERS.length()))
            + INWARD_LETTERS.charAt(random.nextInt(INWARD_LETTERS.length()));
    String sectorCode = locality.outward() + " " + sector;
    Optional<String> ward = gazetteer.wardOfSector(sectorCode);
    GeoPoint centre =
        ward.flatMap(w -> gazetteer.centroidOfWard(locality.district(), w))
            .or(() -> gazetteer.centroidOfOutward(locality.outward()))
            .orElseThrow(() -> new IllegalStateException("no centre for " + sectorCode));
    boolean districtNeeded =
        !gazetteer
            .districtOfOutward(locality.outward())
            .map(d -> d.id().equals(locality.district()))
            .orElse(false);
    return new Spot(
        locality.district(),
        locality.town(),
        locality.outward(),
        locality.outward() + " " + inward,
        ward,
        centre,
        districtNeeded);
  }

  private static List<Locality> localities(String district) {
    var localities = LOCALITIES.get(district);
    if (localities == null) {
      throw new IllegalArgumentException("no demo localities in district " + district);
    }
    return localities;
  }

  private static Locality pick(List<Locality> localities, RandomGenerator random) {
    return new Weighted<>(localities.stream().map(l -> Weighted.option(l, l.weight())).toList())
        .draw(random);
  }
}
