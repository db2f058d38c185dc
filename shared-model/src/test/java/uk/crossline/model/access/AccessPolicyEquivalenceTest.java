package uk.crossline.model.access;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.crossline.model.access.NorthWorcestershire.AGENCIES;
import static uk.crossline.model.access.NorthWorcestershire.ANALYST;
import static uk.crossline.model.access.NorthWorcestershire.PARTNERSHIP;
import static uk.crossline.model.access.NorthWorcestershire.POLICY;
import static uk.crossline.model.access.NorthWorcestershire.REDDITCH_BC;
import static uk.crossline.model.access.NorthWorcestershire.WEST_MERCIA_POLICE;
import static uk.crossline.model.access.NorthWorcestershire.agency;
import static uk.crossline.model.access.NorthWorcestershire.caller;
import static uk.crossline.model.access.NorthWorcestershire.event;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.crossline.model.AgencyId;
import uk.crossline.model.AgencyType;
import uk.crossline.model.Caller;
import uk.crossline.model.Role;
import uk.crossline.model.access.NorthWorcestershire.EventSpec;
import uk.crossline.model.vocabulary.Category;
import uk.crossline.model.vocabulary.Tlp;

/**
 * The in-memory decisions and the filters search puts into its queries are the same rule: for every
 * caller of every demo agency with each plausible set of roles, and every event of an exhaustive
 * set (each marking, scope, originating agency, category, status and grant), each decision agrees
 * with its filter evaluated on the event's document: on the fields that decide it, and on the reach
 * the indexer stamps into the document from the same policy.
 */
class AccessPolicyEquivalenceTest {

  /** A rule both ways: the decision on one event, and the filter for the same caller. */
  private record Rule(
      String name,
      BiPredicate<Caller, EventAccess> decision,
      Function<Caller, AccessFilter> filter) {}

  private static final List<Rule> RULES =
      List.of(
          new Rule("canSee", POLICY::canSee, POLICY::filterFor),
          new Rule("mayLearnOfMatch", POLICY::mayLearnOfMatch, POLICY::matchDisclosureFilterFor),
          new Rule("mayBeAlerted", POLICY::mayBeAlerted, POLICY::alertFilterFor),
          new Rule("countsInStatistics", POLICY::countsInStatistics, POLICY::statisticsFilterFor));

