package uk.crossline.model.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.crossline.model.event.EventFixtures.PHONE_TOKEN;
import static uk.crossline.model.event.EventFixtures.REDDITCH_BC;
import static uk.crossline.model.event.EventFixtures.TRADING_STANDARDS;
import static uk.crossline.model.event.EventFixtures.VEHICLE_TOKEN;
import static uk.crossline.model.event.EventFixtures.aReport;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import uk.crossline.model.AgencyType;
import uk.crossline.model.location.GeoPoint;
import uk.crossline.model.vocabulary.AgeBand;
import uk.crossline.model.vocabulary.Category;
import uk.crossline.model.vocabulary.HandlingCode;
import uk.crossline.model.vocabulary.IdentifierType;
import uk.crossline.model.vocabulary.Indicator;
import uk.crossline.model.vocabulary.IntelligenceAssessment;
import uk.crossline.model.vocabulary.Priority;
import uk.crossline.model.vocabulary.SourceEvaluation;
import uk.crossline.model.vocabulary.SubjectRole;
import uk.crossline.model.vocabulary.Theme;
import uk.crossline.model.vocabulary.Tlp;

class IntelligenceReportTest {

  private static final SharingScope NAMED_AGENCIES =
      new SharingScope(Set.of(TRADING_STANDARDS, REDDITCH_BC), Set.of());
  private static final SharingScope AGENCY_TYPES =
      new SharingScope(Set.of(), Set.of(AgencyType.EDUCATION));
  private static final SharingScope BOTH =
      new SharingScope(Set.of(TRADING_STANDARDS), Set.of(AgencyType.EDUCATION));

  @Nested
  class Scope {

