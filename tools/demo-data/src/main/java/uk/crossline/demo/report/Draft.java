package uk.crossline.demo.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import uk.crossline.demo.world.DealLine;
import uk.crossline.demo.world.Identifier;
import uk.crossline.demo.world.Places;
import uk.crossline.demo.world.Shop;
import uk.crossline.demo.world.Spot;
import uk.crossline.demo.world.Weighted;
import uk.crossline.demo.world.World;
import uk.crossline.demo.world.YoungPerson;
import uk.crossline.model.vocabulary.Category;
import uk.crossline.model.vocabulary.IdentifierType;

/**
 * One report being written: the world, the period, the report's own random source, and what it has
 * gathered so far (identifiers, summary slots). Each report has its own random source, seeded from
 * the data set's seed and the report's number, so report n is the same whatever the size of the
 * data set.
 */
final class Draft {

  /** How exactly the submitter gives the place. */
  enum WhereStyle {
    FULL_POSTCODE,
    OUTWARD_CODE,
    OUTWARD_CODE_AND_WARD,
    DISTRICT,
    DISTRICT_AND_WARD
  }

  final World world;
  final Timeline timeline;
  final RandomGenerator random;
  final Submitter submitter;
  final String reference;
  private final List<Form.IdentifierEntry> identifiers = new ArrayList<>();
  private final Map<String, String> slots = new HashMap<>();

  Draft(
      World world,
      Timeline timeline,
      RandomGenerator random,
      Submitter submitter,
      String reference) {
    this.world = world;
    this.timeline = timeline;
    this.random = random;
    this.submitter = submitter;
    this.reference = reference;
  }

  boolean chance(double probability) {
    return Weighted.chance(probability, random);
  }

  <T> T any(List<T> items) {
    return Weighted.any(items, random);
  }

  /** A home district of the submitter, the busier towns more often. */
  String homeDistrict() {
    List<String> homes = submitter.homeDistricts();
    if (homes.contains("redditch")
        && homes.contains("bromsgrove")
        && homes.contains("wyre-forest")) {
      return Weighted.of(
              Weighted.option("redditch", 4),
              Weighted.option("bromsgrove", 3),
              Weighted.option("wyre-forest", 3))
          .draw(random);
    }
    return any(homes);
  }

  /** A line selling in the district, or any line if none does. */
  DealLine lineIn(String district) {
    List<DealLine> there =
        world.lines().stream().filter(l -> l.targetDistricts().contains(district)).toList();
    return any(there.isEmpty() ? world.lines() : there);
  }

  /** A time the line was active. */
  double timeOf(DealLine line) {
    return line.timeWithin(random.nextDouble());
  }

  /** A shop of the district with one of the profiles, if it has any. */
  Optional<Shop> shopIn(String district, Shop.Profile... profiles) {
    List<Shop> shops =
        world.shops().stream()
            .filter(s -> s.district().equals(district))
            .filter(s -> profiles.length == 0 || List.of(profiles).contains(s.profile()))
            .toList();
    return shops.isEmpty() ? Optional.empty() : Optional.of(any(shops));
  }

  /** A named young person of the district, drawn into the line where one is. */
  Optional<YoungPerson> youngPersonIn(String district, Optional<DealLine> line) {
    List<YoungPerson> there =
        world.youngPeople().stream().filter(p -> p.district().equals(district)).toList();
    List<YoungPerson> ofLine =
        there.stream().filter(p -> line.map(l -> l.name().equals(p.line())).orElse(true)).toList();
    List<YoungPerson> pool = ofLine.isEmpty() ? there : ofLine;
    return pool.isEmpty() ? Optional.empty() : Optional.of(any(pool));
  }

  /** Adds the identifier as this report spells it, and lets the summary describe it. */
  void mention(Identifier identifier) {
    identifiers.add(
        new Form.IdentifierEntry(
            identifier.type(), identifier.spelledBy(random), identifier.dealLine()));
    if (identifier.type() == IdentifierType.VEHICLE) {
      slots.putIfAbsent("car", identifier.description().replaceFirst("^an? ", ""));
    }
    if (identifier.type() == IdentifierType.SOCIAL_MEDIA) {
      String platform = identifier.value().substring(0, identifier.value().indexOf(':'));
      slots.putIfAbsent(
          "platform", Character.toUpperCase(platform.charAt(0)) + platform.substring(1));
    }
  }