  /**
   * Each demo agency with each plausible role set and the realm's users of that agency (grouped by
   * agency, so each agency's events are built once), then two impostors.
   */
  static Stream<Named<Caller>> callers() {
    List<Named<Caller>> callers = new ArrayList<>();
    Map<String, Set<Role>> roleSets = new LinkedHashMap<>();
    roleSets.put("every role", EnumSet.allOf(Role.class));
    roleSets.put("analyst", ANALYST);
    roleSets.put("alerts and statistics", EnumSet.of(Role.SUBSCRIBE_ALERTS, Role.READ_STATISTICS));
    roleSets.put("no role", EnumSet.noneOf(Role.class));
    List<Caller> realmUsers = NorthWorcestershire.realmUsers();
    for (AgencyId agency : AGENCIES) {
      roleSets.forEach(
          (label, roles) ->
              callers.add(Named.of(agency + " (" + label + ")", caller(agency, roles))));
      realmUsers.stream()
          .filter(user -> user.agency().equals(agency))
          .forEach(user -> callers.add(Named.of("realm user " + user.username(), user)));
    }
    callers.add(
        Named.of(
            "west-mercia-police claiming LOCAL_AUTHORITY",
            new Caller(
                "x",
                "x",
                WEST_MERCIA_POLICE,
                AgencyType.LOCAL_AUTHORITY,
                EnumSet.allOf(Role.class))));
    callers.add(
        Named.of(
            "an agency outside the partnership",
            new Caller(
                "y",
                "y",
                AgencyId.of("worcester-city-council"),
                AgencyType.LOCAL_AUTHORITY,
                EnumSet.allOf(Role.class))));
    return callers.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("callers")
  void everyDecisionAgreesWithItsFilterOnEveryEvent(Caller caller) {
    Events events = eventsFor(caller);
    List<String> disagreements = new ArrayList<>(events.readBackErrors());
    int seen = 0;
    for (Rule rule : RULES) {
      AccessFilter filter = rule.filter().apply(caller);
      for (Case each : events.cases()) {
        boolean decided = rule.decision().test(caller, each.access());
        Map<String, Boolean> filtered =
            Map.of(
                "filter",
                filter.matches(each.document()),
                "filter on the fields",
                filter.byFields().matches(each.document()),
                "filter on the stamped reach",
                filter.byReach().matches(each.stamped()));
        filtered.forEach(
            (form, matched) -> {
              if (decided != matched) {
                disagreements.add(
                    rule.name()
                        + " "
                        + decided
                        + " but its "
                        + form
                        + " "
                        + matched
                        + " on "
                        + each.label()
                        + " "
                        + each.access());
              }
            });
        if (rule.name().equals("canSee") && decided) {
          seen++;
        }
      }
    }

    assertThat(disagreements.size())
        .as(
            "of %d events, %d disagreements, the first: %s",
            events.cases().size(), disagreements.size(), disagreements.stream().limit(5).toList())
        .isZero();
    // Not vacuous: whoever may search sees something, whoever may not sees nothing.
    if (POLICY.maySearch(caller)) {
      assertThat(seen).isPositive();
    } else {
      assertThat(seen).isZero();
    }
  }

  /** An event, its document as written before the reach was known, and as the indexer stamps it. */
  private record Case(
      String label, EventAccess access, Map<String, Object> document, Map<String, Object> stamped) {

    Case(String label, EventAccess access, Map<String, Object> document) {
      this(label, access, document, stamped(document));
    }

    private static Map<String, Object> stamped(Map<String, Object> document) {
      Map<String, Object> stamped = new LinkedHashMap<>(document);
      POLICY.stampReach(stamped);
      return stamped;
    }
  }

  /** The events of one caller's agency, each as described and, where reportable, as real. */
  private record Events(
      AgencyId agency, AgencyType type, List<Case> cases, List<String> readBackErrors) {}

  /** The last agency's events: building them is most of the test's time. */
  private static Events lastBuilt;

  private static synchronized Events eventsFor(Caller caller) {
    if (lastBuilt != null
        && lastBuilt.agency().equals(caller.agency())
        && lastBuilt.type() == caller.agencyType()) {
      return lastBuilt;
    }
    List<Case> cases = new ArrayList<>();
    List<String> readBackErrors = new ArrayList<>();
    for (EventSpec spec : everyEventFor(caller)) {
      cases.add(new Case("as described", spec.accessAsDescribed(), spec.documentAsDescribed()));
      if (spec.isReportable()) {
        Map<String, Object> document = spec.document();
        EventAccess access = spec.access();
        // The event and the document the indexer makes of it tell the policy the same.
        if (!EventAccess.fromDocument(document).equals(access)) {
          readBackErrors.add("document reads back differently: " + access);
        }
        cases.add(new Case("real event", access, document));
      }
    }
    lastBuilt = new Events(caller.agency(), caller.agencyType(), cases, readBackErrors);
    return lastBuilt;
  }

  /**
   * Every marking × scope (each subset of: the caller named, another agency named, the caller's
   * agency type, another type) × originating agency × category × status × grants (none, the caller,
   * another agency).
   */
  private static List<EventSpec> everyEventFor(Caller caller) {
    AgencyId other = caller.agency().equals(REDDITCH_BC) ? WEST_MERCIA_POLICE : REDDITCH_BC;
    AgencyType otherType =
        caller.agencyType() == AgencyType.POLICE ? AgencyType.EDUCATION : AgencyType.POLICE;
    List<EventSpec> events = new ArrayList<>();
    for (Tlp tlp : Tlp.values()) {
      for (int scope = 0; scope < 16; scope++) {
        for (AgencyId originator : AGENCIES) {
          for (Category category : Category.values()) {
            for (boolean retracted : new boolean[] {false, true}) {
              for (int grant = 0; grant < 3; grant++) {
                EventSpec spec = event().from(originator).tlp(tlp).category(category);
                if ((scope & 1) != 0) {
                  spec.naming(caller.agency());
                }
                if ((scope & 2) != 0) {
                  spec.naming(other);
                }
                if ((scope & 4) != 0) {
                  spec.sharedWithTypes(caller.agencyType());
                }
                if ((scope & 8) != 0) {
                  spec.sharedWithTypes(otherType);
                }
                if (retracted) {
                  spec.retracted();
                }
                if (grant == 1) {
                  spec.grantedTo(caller.agency());
                } else if (grant == 2) {
                  spec.grantedTo(other);
                }
                events.add(spec);
              }
            }
          }
        }
      }
    }
    return events;
  }

  @Test
  void everyFieldTheFiltersReadIsAKeywordOfTheIndexTemplate() throws IOException {
    JsonNode template =
        JsonMapper.builder()
            .build()
            .readTree(
                Files.readString(
                    Path.of(
                        "..",
                        "infra",
                        "elasticsearch",
                        "index-templates",
                        "crossline-intelligence.json")));
    JsonNode properties = template.at("/template/mappings/properties");

    for (String field :
        List.of(
            Fields.STATUS,
            Fields.AGENCY_ID,
            Fields.TLP,
            Fields.SCOPE_AGENCIES,
            Fields.SCOPE_AGENCY_TYPES,
            Fields.CATEGORY,
            Fields.GRANTS,
            Fields.REACH,
            Fields.REACH_POLICY)) {
      JsonNode mapping = properties;
      String[] path = field.split("\\.");
      for (int i = 0; i < path.length; i++) {
        mapping = i == 0 ? mapping.path(path[i]) : mapping.path("properties").path(path[i]);
      }
      assertThat(mapping.path("type").stringValue("")).as(field).isEqualTo("keyword");
    }
  }

  @Test
  void everyFieldTheFiltersReadIsWrittenByTheIndexer() {
    Map<String, Object> document =
        event()
            .tlp(Tlp.AMBER)
            .naming(REDDITCH_BC)
            .sharedWithTypes(AgencyType.POLICE)
            .grantedTo(WEST_MERCIA_POLICE)
            .from(agency(NorthWorcestershire.TRADING_STANDARDS).id())
            .document();

    for (String field :
        List.of(
            Fields.STATUS,
            Fields.AGENCY_ID,
            Fields.TLP,
            Fields.SCOPE_AGENCIES,
            Fields.SCOPE_AGENCY_TYPES,
            Fields.CATEGORY,
            Fields.GRANTS)) {
      assertThat(DocumentValues.of(document, field)).as(field).isNotEmpty();
    }
    assertThat(PARTNERSHIP.agencies()).hasSize(AGENCIES.size());

    POLICY.stampReach(document);
    assertThat(DocumentValues.of(document, Fields.REACH))
        .containsExactly(
            POLICY.reachPolicy() + "/" + REDDITCH_BC,
            POLICY.reachPolicy() + "/" + WEST_MERCIA_POLICE,
            POLICY.reachPolicy() + "/" + NorthWorcestershire.TRADING_STANDARDS);
    assertThat(DocumentValues.of(document, Fields.REACH_POLICY))
        .containsExactly(POLICY.reachPolicy());
  }

  @Test
  void theReachPolicyIsTheSameForTheSamePartnershipAndChangesWithWhatDecidesTheReach() {
    assertThat(new AccessPolicy(Partnership.bundled()).reachPolicy())
        .isEqualTo(POLICY.reachPolicy())
        .matches("[0-9a-f]{16}");

    assertThat(changedAgreement().reachPolicy()).isNotEqualTo(POLICY.reachPolicy());
  }

  /**
   * After the partnership changes, a document the indexer stamped under the old one matches no
   * filter's reach (it hides rather than shows) and counts as unstamped, so search reads the fields
   * until the projection is rebuilt.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("callers")
  void aDocumentStampedUnderAnotherPolicyMatchesNoReachAndCountsAsUnstamped(Caller caller) {
    AccessPolicy before = changedAgreement();
    Map<String, Object> document = event().tlp(Tlp.CLEAR).from(WEST_MERCIA_POLICE).document();
    Map<String, Object> stampedBefore = new LinkedHashMap<>(document);
    before.stampReach(stampedBefore);
    Map<String, Object> stampedNow = new LinkedHashMap<>(document);
    POLICY.stampReach(stampedNow);

    for (Rule rule : List.of(RULES.get(0), RULES.get(2), RULES.get(3))) {
      AccessFilter filter = rule.filter().apply(caller);
      assertThat(filter.byReach().matches(stampedBefore)).as(rule.name()).isFalse();
      assertThat(filter.byReach().matches(stampedNow))
          .as(rule.name())
          .isEqualTo(rule.decision().test(caller, EventAccess.fromDocument(document)));
    }
    assertThat(POLICY.unstamped().matches(document)).isTrue();
    assertThat(POLICY.unstamped().matches(stampedBefore)).isTrue();
    assertThat(POLICY.unstamped().matches(stampedNow)).isFalse();
  }

  @Test
  void aRetractedDocumentReachesNobodyAndNeedsNoStamp() {
    Map<String, Object> document =
        event().tlp(Tlp.CLEAR).from(WEST_MERCIA_POLICE).retracted().document();

    POLICY.stampReach(document);

    assertThat(DocumentValues.of(document, Fields.REACH)).isEmpty();
    document.remove(Fields.REACH_POLICY);
    assertThat(POLICY.unstamped().matches(document)).isFalse();
  }

  /** The bundled partnership with the police's agreement letting AMBER by type reach it or not. */
  private static AccessPolicy changedAgreement() {
    Map<AgencyType, Agreement> types = new EnumMap<>(PARTNERSHIP.typeAgreements());
    Agreement police = types.get(AgencyType.POLICE);
    types.put(
        AgencyType.POLICE,
        new Agreement(
            police.search(),
            police.alerts(),
            police.statistics(),
            police.markings(),
            !police.amberByAgencyType(),
            police.categories()));
    return new AccessPolicy(
        new Partnership(
            PARTNERSHIP.version(),
            PARTNERSHIP.name(),
            PARTNERSHIP.agencies(),
            types,
            PARTNERSHIP.agencyAgreements(),
            PARTNERSHIP.matchDisclosure(),
            PARTNERSHIP.fieldAccess()));
  }
}
