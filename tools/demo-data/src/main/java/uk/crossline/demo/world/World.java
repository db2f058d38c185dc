package uk.crossline.demo.world;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import uk.crossline.model.location.Gazetteer;
import uk.crossline.model.vocabulary.IdentifierType;

/**
 * The synthetic world of the demo: five county lines, the phones, cars and accounts they use, the
 * shops of the three towns and the children the lines draw in. The story is fixed; the numbers,
 * marks, postcodes and UPRNs are drawn from the seed, so one seed always gives the same world.
 */
public final class World {

  /** Where each line comes from, where it sells, and when it ran (see {@link DealLine}). */
  private record LineStory(
      String name,
      String originTown,
      List<String> sources,
      List<String> targets,
      double startsAt,
      double endsAt,
      double switchAt) {}

  private static final List<LineStory> LINES =
      List.of(
          new LineStory("Milo", "Rednal", List.of("birmingham"), List.of("redditch"), 0, 1, 0.55),
          new LineStory(
              "Dex",
              "Frankley",
              List.of("birmingham"),
              List.of("bromsgrove", "redditch"),
              0.15,
              1,
              0.7),
          // Closed by a police operation three quarters of the way through; Kash moved in after.
          new LineStory(
              "Benz", "Stourbridge", List.of("dudley"), List.of("wyre-forest"), 0, 0.78, 0.4),
          new LineStory(
              "Kash",
              "Halesowen",
              List.of("dudley"),
              List.of("bromsgrove", "wyre-forest"),
              0.45,
              1,
              0.85),
          new LineStory(
              "Tino",
              "Rednal",
              List.of("birmingham", "solihull"),
              List.of("redditch", "bromsgrove"),
              0.7,
              1,
              0.9));

  private record ShopStory(
      String name,
      Shop.Kind kind,
      String street,
      String town,
      String district,
      String sector,
      Shop.Profile profile,
      Optional<String> line,
      boolean uprnKnown) {}

