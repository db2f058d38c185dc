package uk.crossline.model.access;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.crossline.model.access.NorthWorcestershire.AGENCIES;
import static uk.crossline.model.access.NorthWorcestershire.BROMSGROVE_DC;
import static uk.crossline.model.access.NorthWorcestershire.POLICY;
import static uk.crossline.model.access.NorthWorcestershire.REDDITCH_BC;
import static uk.crossline.model.access.NorthWorcestershire.SCHOOLS;
import static uk.crossline.model.access.NorthWorcestershire.TRADING_STANDARDS;
import static uk.crossline.model.access.NorthWorcestershire.WEST_MERCIA_POLICE;
import static uk.crossline.model.access.NorthWorcestershire.WEST_MIDLANDS_POLICE;
import static uk.crossline.model.access.NorthWorcestershire.WYCHAVON_DC;
import static uk.crossline.model.access.NorthWorcestershire.WYRE_FOREST_DC;
import static uk.crossline.model.access.NorthWorcestershire.YOUTH_MENTORING;
import static uk.crossline.model.access.NorthWorcestershire.analyst;
import static uk.crossline.model.access.NorthWorcestershire.caller;
import static uk.crossline.model.access.NorthWorcestershire.event;
import static uk.crossline.model.access.NorthWorcestershire.realmUser;
import static uk.crossline.model.access.NorthWorcestershire.searcher;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import uk.crossline.model.AgencyId;
import uk.crossline.model.AgencyType;
import uk.crossline.model.Caller;
import uk.crossline.model.Role;
import uk.crossline.model.access.NorthWorcestershire.EventSpec;
import uk.crossline.model.vocabulary.Category;
import uk.crossline.model.vocabulary.Tlp;

/**
 * Each access rule of DESIGN.md both ways, for the demo partnership. Every visibility assertion
 * checks the in-memory decision and the search filter on the indexed document alike.
 */
class AccessPolicyTest {

  /** Whether the caller sees the event, asserted of {@code canSee} and of the search filter. */
  private static void assertSees(Caller caller, EventSpec event, boolean expected) {
    assertThat(POLICY.canSee(caller, event.access())).as("canSee").isEqualTo(expected);
    assertThat(POLICY.filterFor(caller).matches(event.document()))
        .as("search filter")
        .isEqualTo(expected);
  }

  private static void assertSees(Caller caller, EventSpec event) {
    assertSees(caller, event, true);
  }

  private static void assertDoesNotSee(Caller caller, EventSpec event) {
    assertSees(caller, event, false);
  }

  @Nested
  class Red {

    @Test
    void redEventWhenOriginatingAgencyThenVisible() {
      assertSees(analyst(WEST_MERCIA_POLICE), event().from(WEST_MERCIA_POLICE).tlp(Tlp.RED));
    }

    @ParameterizedTest
    @MethodSource("uk.crossline.model.access.AccessPolicyTest#everyAgencyButWestMerciaPolice")
    void redEventWhenAgencyIsNotTheOriginatorThenNotVisible(AgencyId agency) {
      assertDoesNotSee(
          caller(agency, EnumSet.allOf(Role.class)), event().from(WEST_MERCIA_POLICE).tlp(Tlp.RED));
    }

    @Test
    void redEventWhenAgencyNamedInScopeThenStillNotVisible() {
      // No real report is so marked; a document that said so still shows nobody else.
      EventSpec named = event().tlp(Tlp.RED).naming(REDDITCH_BC);

      assertThat(POLICY.canSee(searcher(REDDITCH_BC), named.accessAsDescribed())).isFalse();
      assertThat(POLICY.filterFor(searcher(REDDITCH_BC)).matches(named.documentAsDescribed()))
          .isFalse();
    }
  }

  @Nested
  class AmberStrict {

    @Test
    void amberStrictEventWhenAgencyNamedThenVisible() {
      assertSees(searcher(REDDITCH_BC), event().tlp(Tlp.AMBER_STRICT).naming(REDDITCH_BC));
    }

    @Test
    void amberStrictEventWhenAgencyNotNamedThenNotVisible() {
      assertDoesNotSee(searcher(BROMSGROVE_DC), event().tlp(Tlp.AMBER_STRICT).naming(REDDITCH_BC));
    }

