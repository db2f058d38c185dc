package uk.crossline.demo.report;

import static uk.crossline.demo.world.Weighted.option;

import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import uk.crossline.demo.world.Weighted;
import uk.crossline.model.AgencyType;
import uk.crossline.model.vocabulary.Tlp;

/**
 * How each agency marks what it shares, in the proportions a partnership sees: mostly GREEN and
 * AMBER, police and safeguarding leads stricter than councils and trading standards, RED rare.
 */
final class Markings {

  static final String WEST_MERCIA_POLICE = "west-mercia-police";
  static final String WEST_MIDLANDS_POLICE = "west-midlands-police";
  static final String TRADING_STANDARDS = "worcs-trading-standards";

  private static final Weighted<Tlp> POLICE =
      Weighted.of(
          option(Tlp.CLEAR, 3),
          option(Tlp.GREEN, 35),
          option(Tlp.AMBER, 40),
          option(Tlp.AMBER_STRICT, 15),
          option(Tlp.RED, 7));
  private static final Weighted<Tlp> NEIGHBOURING_FORCE =
      Weighted.of(
          option(Tlp.GREEN, 20),
          option(Tlp.AMBER, 50),
          option(Tlp.AMBER_STRICT, 25),
          option(Tlp.RED, 5));
  private static final Weighted<Tlp> TRADING =
      Weighted.of(option(Tlp.CLEAR, 15), option(Tlp.GREEN, 60), option(Tlp.AMBER, 25));
  private static final Weighted<Tlp> SAFEGUARDING =
      Weighted.of(
          option(Tlp.GREEN, 33),
          option(Tlp.AMBER, 52),
          option(Tlp.AMBER_STRICT, 12),
          option(Tlp.RED, 3));
  private static final Weighted<Tlp> COUNCIL =
      Weighted.of(
          option(Tlp.CLEAR, 12),
          option(Tlp.GREEN, 50),
          option(Tlp.AMBER, 33),
          option(Tlp.AMBER_STRICT, 5));

  private Markings() {}

  /** The council of a district of the partnership or its neighbour Wychavon. */
  static Optional<String> councilOf(String district) {
    return switch (district) {
      case "redditch" -> Optional.of("redditch-bc");
      case "bromsgrove" -> Optional.of("bromsgrove-dc");
      case "wyre-forest" -> Optional.of("wyre-forest-dc");
      case "wychavon" -> Optional.of("wychavon-dc");
      default -> Optional.empty();
    };
  }

  /**
   * @param premises the report names a business, which trading standards may need to see
   */
  static Form.Marking draw(
      Submitter submitter, String district, boolean premises, RandomGenerator random) {
    Tlp tlp = tlps(submitter).draw(random);
    return switch (tlp) {
      case CLEAR, GREEN -> new Form.Marking(tlp, false, List.of(), List.of());
      case RED -> new Form.Marking(tlp, true, List.of(), List.of());
      case AMBER_STRICT ->
          new Form.Marking(
              tlp, true, strictAgencies(submitter, district, premises, random), List.of());
      case AMBER -> amber(submitter, district, premises, random);
    };
  }

  private static Weighted<Tlp> tlps(Submitter submitter) {
    return switch (submitter) {
      case POLICE_ANALYST -> POLICE;
      case WMP_ANALYST -> NEIGHBOURING_FORCE;
      case TS_OFFICER -> TRADING;
      case SCHOOL_LEAD, YOUTH_MENTOR -> SAFEGUARDING;
      case REDDITCH_CSO, BROMSGROVE_CSO, WYRE_FOREST_CSO -> COUNCIL;
    };
  }

  private static List<String> strictAgencies(
      Submitter submitter, String district, boolean premises, RandomGenerator random) {
    String council = councilOf(district).orElse(WEST_MERCIA_POLICE);
    return switch (submitter) {
      case POLICE_ANALYST ->
          premises && Weighted.chance(0.5, random)
              ? List.of(TRADING_STANDARDS)
              : Weighted.any(List.of(List.of(council), List.of(WEST_MIDLANDS_POLICE)), random);
      case WMP_ANALYST -> List.of(WEST_MERCIA_POLICE);
      case SCHOOL_LEAD, YOUTH_MENTOR ->
          Weighted.chance(0.6, random)
              ? List.of(WEST_MERCIA_POLICE)
              : distinct(WEST_MERCIA_POLICE, council);
      case TS_OFFICER, REDDITCH_CSO, BROMSGROVE_CSO, WYRE_FOREST_CSO -> List.of(WEST_MERCIA_POLICE);
    };
  }

  private static Form.Marking amber(
      Submitter submitter, String district, boolean premises, RandomGenerator random) {
    String council = councilOf(district).orElse(WEST_MERCIA_POLICE);
    List<String> agencies;
    List<AgencyType> types;
    boolean sensitive;
    switch (submitter) {
      case POLICE_ANALYST -> {
        int choice = random.nextInt(4);
        agencies =
            choice == 2
                ? List.of(WEST_MIDLANDS_POLICE)
                : choice == 3 ? List.of(council) : List.of();
        types =
            choice == 3
                ? List.of()
                : premises
                    ? List.of(AgencyType.LOCAL_AUTHORITY, AgencyType.TRADING_STANDARDS)
                    : List.of(AgencyType.LOCAL_AUTHORITY);
        sensitive = Weighted.chance(0.5, random);
      }
      case WMP_ANALYST -> {
        // A neighbouring force shares AMBER with West Mercia by name, as its agreement needs.
        agencies = List.of(WEST_MERCIA_POLICE);
        types = Weighted.chance(0.3, random) ? List.of(AgencyType.POLICE) : List.of();
        sensitive = Weighted.chance(0.5, random);
      }
      case TS_OFFICER -> {
        agencies = List.of();
        types =
            Weighted.chance(0.6, random)
                ? List.of(AgencyType.POLICE, AgencyType.LOCAL_AUTHORITY)
                : List.of(AgencyType.POLICE);
        sensitive = false;
      }
      case SCHOOL_LEAD, YOUTH_MENTOR -> {
        boolean byName = Weighted.chance(0.55, random);
        agencies = byName ? distinct(WEST_MERCIA_POLICE, council) : List.of();
        types = byName ? List.of() : List.of(AgencyType.POLICE, AgencyType.LOCAL_AUTHORITY);
        sensitive = Weighted.chance(0.4, random);
      }
      case REDDITCH_CSO, BROMSGROVE_CSO, WYRE_FOREST_CSO -> {
        agencies = Weighted.chance(0.3, random) ? List.of(WEST_MERCIA_POLICE) : List.of();
        types =
            premises
                ? List.of(AgencyType.POLICE, AgencyType.TRADING_STANDARDS)
                : agencies.isEmpty() ? List.of(AgencyType.POLICE) : List.of();
        sensitive = Weighted.chance(0.1, random);
      }
      default -> throw new IllegalStateException("unreachable");
    }
    return new Form.Marking(Tlp.AMBER, sensitive, agencies, types);
  }

  private static List<String> distinct(String first, String second) {
    return first.equals(second) ? List.of(first) : List.of(first, second);
  }
}