  /**
   * The premises, one a line: name, kind, street, town, district, the postcode sector the street
   * lies in, what the premises is up to, the line it serves (or -), and whether agencies know its
   * UPRN. Five have none, so they match across agencies by name, address and postcode instead.
   */
  private static final String SHOP_TABLE =
      """
      Cloud Nine Vapes           | VAPE_SHOP         | Alcester Street     | Redditch            | redditch    | B97 4  | UNDER_AGE_SALES | -    | uprn
      Vape Haven                 | VAPE_SHOP         | Evesham Street      | Redditch            | redditch    | B97 4  | ILLICIT_STOCK   | -    | uprn
      Church Green Convenience   | CONVENIENCE_STORE | Church Green East   | Redditch            | redditch    | B98 8  | UNDER_AGE_SALES | -    | uprn
      Unicorn Hill Food and Wine | CONVENIENCE_STORE | Unicorn Hill        | Redditch            | redditch    | B97 4  | ILLICIT_STOCK   | -    | uprn
      Golden Fryer               | TAKEAWAY          | Prospect Hill       | Redditch            | redditch    | B97 4  | LINE_LINKED     | Milo | uprn
      Fix-It Phones              | PHONE_SHOP        | Ipsley Street       | Redditch            | redditch    | B98 8  | LINE_LINKED     | Dex  | uprn
      Winyates Minimart          | CONVENIENCE_STORE | Winyates Centre     | Redditch            | redditch    | B98 0  | UNDER_AGE_SALES | -    | uprn
      Batchley Express           | CONVENIENCE_STORE | Batchley Road       | Redditch            | redditch    | B97 6  | CLEAN           | -    | uprn
      Matchborough Pizza         | TAKEAWAY          | Matchborough Centre | Redditch            | redditch    | B98 0  | CLEAN           | -    | none
      Puff Point                 | VAPE_SHOP         | High Street         | Bromsgrove          | bromsgrove  | B61 8  | ILLICIT_STOCK   | -    | uprn
      The Vape Cellar            | VAPE_SHOP         | Worcester Road      | Bromsgrove          | bromsgrove  | B61 7  | UNDER_AGE_SALES | -    | uprn
      Sidemoor Stores            | CONVENIENCE_STORE | Broad Street        | Bromsgrove          | bromsgrove  | B61 8  | CLEAN           | -    | uprn
      Catshill Late Shop         | CONVENIENCE_STORE | Golden Cross Lane   | Catshill            | bromsgrove  | B61 0  | UNDER_AGE_SALES | -    | none
      Hillside Grill             | TAKEAWAY          | Birmingham Road     | Bromsgrove          | bromsgrove  | B61 8  | LINE_LINKED     | Dex  | uprn
      Fade Masters               | BARBER            | New Road            | Bromsgrove          | bromsgrove  | B60 2  | LINE_LINKED     | Kash | uprn
      Hagley Food and Wine       | CONVENIENCE_STORE | Worcester Road      | Hagley              | bromsgrove  | DY9 0  | ILLICIT_STOCK   | -    | uprn
      Wythall Vape Co            | VAPE_SHOP         | Station Road        | Wythall             | bromsgrove  | B47 6  | CLEAN           | -    | none
      Mist and Co Vapes          | VAPE_SHOP         | Worcester Street    | Kidderminster       | wyre-forest | DY10 1 | ILLICIT_STOCK   | -    | uprn
      Comberton Convenience      | CONVENIENCE_STORE | Comberton Hill      | Kidderminster       | wyre-forest | DY10 1 | UNDER_AGE_SALES | -    | uprn
      Carpet Town Kebab House    | TAKEAWAY          | Blackwell Street    | Kidderminster       | wyre-forest | DY10 2 | LINE_LINKED     | Benz | uprn
      Swift Phones and Repairs   | PHONE_SHOP        | Coventry Street     | Kidderminster       | wyre-forest | DY10 2 | LINE_LINKED     | Benz | uprn
      Vapestation                | VAPE_SHOP         | High Street         | Stourport-on-Severn | wyre-forest | DY13 8 | UNDER_AGE_SALES | -    | uprn
      Riverside Mini Market      | CONVENIENCE_STORE | Bridge Street       | Stourport-on-Severn | wyre-forest | DY13 8 | ILLICIT_STOCK   | -    | none
      Load Street Stores         | CONVENIENCE_STORE | Load Street         | Bewdley             | wyre-forest | DY12 2 | CLEAN           | -    | uprn
      Franche Fish Bar           | TAKEAWAY          | Franche Road        | Kidderminster       | wyre-forest | DY11 5 | LINE_LINKED     | Kash | none
      """;

  private static final List<ShopStory> SHOPS =
      SHOP_TABLE
          .lines()
          .map(line -> List.of(line.split("\\|")).stream().map(String::strip).toList())
          .map(
              f ->
                  new ShopStory(
                      f.get(0),
                      Shop.Kind.valueOf(f.get(1)),
                      f.get(2),
                      f.get(3),
                      f.get(4),
                      f.get(5),
                      Shop.Profile.valueOf(f.get(6)),
                      f.get(7).equals("-") ? Optional.empty() : Optional.of(f.get(7)),
                      f.get(8).equals("uprn")))
          .toList();

  private static final List<String> CARS =
      List.of(
          "grey Vauxhall Corsa",
          "black Audi hatchback",
          "silver Toyota Yaris",
          "white Volkswagen Golf",
          "dark blue Ford Fiesta",
          "red Seat Leon",
          "black Mercedes saloon",
          "grey Kia Sportage",
          "white Peugeot 208",
          "black Range Rover Evoque",
          "silver Nissan Qashqai",
          "blue BMW hatchback");

  private static final List<String> PLATFORMS = List.of("snapchat", "instagram", "tiktok");
  private static final List<String> HANDLE_ENDINGS =
      List.of("link", "247", "plugs", "deals", "moves", "drops", "xtra", "official");

  /** Letters of current-format marks (no I or Q), which keeps the fake marks well formed. */
  private static final String MARK_LETTERS = "ABCDEFGHJKLMNOPRSTUVWXYZ";

  private static final List<String> YOUNG_PEOPLE =
      List.of(
          "Casey Demo-Alder",
          "Jordan Demo-Birch",
          "Riley Demo-Cedar",
          "Morgan Demo-Elm",
          "Taylor Demo-Hazel",
          "Sam Demo-Rowan",
          "Alex Demo-Willow",
          "Charlie Demo-Yew");