    @Test
    void amberStrictEventWhenOnlyAgencyTypeInScopeThenNotVisible() {
      EventSpec byType = event().tlp(Tlp.AMBER_STRICT).sharedWithTypes(AgencyType.LOCAL_AUTHORITY);

      assertThat(POLICY.canSee(searcher(REDDITCH_BC), byType.accessAsDescribed())).isFalse();
      assertThat(POLICY.filterFor(searcher(REDDITCH_BC)).matches(byType.documentAsDescribed()))
          .isFalse();
    }
  }

  @Nested
  class Amber {

    @Test
    void amberEventWhenAgencyNamedThenVisible() {
      assertSees(searcher(REDDITCH_BC), event().tlp(Tlp.AMBER).naming(REDDITCH_BC));
    }

    @Test
    void amberEventWhenAgencyNotInScopeThenNotVisible() {
      assertDoesNotSee(
          searcher(BROMSGROVE_DC),
          event().tlp(Tlp.AMBER).naming(REDDITCH_BC).sharedWithTypes(AgencyType.TRADING_STANDARDS));
    }

    @Test
    void amberEventWhenAgencyTypeInScopeThenVisible() {
      EventSpec councils = event().tlp(Tlp.AMBER).sharedWithTypes(AgencyType.LOCAL_AUTHORITY);

      assertSees(searcher(REDDITCH_BC), councils);
      assertSees(searcher(BROMSGROVE_DC), councils);
      assertSees(searcher(WYRE_FOREST_DC), councils);
    }

    @Test
    void amberEventWhenOtherAgencyTypeInScopeThenNotVisible() {
      assertDoesNotSee(
          searcher(REDDITCH_BC), event().tlp(Tlp.AMBER).sharedWithTypes(AgencyType.POLICE));
    }
  }

  @Nested
  class GreenAndClear {

    @ParameterizedTest
    @EnumSource(
        value = Tlp.class,
        names = {"GREEN", "CLEAR"})
    void greenOrClearEventWhenMemberAgencyThenVisible(Tlp tlp) {
      EventSpec event = event().from(TRADING_STANDARDS).tlp(tlp).category(Category.CUCKOOING);

      assertSees(analyst(WEST_MERCIA_POLICE), event);
      assertSees(searcher(REDDITCH_BC), event);
      assertSees(searcher(BROMSGROVE_DC), event);
      assertSees(searcher(WYRE_FOREST_DC), event);
    }

    @Test
    void greenEventWhenCallerLacksSearchRoleThenNotVisible() {
      assertDoesNotSee(caller(REDDITCH_BC, Role.SUBMIT, Role.SUBSCRIBE_ALERTS), event());
      assertDoesNotSee(realmUser("ig.auditor"), event());
      assertDoesNotSee(realmUser("ops.admin"), event());
    }

    @Test
    void greenEventWhenAgencyNotInPartnershipThenNotVisible() {
      Caller stranger =
          new Caller(
              "u",
              "worcester.cso",
              AgencyId.of("worcester-city-council"),
              AgencyType.LOCAL_AUTHORITY,
              EnumSet.allOf(Role.class));

      assertThat(POLICY.maySearch(stranger)).isFalse();
      assertDoesNotSee(stranger, event());
      assertThat(POLICY.filterFor(stranger)).isEqualTo(AccessFilter.matchNone());
    }

    @Test
    void greenEventWhenTokenGivesAnotherAgencyTypeThenNotVisible() {
      Caller claimingPolice =
          new Caller("u", "u", REDDITCH_BC, AgencyType.POLICE, EnumSet.allOf(Role.class));

      assertDoesNotSee(claimingPolice, event());
      assertThat(POLICY.fieldsFor(claimingPolice)).isEqualTo(FieldAccess.none());
    }
  }

  @Nested
  class NeighbouringCouncil {

    @Test
    void greenEventWhenNeighbouringCouncilSearchesThenNotVisible() {
      Caller wychavon = caller(WYCHAVON_DC, EnumSet.allOf(Role.class));

      assertThat(POLICY.maySearch(wychavon)).isFalse();
      assertDoesNotSee(wychavon, event().tlp(Tlp.GREEN));
      assertThat(POLICY.mayLearnOfMatch(wychavon, event().tlp(Tlp.AMBER).access())).isFalse();
    }