  void mentionIf(double probability, Identifier identifier) {
    if (chance(probability)) {
      mention(identifier);
    }
  }

  /** Now and then an unrelated number or car, as real reports carry. */
  void noise(double probability) {
    if (chance(probability)) {
      mention(chance(0.5) ? World.oneOffPhone(random) : World.oneOffVehicle(random));
    }
  }

  List<Form.IdentifierEntry> identifiers() {
    return List.copyOf(identifiers);
  }

  void slot(String name, String value) {
    slots.put(name, value);
  }

  /** The facts of a place the summary may use: the town, and the ward or town as the area. */
  void placeSlots(Spot spot) {
    slots.put("town", spot.town());
    slots.put(
        "area",
        spot.ward().filter(w -> chance(0.6)).map(w -> area(w, spot.town())).orElse(spot.town()));
  }

  private static String area(String ward, String town) {
    return ward.contains(town) ? "the " + ward + " area" : "the " + ward + " area of " + town;
  }

  void lineSlots(DealLine line) {
    slots.put("line", line.label());
    slots.put("origin", line.originTown());
    slots.put("elsewhere", line.originTown());
  }

  void shopSlots(Shop shop) {
    slots.put("shop", shop.name());
    slots.put("address", shop.address());
    slots.put("town", shop.town());
    slots.put("area", shop.town());
  }

  /** A slot the templates may need, for when the report's facts did not fill it. */
  void slotUnlessFilled(String name, String value) {
    slots.putIfAbsent(name, value);
  }

  Map<String, String> slots() {
    return Map.copyOf(slots);
  }

  /**
   * The summary, sometimes with a number the submitter typed into the text as well: the intake must
   * redact it, and the demo shows that it does.
   */
  String summary(Summaries.Voice voice, String topic, Category category) {
    String text = Summaries.write(voice, topic, category, slots(), random);
    Optional<Form.IdentifierEntry> phone =
        identifiers.stream().filter(i -> i.type() == IdentifierType.PHONE).findFirst();
    if (phone.isPresent() && chance(0.08)) {
      text = text + " Number given: " + phone.get().value() + ".";
    }
    return text;
  }

  Form.Where where(Spot spot, WhereStyle style, boolean withPoint) {
    Optional<String> postcode =
        switch (style) {
          case FULL_POSTCODE -> Optional.of(spot.fullPostcode());
          case OUTWARD_CODE, OUTWARD_CODE_AND_WARD -> Optional.of(spot.outward());
          case DISTRICT, DISTRICT_AND_WARD -> Optional.empty();
        };
    boolean districtGiven =
        postcode.isEmpty()
            || spot.districtNeeded()
            || (style != WhereStyle.FULL_POSTCODE && chance(0.2));
    Optional<String> ward =
        style == WhereStyle.OUTWARD_CODE_AND_WARD || style == WhereStyle.DISTRICT_AND_WARD
            ? spot.ward()
            : Optional.empty();
    Optional<Double> latitude = Optional.empty();
    Optional<Double> longitude = Optional.empty();
    if (withPoint) {
      var point = Places.near(spot.centre(), random);
      latitude = Optional.of(point.lat());
      longitude = Optional.of(point.lon());
    }
    return new Form.Where(
        postcode,
        districtGiven ? Optional.of(spot.district()) : Optional.empty(),
        ward,
        latitude,
        longitude);
  }

  /** Where a business is: its own postcode. */
  Form.Where whereShop(Shop shop) {
    return new Form.Where(
        Optional.of(shop.postcode()),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /**
   * The premises as this agency writes it: everyone uses the same name, address and postcode, and
   * the UPRN where the shop has one, so every agency's report lands on the same premises.
   */
  Form.PremisesEntry premises(Shop shop, boolean withPoint) {
    return new Form.PremisesEntry(
        shop.name(),
        shop.address(),
        shop.postcode(),
        shop.uprn(),
        withPoint ? Optional.of(shop.point().lat()) : Optional.empty(),
        withPoint ? Optional.of(shop.point().lon()) : Optional.empty());
  }
}