  private static final List<String> YOUNG_PEOPLE_DISTRICTS =
      List.of(
          "redditch",
          "redditch",
          "redditch",
          "bromsgrove",
          "bromsgrove",
          "bromsgrove",
          "wyre-forest",
          "wyre-forest");

  private final Places places;
  private final List<DealLine> lines;
  private final List<Shop> shops;
  private final List<YoungPerson> youngPeople;
  private final List<Identifier> supplyIdentifiers;
  private final List<Identifier> recruitmentHandles;

  private World(
      Places places,
      List<DealLine> lines,
      List<Shop> shops,
      List<YoungPerson> youngPeople,
      List<Identifier> supplyIdentifiers,
      List<Identifier> recruitmentHandles) {
    this.places = places;
    this.lines = List.copyOf(lines);
    this.shops = List.copyOf(shops);
    this.youngPeople = List.copyOf(youngPeople);
    this.supplyIdentifiers = List.copyOf(supplyIdentifiers);
    this.recruitmentHandles = List.copyOf(recruitmentHandles);
  }

  public static World build(long seed) {
    var random = new SplittableRandom(seed);
    var places = new Places(Gazetteer.bundled());
    var numbers = new Draws(random);
    var lines = new ArrayList<DealLine>();
    for (LineStory story : LINES) {
      lines.add(line(story, numbers, random));
    }
    var shops = new ArrayList<Shop>();
    for (int i = 0; i < SHOPS.size(); i++) {
      shops.add(shop(SHOPS.get(i), i, places, random));
    }
    var youngPeople = new ArrayList<YoungPerson>();
    for (int i = 0; i < YOUNG_PEOPLE.size(); i++) {
      String district = YOUNG_PEOPLE_DISTRICTS.get(i);
      var linesThere = lines.stream().filter(l -> l.targetDistricts().contains(district)).toList();
      youngPeople.add(
          new YoungPerson(
              YOUNG_PEOPLE.get(i),
              district,
              Weighted.any(linesThere, random).name(),
              9 + random.nextInt(3)));
    }
    String domain =
        Weighted.any(
            List.of("cloudpuff-wholesale", "vapedirect-trade", "bigpuff-supplies"), random);
    var supply =
        List.of(
            new Identifier(IdentifierType.PHONE, numbers.phone(), false, "a wholesale order line"),
            new Identifier(
                IdentifierType.EMAIL, "orders@" + domain + ".example", false, "a trade email"),
            new Identifier(
                IdentifierType.VEHICLE, numbers.mark("ZZ"), false, "a white Ford Transit van"));
    var recruitment =
        List.of(
            new Identifier(
                IdentifierType.SOCIAL_MEDIA,
                "instagram:@xx_fake_easy_money_wm",
                false,
                "an account advertising easy money"),
            new Identifier(
                IdentifierType.SOCIAL_MEDIA,
                "tiktok:@xx_fake_cash_jobs_" + (10 + random.nextInt(90)),
                false,
                "an account offering cash jobs"));
    return new World(places, lines, shops, youngPeople, supply, recruitment);
  }

  public Places places() {
    return places;
  }

  public List<DealLine> lines() {
    return lines;
  }