    @Test
    void greenEventWhenNeighbouringCouncilSubscribesThenAlertedAtDistrictDetail() {
      Caller wychavon = realmUser("wychavon.officer");
      EventSpec green = event().tlp(Tlp.GREEN);

      assertThat(POLICY.alertDetail(wychavon)).isEqualTo(AlertDetail.DISTRICT);
      assertThat(POLICY.mayBeAlerted(wychavon, green.access())).isTrue();
      assertThat(POLICY.alertFilterFor(wychavon).matches(green.document())).isTrue();
    }

    @ParameterizedTest
    @EnumSource(
        value = Tlp.class,
        names = {"AMBER", "AMBER_STRICT"})
    void amberEventWhenNeighbouringCouncilNamedThenNotAlerted(Tlp tlp) {
      Caller wychavon = realmUser("wychavon.officer");
      EventSpec named = event().tlp(tlp).naming(WYCHAVON_DC);

      assertThat(POLICY.mayBeAlerted(wychavon, named.access())).isFalse();
      assertThat(POLICY.alertFilterFor(wychavon).matches(named.document())).isFalse();
    }

    @Test
    void memberCouncilWhenSubscribedThenAlertedInFull() {
      Caller redditch = realmUser("redditch.cso");
      EventSpec named = event().tlp(Tlp.AMBER).naming(REDDITCH_BC);

      assertThat(POLICY.alertDetail(redditch)).isEqualTo(AlertDetail.FULL);
      assertThat(POLICY.mayBeAlerted(redditch, named.access())).isTrue();
      assertThat(POLICY.alertFilterFor(redditch).matches(named.document())).isTrue();
    }

    @Test
    void subscriberWithoutSubscribeRoleThenNoAlerts() {
      Caller redditch = caller(REDDITCH_BC, Role.SEARCH);

      assertThat(POLICY.alertDetail(redditch)).isEqualTo(AlertDetail.NONE);
      assertThat(POLICY.mayBeAlerted(redditch, event().access())).isFalse();
    }
  }

  @Nested
  class NeighbouringForce {

    @ParameterizedTest
    @EnumSource(
        value = Tlp.class,
        names = {"AMBER", "AMBER_STRICT"})
    void amberEventWhenNeighbouringForceNamedThenVisible(Tlp tlp) {
      assertSees(realmUser("wmp.analyst"), event().tlp(tlp).naming(WEST_MIDLANDS_POLICE));
    }

    @Test
    void amberEventWhenOnlyPoliceTypeInScopeThenNotVisibleToNeighbouringForce() {
      EventSpec police =
          event().from(REDDITCH_BC).tlp(Tlp.AMBER).sharedWithTypes(AgencyType.POLICE);

      assertDoesNotSee(realmUser("wmp.analyst"), police);
      assertSees(realmUser("police.analyst"), police);
    }

    @ParameterizedTest
    @EnumSource(
        value = Tlp.class,
        names = {"GREEN", "CLEAR"})
    void greenOrClearEventWhenNeighbouringForceThenVisible(Tlp tlp) {
      assertSees(realmUser("wmp.analyst"), event().tlp(tlp));
    }

    @Test
    void neighbouringForceThenReadsNoPartnershipStatistics() {
      Caller wmp = caller(WEST_MIDLANDS_POLICE, EnumSet.allOf(Role.class));

      assertThat(POLICY.mayReadStatistics(wmp)).isFalse();
      assertThat(POLICY.countsInStatistics(wmp, event().access())).isFalse();
    }
  }

  @Nested
  class EducationAndYouthServices {

    static Stream<AgencyId> submitOnly() {
      return Stream.of(SCHOOLS, YOUTH_MENTORING);
    }

    @ParameterizedTest
    @MethodSource("submitOnly")
    void anyEventWhenEducationOrYouthServicesThenNotVisible(AgencyId agency) {
      Caller everything = caller(agency, EnumSet.allOf(Role.class));

      assertThat(POLICY.maySearch(everything)).isFalse();
      assertThat(POLICY.alertDetail(everything)).isEqualTo(AlertDetail.NONE);
      assertThat(POLICY.mayReadStatistics(everything)).isFalse();
      assertDoesNotSee(everything, event().tlp(Tlp.CLEAR));
      assertDoesNotSee(everything, event().tlp(Tlp.AMBER).naming(agency));
      assertDoesNotSee(everything, event().from(agency));
      assertThat(POLICY.mayBeAlerted(everything, event().access())).isFalse();
      assertThat(POLICY.countsInStatistics(everything, event().access())).isFalse();
    }