    @Test
    void scopeOnAGreenReportIsRefused() {
      assertThatThrownBy(() -> aReport().tlp(Tlp.GREEN).scope(NAMED_AGENCIES).build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("scope: ")
          .hasMessageContaining("only AMBER and AMBER+STRICT");
    }

    @ParameterizedTest
    @EnumSource(
        value = Tlp.class,
        names = {"CLEAR", "GREEN", "RED"})
    void scopeOfAgencyTypesOnAReportNotMarkedAmberIsRefused(Tlp tlp) {
      assertThatThrownBy(() -> aReport().tlp(tlp).scope(AGENCY_TYPES).build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("scope: ");
    }

    @ParameterizedTest
    @EnumSource(
        value = Tlp.class,
        names = {"CLEAR", "GREEN", "RED"})
    void reportNotMarkedAmberWithoutScopeIsAccepted(Tlp tlp) {
      assertThat(aReport().tlp(tlp).build().scope().isEmpty()).isTrue();
    }

    @Test
    void amberWithNamedAgenciesAndAgencyTypesIsAccepted() {
      // when
      IntelligenceReport report = aReport().tlp(Tlp.AMBER).scope(BOTH).build();

      // then
      assertThat(report.scope().agencies()).containsExactly(TRADING_STANDARDS);
      assertThat(report.scope().agencyTypes()).containsExactly(AgencyType.EDUCATION);
    }

    @Test
    void amberWithAgencyTypesOnlyIsAccepted() {
      assertThatCode(() -> aReport().tlp(Tlp.AMBER).scope(AGENCY_TYPES).build())
          .doesNotThrowAnyException();
    }

    @Test
    void amberWithoutScopeIsAccepted() {
      assertThat(aReport().tlp(Tlp.AMBER).build().scope()).isEqualTo(SharingScope.none());
    }

    @Test
    void amberStrictWithNamedAgenciesIsAccepted() {
      // when
      IntelligenceReport report = aReport().tlp(Tlp.AMBER_STRICT).scope(NAMED_AGENCIES).build();

      // then
      assertThat(report.scope().agencies()).containsExactly(REDDITCH_BC, TRADING_STANDARDS);
    }

    @Test
    void amberStrictWithAgencyTypesIsRefused() {
      assertThatThrownBy(() -> aReport().tlp(Tlp.AMBER_STRICT).scope(BOTH).build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("scope.agencyTypes: AMBER+STRICT is shared with named agencies only");
    }

    @Test
    void missingScopeIsReadAsNone() {
      assertThat(aReport().scope(null).build().scope()).isEqualTo(SharingScope.none());
    }

    @Test
    void scopeListsAgenciesInAFixedOrderWhateverOrderTheyWereGivenIn() {
      // given
      var given = new ArrayList<>(List.of(TRADING_STANDARDS, EventFixtures.WEST_MERCIA_POLICE));

      // when
      var scope = new SharingScope(new LinkedHashSet<>(given), Set.of());

      // then
      assertThat(scope.agencies())
          .containsExactly(EventFixtures.WEST_MERCIA_POLICE, TRADING_STANDARDS);
    }
  }

  @Nested
  class Summary {

    @Test
    void summaryOfExactlyTheLimitIsAccepted() {
      String summary = "x".repeat(IntelligenceReport.SUMMARY_MAX_LENGTH);

      assertThat(aReport().summary(summary).build().summary()).hasSize(4000);
    }

    @Test
    void summaryOverFourThousandCharactersIsRefusedWithoutRepeatingIt() {
      String summary = "Sam Example ".repeat(334);

      assertThatThrownBy(() -> aReport().summary(summary).build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("summary: at most 4000 characters");
    }

    @Test
    void missingSummaryIsRefusedNamingIt() {
      assertThatThrownBy(() -> aReport().summary(null).build())
          .isInstanceOf(NullPointerException.class)
          .hasMessage("summary");
    }
  }

  @Nested
  class RequiredAndOptionalParts {

    @Test
    void missingCategoryIsRefusedNamingIt() {
      assertThatThrownBy(() -> aReport().category(null).build())
          .isInstanceOf(NullPointerException.class)
          .hasMessage("category");
    }

    @Test
    void missingMarkingIsRefusedNamingIt() {
      assertThatThrownBy(() -> aReport().marking(null).build())
          .isInstanceOf(NullPointerException.class)
          .hasMessage("marking");
    }

    @Test
    void missingOptionalPartsReadAsAbsentOrEmpty() {
      // when
      IntelligenceReport report =
          new IntelligenceReport(
              new ObservedAt(EventFixtures.OBSERVED, ObservedAt.Precision.EXACT),
              Category.CUCKOOING,
              null,
              "",
              new Location("bromsgrove", null, null, null, null),
              null,
              null,
              null,
              null,
              Marking.official(Tlp.GREEN),
              null);

      // then
      assertThat(report.indicators()).isEmpty();
      assertThat(report.premises()).isEmpty();
      assertThat(report.subjects()).isEmpty();
      assertThat(report.identifiers()).isEmpty();
      assertThat(report.grading()).isEmpty();
      assertThat(report.scope()).isEqualTo(SharingScope.none());
      assertThat(report.location().ward()).isEmpty();
    }

    @Test
    void reportKeepsItsOwnCopyOfTheSubjectsItWasGiven() {
      // given
      var subjects = new ArrayList<Subject>();
      subjects.add(new Subject(SubjectRole.YOUNG_PERSON, AgeBand.AGE_14_TO_15, Optional.empty()));
      IntelligenceReport report =
          new IntelligenceReport(
              new ObservedAt(EventFixtures.OBSERVED, ObservedAt.Precision.EXACT),
              Category.GROOMING_TACTIC,
              Set.of(),
              "",
              new Location("bromsgrove", null, null, null, null),
              Optional.empty(),
              subjects,
              List.of(),
              Optional.empty(),
              Marking.official(Tlp.GREEN),
              SharingScope.none());

      // when
      subjects.add(new Subject(SubjectRole.SUSPECT, AgeBand.AGE_18_TO_24, Optional.empty()));

      // then
      assertThat(report.subjects()).hasSize(1);
      assertThatThrownBy(() -> report.subjects().clear())
          .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void indicatorsIterateInVocabularyOrderWhateverOrderTheyWereGivenIn() {
      // given
      var given =
          new LinkedHashSet<>(
              List.of(Indicator.UNDER_AGE_SALE, Indicator.NEW_PHONE, Indicator.DEBT_BONDAGE));

      // when
      IntelligenceReport report = aReport().indicators(given).build();

      // then
      assertThat(report.indicators())
          .containsExactly(Indicator.NEW_PHONE, Indicator.DEBT_BONDAGE, Indicator.UNDER_AGE_SALE);
    }

    @Test
    void dealLineOnAnIdentifierOtherThanAPhoneIsRefused() {
      assertThatThrownBy(() -> new IdentifierRef(IdentifierType.VEHICLE, VEHICLE_TOKEN, true))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("PHONE");
    }

    @Test
    void phoneCanBeADealLine() {
      assertThat(new IdentifierRef(IdentifierType.PHONE, PHONE_TOKEN, true).dealLine()).isTrue();
    }
  }

  @Nested
  class Derived {

    @Test
    void drugDealingServesReducingViolenceAndTouchesBothThemes() {
      // when
      IntelligenceReport report = aReport().category(Category.DRUG_DEALING).build();

      // then
      assertThat(report.priority()).isEqualTo(Priority.REDUCING_VIOLENCE_AND_ABUSE);
      assertThat(report.themes())
          .containsExactlyInAnyOrder(Theme.DRUG_AND_ALCOHOL_HARM, Theme.REOFFENDING);
    }

    @ParameterizedTest
    @EnumSource(Category.class)
    void priorityAndThemesComeFromTheCategory(Category category) {
      // when
      IntelligenceReport report = aReport().category(category).build();

      // then
      assertThat(report.priority()).isEqualTo(category.priority());
      assertThat(report.themes()).isEqualTo(category.themes());
    }
  }

  @Nested
  class GradingRules {

    @Test
    void handlingCodeCWithConditionsIsAcceptedAndTheConditionsTrimmed() {
      // when
      var grading =
          new Grading(
              SourceEvaluation.RELIABLE,
              IntelligenceAssessment.B,
              HandlingCode.C,
              Optional.of("  Not to be shared with the school  "));

      // then
      assertThat(grading.conditions()).contains("Not to be shared with the school");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n\t"})
    void handlingCodeCWithBlankConditionsIsRefusedNamingTheConditions(String conditions) {
      assertThatThrownBy(
              () ->
                  new Grading(
                      SourceEvaluation.RELIABLE,
                      IntelligenceAssessment.B,
                      HandlingCode.C,
                      Optional.of(conditions)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("grading.conditions: ");
    }

    @Test
    void handlingCodeCWithoutConditionsIsRefusedNamingTheConditions() {
      assertThatThrownBy(
              () ->
                  new Grading(
                      SourceEvaluation.RELIABLE,
                      IntelligenceAssessment.B,
                      HandlingCode.C,
                      Optional.empty()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("grading.conditions: handling code C needs the conditions of sharing");
    }

    @Test
    void handlingCodeCWithNoConditionsAtAllIsRefused() {
      assertThatThrownBy(
              () ->
                  new Grading(
                      SourceEvaluation.RELIABLE, IntelligenceAssessment.B, HandlingCode.C, null))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("grading.conditions: ");
    }

    @Test
    void handlingCodePWithConditionsIsRefused() {
      assertThatThrownBy(
              () ->
                  new Grading(
                      SourceEvaluation.UNTESTED,
                      IntelligenceAssessment.C,
                      HandlingCode.P,
                      Optional.of("Only for the safeguarding lead")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("grading.conditions: conditions go with handling code C, not P");
    }

    @Test
    void handlingCodePWithBlankConditionsIsTakenAsHavingNone() {
      // when
      var grading =
          new Grading(
              SourceEvaluation.UNTESTED,
              IntelligenceAssessment.C,
              HandlingCode.P,
              Optional.of("  "));

      // then
      assertThat(grading.conditions()).isEmpty();
    }

    @Test
    void missingSourceEvaluationIsRefusedNamingIt() {
      assertThatThrownBy(
              () -> new Grading(null, IntelligenceAssessment.C, HandlingCode.P, Optional.empty()))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("grading.source");
    }

    @Test
    void reportWithoutGradingIsUngradedNotGuessed() {
      assertThat(aReport().build().grading()).isEmpty();
    }
  }

  @Nested
  class PremisesKey {

    @Test
    void premisesWithAUprnIsKeyedByIt() {
      // when
      Premises premises =
          Premises.of(
              "Vape Corner",
              "12 Market Place",
              "B97 4AB",
              Optional.of(" 100120000001 "),
              Optional.empty());

      // then
      assertThat(premises.key()).isEqualTo("uprn:100120000001");
      assertThat(premises.uprn()).contains("100120000001");
    }

    @Test
    void sameUprnIsTheSamePremisesWhateverItsNameAndPostcodeAreWrittenAs() {
      // given one shop, reported by two agencies who spell it differently
      Premises byTradingStandards =
          Premises.of(
              "Vape Corner",
              "12 Market Place",
              "B97 4AB",
              Optional.of("100120000001"),
              Optional.empty());
      Premises byPolice =
          Premises.of(
              "VAPE CORNER LTD",
              "12, Market Pl.",
              "b974ab",
              Optional.of("100120000001"),
              Optional.empty());

      // then
      assertThat(byPolice.key()).isEqualTo(byTradingStandards.key());
    }

    @Test
    void premisesWithoutAUprnIsKeyedByItsPostcodeAndNameNormalised() {
      // when
      Premises premises =
          Premises.of(
              "  Vape Corner!  ", "12 Market Place", "b97 4ab", Optional.empty(), Optional.empty());

      // then
      assertThat(premises.key()).isEqualTo("pc:B974AB:vape-corner");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {"Vape Corner", "VAPE CORNER", "vape  corner", "Vape-Corner.", " vape_corner "})
    void sameNameAndPostcodeWrittenDifferentlyIsTheSamePremises(String name) {
      // when
      Premises premises =
          Premises.of(name, "12 Market Place", " B97  4AB ", Optional.empty(), Optional.empty());

      // then
      assertThat(premises.key()).isEqualTo("pc:B974AB:vape-corner");
    }

    @Test
    void twoShopsAtOnePostcodeAreDifferentPremises() {
      Premises vapes =
          Premises.of(
              "Vape Corner", "12 Market Place", "B97 4AB", Optional.empty(), Optional.empty());
      Premises news =
          Premises.of(
              "Market News", "14 Market Place", "B97 4AB", Optional.empty(), Optional.empty());

      assertThat(vapes.key()).isNotEqualTo(news.key());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void blankUprnIsTakenAsNoUprnSoUnrelatedPremisesAreNotMerged(String blank) {
      // given two shops whose UPRN column was left blank
      Premises vapes =
          Premises.of(
              "Vape Corner", "12 Market Place", "B97 4AB", Optional.of(blank), Optional.empty());
      Premises news =
          Premises.of(
              "Market News", "3 Church Green", "B98 8AA", Optional.of(blank), Optional.empty());

      // then
      assertThat(vapes.key()).isEqualTo("pc:B974AB:vape-corner");
      assertThat(vapes.uprn()).isEmpty();
      assertThat(news.key()).isNotEqualTo(vapes.key());
    }

    @Test
    void premisesKeepsItsExactPoint() {
      // business premises are not personal data: unlike a location, the point is not generalised
      GeoPoint door = new GeoPoint(52.30641, -1.94312);

      Premises premises =
          Premises.of(
              "Vape Corner", "12 Market Place", "B97 4AB", Optional.empty(), Optional.of(door));

      assertThat(premises.point()).contains(door);
    }
  }
}