  public DealLine line(String name) {
    return lines.stream()
        .filter(l -> l.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no line " + name));
  }

  public List<Shop> shops() {
    return shops;
  }

  public List<YoungPerson> youngPeople() {
    return youngPeople;
  }

  /** The illicit vape wholesaler's order line, trade email and van. */
  public List<Identifier> supplyIdentifiers() {
    return supplyIdentifiers;
  }

  /** Accounts that recruit children for any line that pays. */
  public List<Identifier> recruitmentHandles() {
    return recruitmentHandles;
  }

  /** Every identifier meant to be reported by more than one agency. */
  public List<Identifier> sharedIdentifiers() {
    return Stream.of(
            lines.stream().flatMap(l -> l.identifiers().stream()).toList(),
            supplyIdentifiers,
            recruitmentHandles)
        .flatMap(List::stream)
        .toList();
  }

  /** A phone number of nobody in particular, for one-off mentions. */
  public static Identifier oneOffPhone(RandomGenerator random) {
    return new Identifier(
        IdentifierType.PHONE, "07700 " + (900500 + random.nextInt(500)), false, "a mobile");
  }

  /** A car of nobody in particular, for one-off mentions. */
  public static Identifier oneOffVehicle(RandomGenerator random) {
    return new Identifier(
        IdentifierType.VEHICLE, mark("ZY", random), false, "a " + Weighted.any(CARS, random));
  }

  private static DealLine line(LineStory story, Draws numbers, RandomGenerator random) {
    var endings = new ArrayList<>(HANDLE_ENDINGS);
    var platforms = new ArrayList<>(PLATFORMS);
    List<Identifier> handles = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      String platform = platforms.remove(random.nextInt(platforms.size()));
      String ending = endings.remove(random.nextInt(endings.size()));
      handles.add(
          new Identifier(
              IdentifierType.SOCIAL_MEDIA,
              platform + ":@xx_fake_" + story.name().toLowerCase(Locale.ROOT) + "_" + ending,
              false,
              "a " + capitalised(platform) + " account"));
    }
    List<Identifier> vehicles =
        List.of(
            new Identifier(IdentifierType.VEHICLE, numbers.mark("ZZ"), false, "a " + numbers.car()),
            new Identifier(
                IdentifierType.VEHICLE, numbers.mark("ZZ"), false, "a " + numbers.car()));
    return new DealLine(
        story.name(),
        story.originTown(),
        story.sources(),
        story.targets(),
        story.startsAt(),
        story.endsAt(),
        story.switchAt(),
        new Identifier(IdentifierType.PHONE, numbers.phone(), true, "the line's number"),
        new Identifier(IdentifierType.PHONE, numbers.phone(), true, "the line's new number"),
        new Identifier(IdentifierType.PHONE, numbers.phone(), false, "a runner's phone"),
        vehicles,
        handles);
  }

  private static Shop shop(ShopStory story, int index, Places places, RandomGenerator random) {
    Spot spot = places.spotInSector(story.district(), story.town(), story.sector(), random);
    // 99 then the district and the shop's place in the list: never a council's real range.
    Optional<String> uprn =
        story.uprnKnown()
            ? Optional.of(
                String.format(
                    "99%02d%04d%04d",
                    districtNumber(story.district()), index, random.nextInt(10_000)))
            : Optional.empty();
    return new Shop(
        story.name(),
        story.kind(),
        (1 + random.nextInt(160)) + " " + story.street() + ", " + story.town(),
        story.town(),
        story.district(),
        spot.fullPostcode(),
        uprn,
        Places.near(spot.centre(), random),
        story.profile(),
        story.line());
  }

  private static int districtNumber(String district) {
    return switch (district) {
      case "redditch" -> 36;
      case "bromsgrove" -> 34;
      default -> 39;
    };
  }

  private static String mark(String memoryTag, RandomGenerator random) {
    // Age identifiers of 2015 to 2024 (March and September), so the marks look current.
    int age = Weighted.chance(0.5, random) ? 15 + random.nextInt(10) : 65 + random.nextInt(10);
    var letters = new StringBuilder();
    for (int i = 0; i < 3; i++) {
      letters.append(MARK_LETTERS.charAt(random.nextInt(MARK_LETTERS.length())));
    }
    return memoryTag + age + " " + letters;
  }

  private static String capitalised(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }

  /** Draws values that must not repeat within one world: numbers, marks, car descriptions. */
  private static final class Draws {

    private final RandomGenerator random;
    private final LinkedHashSet<String> used = new LinkedHashSet<>();
    private final List<String> cars = new ArrayList<>(CARS);

    Draws(RandomGenerator random) {
      this.random = random;
    }

    /** Shared numbers come from 900100 to 900499; one-off ones from 900500 up never clash. */
    String phone() {
      return unique(() -> "07700 " + (900100 + random.nextInt(400)));
    }

    String mark(String memoryTag) {
      return unique(() -> World.mark(memoryTag, random));
    }

    String car() {
      return cars.remove(random.nextInt(cars.size()));
    }

    private String unique(Supplier<String> draw) {
      String value;
      do {
        value = draw.get();
      } while (!used.add(value));
      return value;
    }
  }
}