    @Test
    void schoolsReportWhenMemberCouncilThenVisible() {
      assertSees(searcher(REDDITCH_BC), event().from(SCHOOLS).category(Category.MISSING_EPISODE));
    }

    @Test
    void schoolsWhenAgreementLetsThemSearchThenVisibleWithoutCodeChange() {
      Partnership bundled = NorthWorcestershire.PARTNERSHIP;
      Partnership changed =
          new Partnership(
              bundled.version() + 1,
              bundled.name(),
              bundled.agencies(),
              bundled.typeAgreements(),
              java.util.Map.of(
                  SCHOOLS,
                  new Agreement(
                      true,
                      AlertDetail.NONE,
                      false,
                      Set.of(Tlp.GREEN),
                      false,
                      Set.of(Category.MISSING_EPISODE)),
                  WYCHAVON_DC,
                  bundled.agreementOf(WYCHAVON_DC).orElseThrow(),
                  WEST_MIDLANDS_POLICE,
                  bundled.agreementOf(WEST_MIDLANDS_POLICE).orElseThrow()),
              bundled.matchDisclosure(),
              bundled.fieldAccess());
      AccessPolicy policy = new AccessPolicy(changed);
      Caller school = realmUser("school.lead");
      Caller schoolThatSearches = caller(SCHOOLS, Role.SUBMIT, Role.SEARCH);
      EventSpec missing = event().category(Category.MISSING_EPISODE);

      assertThat(policy.canSee(school, missing.access())).as("no SEARCH role").isFalse();
      assertThat(policy.canSee(schoolThatSearches, missing.access())).isTrue();
      assertThat(policy.filterFor(schoolThatSearches).matches(missing.document())).isTrue();
      assertThat(policy.canSee(schoolThatSearches, event().category(Category.WEAPONS).access()))
          .isFalse();
    }
  }

  @Nested
  class TradingStandards {

    static Stream<Category> premisesRelated() {
      return Arrays.stream(Category.values()).filter(Category::premisesRelated);
    }

    static Stream<Category> notPremisesRelated() {
      return Arrays.stream(Category.values()).filter(category -> !category.premisesRelated());
    }

    @ParameterizedTest
    @MethodSource("premisesRelated")
    void premisesRelatedEventWhenTradingStandardsThenVisible(Category category) {
      assertSees(realmUser("ts.officer"), event().category(category));
    }

    @ParameterizedTest
    @MethodSource("notPremisesRelated")
    void eventNotPremisesRelatedWhenTradingStandardsThenNotVisible(Category category) {
      assertDoesNotSee(realmUser("ts.officer"), event().category(category));
      assertDoesNotSee(
          realmUser("ts.officer"),
          event().category(category).tlp(Tlp.AMBER).naming(TRADING_STANDARDS));
    }
  }

  @Nested
  class Originator {

    @ParameterizedTest
    @EnumSource(Tlp.class)
    void ownEventWhenOriginatorThenVisibleWhateverItsMarking(Tlp tlp) {
      assertSees(searcher(REDDITCH_BC), event().from(REDDITCH_BC).tlp(tlp));
    }

    @Test
    void ownEventWhenCategoryOutsideItsAgreementThenStillVisibleToOriginator() {
      assertSees(
          realmUser("ts.officer"),
          event().from(TRADING_STANDARDS).tlp(Tlp.RED).category(Category.GROOMING_TACTIC));
    }

    @Test
    void ownEventWhenRetractedThenNotVisible() {
      assertDoesNotSee(searcher(REDDITCH_BC), event().from(REDDITCH_BC).retracted());
    }

    @Test
    void anotherAgencysEventOfTheSameTypeThenNotVisibleAsOwn() {
      assertDoesNotSee(searcher(REDDITCH_BC), event().from(BROMSGROVE_DC).tlp(Tlp.RED));
    }
  }

  @Nested
  class Retracted {

