package uk.crossline.testsupport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.crossline.model.AgencyId;
import uk.crossline.model.AgencyType;
import uk.crossline.model.Caller;
import uk.crossline.model.Role;

/**
 * The realm's demo users as the hub sees them once their tokens are verified: agency, agency type
 * and Crossline roles. Leak tests give these to the access policy as their oracle; a test in the
 * search service holds them to what the tokens really say.
 */
public final class DemoUsers {

  /** By username, in the realm's order. */
  public static final Map<String, Caller> CALLERS = callers();

  private DemoUsers() {}

  private static Map<String, Caller> callers() {
    Map<String, Caller> users = new LinkedHashMap<>();
    users.put(
        "police.analyst",
        caller(
            "police.analyst",
            "west-mercia-police",
            AgencyType.POLICE,
            Role.SUBMIT,
            Role.SEARCH,
            Role.LINK_ANALYSIS,
            Role.SUBSCRIBE_ALERTS,
            Role.READ_STATISTICS));
    users.put(
        "wmp.analyst",
        caller(
            "wmp.analyst",
            "west-midlands-police",
            AgencyType.POLICE,
            Role.SUBMIT,
            Role.SEARCH,
            Role.LINK_ANALYSIS));
    users.put(
        "ts.officer",
        caller(
            "ts.officer",
            "worcs-trading-standards",
            AgencyType.TRADING_STANDARDS,
            Role.SUBMIT,
            Role.SEARCH,
            Role.FLAG_PREMISES,
            Role.SUBSCRIBE_ALERTS));
    for (String[] council :
        List.of(
            new String[] {"redditch.cso", "redditch-bc"},
            new String[] {"bromsgrove.cso", "bromsgrove-dc"},
            new String[] {"wyreforest.cso", "wyre-forest-dc"})) {
      users.put(
          council[0],
          caller(
              council[0],
              council[1],
              AgencyType.LOCAL_AUTHORITY,
              Role.SUBMIT,
              Role.SEARCH,
              Role.SUBSCRIBE_ALERTS,
              Role.READ_STATISTICS));
    }
    users.put(
        "school.lead",
        caller("school.lead", "nw-schools-safeguarding", AgencyType.EDUCATION, Role.SUBMIT));
    users.put(
        "youth.mentor",
        caller("youth.mentor", "nw-youth-mentoring", AgencyType.YOUTH_SERVICES, Role.SUBMIT));
    users.put(
        "wychavon.officer",
        caller(
            "wychavon.officer", "wychavon-dc", AgencyType.LOCAL_AUTHORITY, Role.SUBSCRIBE_ALERTS));
    users.put(
        "ig.auditor", caller("ig.auditor", "west-mercia-police", AgencyType.POLICE, Role.AUDIT));
    users.put(
        "scrutiny.panel",
        caller("scrutiny.panel", "redditch-bc", AgencyType.LOCAL_AUTHORITY, Role.READ_STATISTICS));
    users.put(
        "ops.admin", caller("ops.admin", "west-mercia-police", AgencyType.POLICE, Role.OPERATE));
    return Map.copyOf(users);
  }

  private static Caller caller(String username, String agency, AgencyType type, Role... roles) {
    return new Caller(username, username, AgencyId.of(agency), type, Set.of(roles));
  }
}
