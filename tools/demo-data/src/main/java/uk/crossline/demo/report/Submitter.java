package uk.crossline.demo.report;

import java.util.List;
import uk.crossline.model.AgencyType;

/**
 * The demo users who submit, one per submitting agency of the demo partnership, each through its
 * own agency's form. Wychavon's officer only subscribes to alerts, so is not here.
 *
 * @param perMille the agency's share of the data set, in thousandths
 * @param homeDistricts where the agency's reports are mostly placed
 */
public enum Submitter {
  POLICE_ANALYST(
      "police.analyst",
      "west-mercia-police",
      AgencyType.POLICE,
      "police/reports",
      "WMC/IR",
      300,
      List.of("redditch", "bromsgrove", "wyre-forest")),
  WMP_ANALYST(
      "wmp.analyst",
      "west-midlands-police",
      AgencyType.POLICE,
      "police/reports",
      "WMP/INT",
      80,
      List.of("birmingham", "dudley", "solihull")),
  TS_OFFICER(
      "ts.officer",
      "worcs-trading-standards",
      AgencyType.TRADING_STANDARDS,
      "trading-standards/reports",
      "TS/WRS",
      140,
      List.of("redditch", "bromsgrove", "wyre-forest")),
  SCHOOL_LEAD(
      "school.lead",
      "nw-schools-safeguarding",
      AgencyType.EDUCATION,
      "safeguarding/concerns",
      "NWSS/DSL",
      130,
      List.of("redditch", "bromsgrove", "wyre-forest")),
  YOUTH_MENTOR(
      "youth.mentor",
      "nw-youth-mentoring",
      AgencyType.YOUTH_SERVICES,
      "safeguarding/concerns",
      "NWYM/MNT",
      90,
      List.of("redditch", "bromsgrove")),
  REDDITCH_CSO(
      "redditch.cso",
      "redditch-bc",
      AgencyType.LOCAL_AUTHORITY,
      "council/reports",
      "RBC/CSP",
      90,
      List.of("redditch")),
  BROMSGROVE_CSO(
      "bromsgrove.cso",
      "bromsgrove-dc",
      AgencyType.LOCAL_AUTHORITY,
      "council/reports",
      "BDC/CSP",
      85,
      List.of("bromsgrove")),
  WYRE_FOREST_CSO(
      "wyreforest.cso",
      "wyre-forest-dc",
      AgencyType.LOCAL_AUTHORITY,
      "council/reports",
      "WFDC/CSP",
      85,
      List.of("wyre-forest"));

  private final String username;
  private final String agency;
  private final AgencyType agencyType;
  private final String formPath;
  private final String referencePrefix;
  private final int perMille;
  private final List<String> homeDistricts;

  Submitter(
      String username,
      String agency,
      AgencyType agencyType,
      String formPath,
      String referencePrefix,
      int perMille,
      List<String> homeDistricts) {
    this.username = username;
    this.agency = agency;
    this.agencyType = agencyType;
    this.formPath = formPath;
    this.referencePrefix = referencePrefix;
    this.perMille = perMille;
    this.homeDistricts = homeDistricts;
  }

  /** The demo user's login in the {@code crossline} realm. */
  public String username() {
    return username;
  }

  public String agency() {
    return agency;
  }

  public AgencyType agencyType() {
    return agencyType;
  }

  /** The form's path under {@code /api/v1/}, e.g. {@code police/reports}. */
  public String formPath() {
    return formPath;
  }

  int perMille() {
    return perMille;
  }

  List<String> homeDistricts() {
    return homeDistricts;
  }

  /**
   * The agency's own reference for its report number {@code n}, in the style of its case system.
   * The seed is part of it, so two data sets never claim the same references.
   */
  String reference(long seed, int n) {
    return referencePrefix + "/D" + seed + "/" + String.format("%05d", n);
  }
}