    @ParameterizedTest
    @MethodSource("uk.crossline.model.access.AccessPolicyTest#everyAgency")
    void retractedEventWhenAnyAgencyThenNotVisibleNorAlertedNorCounted(AgencyId agency) {
      Caller everything = caller(agency, EnumSet.allOf(Role.class));
      EventSpec tombstone = event().from(REDDITCH_BC).retracted().grantedTo(agency);

      assertDoesNotSee(everything, tombstone);
      assertThat(POLICY.mayLearnOfMatch(everything, tombstone.access())).isFalse();
      assertThat(POLICY.mayBeAlerted(everything, tombstone.access())).isFalse();
      assertThat(POLICY.countsInStatistics(everything, tombstone.access())).isFalse();
    }

    @Test
    void retractedEventWhenItsDocumentStillHeldContentThenNotVisible() {
      EventSpec retracted = event().tlp(Tlp.CLEAR).retracted();

      assertThat(POLICY.canSee(searcher(REDDITCH_BC), retracted.accessAsDescribed())).isFalse();
      assertThat(POLICY.filterFor(searcher(REDDITCH_BC)).matches(retracted.documentAsDescribed()))
          .isFalse();
    }

    @Test
    void activeEventWhenNotRetractedThenVisible() {
      assertSees(searcher(REDDITCH_BC), event().tlp(Tlp.CLEAR));
    }
  }

  @Nested
  class Grants {

    @Test
    void grantWhenApprovedThenEventVisibleToGrantee() {
      assertSees(
          searcher(BROMSGROVE_DC),
          event().tlp(Tlp.AMBER).naming(REDDITCH_BC).grantedTo(BROMSGROVE_DC));
    }

    @Test
    void grantWhenEventOutsideGranteesAgreementThenStillVisible() {
      // The originator decided on this one event; trading standards see it though it is not
      // premises-related.
      assertSees(
          realmUser("ts.officer"),
          event().category(Category.DEAL_LINE).grantedTo(TRADING_STANDARDS));
    }

    @Test
    void grantWhenAmberStrictThenVisibleToGrantee() {
      assertSees(
          realmUser("wmp.analyst"),
          event().tlp(Tlp.AMBER_STRICT).naming(REDDITCH_BC).grantedTo(WEST_MIDLANDS_POLICE));
    }

    @Test
    void grantWhenToAnotherAgencyThenNotVisible() {
      assertDoesNotSee(
          searcher(BROMSGROVE_DC),
          event().tlp(Tlp.AMBER).naming(REDDITCH_BC).grantedTo(WYRE_FOREST_DC));
    }

    @Test
    void grantOnRedEventThenNotVisible() {
      assertDoesNotSee(searcher(BROMSGROVE_DC), event().tlp(Tlp.RED).grantedTo(BROMSGROVE_DC));
    }

    @Test
    void grantWhenAgencyMayNotSearchThenNotVisible() {
      assertDoesNotSee(
          caller(WYCHAVON_DC, EnumSet.allOf(Role.class)),
          event().tlp(Tlp.AMBER).grantedTo(WYCHAVON_DC));
      assertDoesNotSee(
          caller(SCHOOLS, EnumSet.allOf(Role.class)), event().tlp(Tlp.AMBER).grantedTo(SCHOOLS));
    }
  }

  @Nested
  class MatchDisclosure {

    /** Whether a match is disclosed, asserted of the decision and of its filter. */
    private static void assertDisclosed(Caller caller, EventSpec event, boolean expected) {
      assertThat(POLICY.mayLearnOfMatch(caller, event.access())).isEqualTo(expected);
      assertThat(POLICY.matchDisclosureFilterFor(caller).matches(event.document()))
          .isEqualTo(expected);
    }

    @Test
    void amberEventWhenSearcherNotInScopeThenMatchDisclosed() {
      assertDisclosed(realmUser("wmp.analyst"), event().tlp(Tlp.AMBER).naming(REDDITCH_BC), true);
      assertDisclosed(searcher(BROMSGROVE_DC), event().tlp(Tlp.AMBER).naming(REDDITCH_BC), true);
    }

    @Test
    void greenEventHiddenByAgreementThenMatchDisclosed() {
      assertDisclosed(realmUser("ts.officer"), event().category(Category.DEAL_LINE), true);
    }

    @ParameterizedTest
    @EnumSource(
        value = Tlp.class,
        names = {"RED", "AMBER_STRICT"})
    void redOrAmberStrictEventThenMatchNeverDisclosed(Tlp tlp) {
      assertDisclosed(searcher(BROMSGROVE_DC), event().tlp(tlp), false);
      assertDisclosed(realmUser("wmp.analyst"), event().tlp(tlp), false);
    }

    @Test
    void visibleEventThenNotDisclosedAsAHiddenMatch() {
      assertDisclosed(searcher(REDDITCH_BC), event().tlp(Tlp.AMBER).naming(REDDITCH_BC), false);
      assertDisclosed(searcher(REDDITCH_BC), event().from(REDDITCH_BC).tlp(Tlp.RED), false);
    }

    @Test
    void callerWhoMayNotSearchThenNoMatchDisclosed() {
      assertDisclosed(realmUser("wychavon.officer"), event().tlp(Tlp.AMBER), false);
      assertDisclosed(realmUser("school.lead"), event().tlp(Tlp.AMBER), false);
      assertDisclosed(realmUser("scrutiny.panel"), event().tlp(Tlp.AMBER), false);
    }

    @Test
    void retractedEventThenNoMatchDisclosed() {
      assertDisclosed(searcher(BROMSGROVE_DC), event().retracted(), false);
    }
  }

  @Nested
  class Statistics {

    @Test
    void scrutinyPanelWhenReadingStatisticsThenCountsWhatItsAgencyReceives() {
      Caller panel = realmUser("scrutiny.panel");
      EventSpec green = event().tlp(Tlp.GREEN);

      assertThat(POLICY.maySearch(panel)).isFalse();
      assertThat(POLICY.mayReadStatistics(panel)).isTrue();
      assertThat(POLICY.countsInStatistics(panel, green.access())).isTrue();
      assertThat(POLICY.statisticsFilterFor(panel).matches(green.document())).isTrue();
    }

    @Test
    void eventTheReadersAgencyMayNotSeeThenNotCounted() {
      Caller panel = realmUser("scrutiny.panel");
      EventSpec red = event().tlp(Tlp.RED);

      assertThat(POLICY.countsInStatistics(panel, red.access())).isFalse();
      assertThat(POLICY.statisticsFilterFor(panel).matches(red.document())).isFalse();
    }
  }

  @Nested
  class Fields {

    @Test
    void restrictedFieldsWhenPoliceAnalystThenVisible() {
      FieldAccess fields = POLICY.fieldsFor(realmUser("police.analyst"));

      assertThat(fields.identifierTokens()).isTrue();
      assertThat(fields.subjectTokens()).isTrue();
      assertThat(fields.gradingDetail()).isTrue();
      assertThat(fields.hiddenDocumentFields()).isEmpty();
      assertThat(POLICY.fieldsFor(realmUser("wmp.analyst"))).isEqualTo(fields);
    }

    @Test
    void restrictedFieldsWhenPoliceWithoutLinkAnalysisThenHidden() {
      assertThat(POLICY.fieldsFor(searcher(WEST_MERCIA_POLICE))).isEqualTo(FieldAccess.none());
    }

    @Test
    void restrictedFieldsWhenOtherAgencyTypeWithLinkAnalysisThenHidden() {
      for (AgencyId agency : Set.of(REDDITCH_BC, TRADING_STANDARDS)) {
        assertThat(POLICY.fieldsFor(caller(agency, EnumSet.allOf(Role.class))))
            .isEqualTo(FieldAccess.none());
      }
    }

    @Test
    void handlingConditionsWhenAnyoneWhoSeesTheEventThenShown() {
      assertThat(POLICY.fieldsFor(realmUser("redditch.cso")).hiddenDocumentFields())
          .containsExactly(
              "identifiers.token",
              "subjects.token",
              "grading.source",
              "grading.intelligence",
              "grading.handling")
          .doesNotContain("grading.conditions", "grading.graded", "identifiers.type");
    }
  }

  static Stream<AgencyId> everyAgency() {
    return AGENCIES.stream();
  }

  static Stream<AgencyId> everyAgencyButWestMerciaPolice() {
    return AGENCIES.stream().filter(agency -> !agency.equals(WEST_MERCIA_POLICE));
  }
}
