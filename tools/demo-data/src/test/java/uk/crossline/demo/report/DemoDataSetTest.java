package uk.crossline.demo.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.crossline.model.AgencyId;
import uk.crossline.model.AgencyType;
import uk.crossline.model.location.Gazetteer;
import uk.crossline.model.location.GeoPoint;
import uk.crossline.model.location.LocationGeneraliser;
import uk.crossline.model.location.LocationInput;
import uk.crossline.model.location.Postcode;
import uk.crossline.model.pseudonymisation.Normaliser;
import uk.crossline.model.vocabulary.Category;
import uk.crossline.model.vocabulary.IdentifierType;
import uk.crossline.model.vocabulary.Tlp;

/** The default data set holds what the demo needs, in a form the intake accepts. */
class DemoDataSetTest {

  private static final Gazetteer GAZETTEER = Gazetteer.bundled();
  private static final LocationGeneraliser LOCATIONS = new LocationGeneraliser(GAZETTEER);

  @Test
  void everyCategoryAndEveryMarkingAppear() {
    assertThat(DemoDataSet.SHAPE.perCategory().keySet())
        .containsExactlyInAnyOrder(Category.values());
    assertThat(DemoDataSet.SHAPE.perTlp().keySet()).containsExactlyInAnyOrder(Tlp.values());
  }

  @Test
  void markingsAreMostlyGreenOrAmberAndRarelyRed() {
    var tlps = DemoDataSet.SHAPE.perTlp();
    int greenOrAmber = tlps.get(Tlp.GREEN) + tlps.get(Tlp.AMBER);

    assertThat(greenOrAmber).isGreaterThan(DemoDataSet.REPORTS * 6 / 10);
    assertThat(tlps.get(Tlp.RED)).isPositive().isLessThan(DemoDataSet.REPORTS / 20);
  }

  @Test
  void everyPlaceIsOneTheGazetteerKnowsInTheDistrictMeant() {
    for (DemoReport report : DemoDataSet.all()) {
      Form.Where where = report.form().where();
      where
          .postcode()
          .ifPresent(p -> assertThat(GAZETTEER.knowsOutward(outwardOf(p))).as(p).isTrue());
      var location =
          LOCATIONS.generalise(
              new LocationInput(
                  where.postcode(),
                  where.district(),
                  where.ward(),
                  where.latitude().map(lat -> new GeoPoint(lat, where.longitude().orElseThrow())),
                  false));
      assertThat(expectedDistricts(report.submitter()))
          .as(report.reference())
          .contains(location.district().id());
      where
          .ward()
          .ifPresent(w -> assertThat(GAZETTEER.wardsOf(location.district().id())).contains(w));
    }
  }

  @Test
  void everyFullPostcodeIsAValidUkPostcode() {
    for (DemoReport report : DemoDataSet.all()) {
      var form = report.form();
      form.where().postcode().filter(p -> p.contains(" ")).ifPresent(DemoDataSetTest::assertValid);
      form.premisesNamed()
          .map(Form.PremisesEntry::postcode)
          .ifPresent(DemoDataSetTest::assertValid);
    }
  }

  @Test
  void westMidlandsPoliceReportFromBirminghamDudleyAndSolihull() {
    var districts =
        DemoDataSet.DATA.get(Submitter.WMP_ANALYST).stream()
            .map(r -> LOCATIONS.generalise(input(r.form().where())).district().id())
            .distinct()
            .toList();

    assertThat(districts).containsExactlyInAnyOrder("birmingham", "dudley", "solihull");
  }

  @Test
  void atLeastTenIdentifiersAreReportedByAgenciesOfTwoOrMoreTypes() {
    assertThat(DemoDataSet.SHAPE.identifiersAcrossAgencyTypes()).isGreaterThanOrEqualTo(10);
    var policeAndSchools =
        DemoDataSet.SHAPE.identifierAgencyTypes().values().stream()
            .filter(t -> t.containsAll(Set.of(AgencyType.POLICE, AgencyType.EDUCATION)))
            .count();
    var policeAndCouncils =
        DemoDataSet.SHAPE.identifierAgencyTypes().values().stream()
            .filter(t -> t.containsAll(Set.of(AgencyType.POLICE, AgencyType.LOCAL_AUTHORITY)))
            .count();
    assertThat(policeAndSchools).isPositive();
    assertThat(policeAndCouncils).isPositive();
  }

  @Test
  void worldsSharedIdentifiersAreTheOnesThatLink() {
    var linked = DemoDataSet.SHAPE.identifierAgencyTypes();
    long sharedAndLinked =
        DemoDataSet.GENERATOR.world().sharedIdentifiers().stream()
            .map(i -> i.type() + ":" + Normaliser.normalise(i.type(), i.value()))
            .filter(key -> linked.getOrDefault(key, Set.of()).size() >= 2)
            .count();

    assertThat(DemoDataSet.GENERATOR.world().sharedIdentifiers()).hasSize(40);
    assertThat(sharedAndLinked).isGreaterThanOrEqualTo(25);
  }

  @Test
  void premisesFlaggedByTradingStandardsAreAlsoNamedByPoliceAndCouncils() {
    var premises = DemoDataSet.SHAPE.premisesAgencies();
    var withTradingStandards =
        premises.values().stream()
            .filter(a -> a.contains("worcs-trading-standards") && a.size() >= 2)
            .count();
    var withPolice =
        premises.values().stream()
            .filter(a -> a.contains("worcs-trading-standards") && a.contains("west-mercia-police"))
            .count();
    var byNameAddressAndPostcode =
        premises.entrySet().stream()
            .filter(e -> e.getKey().startsWith("pc:") && e.getValue().size() >= 2)
            .count();

    assertThat(premises).hasSizeBetween(20, 25);
    assertThat(withTradingStandards).isGreaterThanOrEqualTo(10);
    assertThat(withPolice).isGreaterThanOrEqualTo(5);
    assertThat(byNameAddressAndPostcode).isPositive();
  }

  @Test
  void identifiersAreFictionalAndNormalise() {
    for (DemoReport report : DemoDataSet.all()) {
      for (Form.IdentifierEntry identifier : report.form().identifiers()) {
        String normalised = Normaliser.normalise(identifier.type(), identifier.value());
        switch (identifier.type()) {
          case PHONE -> assertThat(normalised).matches("\\+447700900[0-9]{3}");
          case VEHICLE -> assertThat(normalised).matches("Z[ZY][0-9]{2}[A-Z]{3}");
          case SOCIAL_MEDIA -> assertThat(normalised).contains(":xx_fake_");
          case EMAIL -> assertThat(normalised).endsWith(".example");
        }
        if (identifier.dealLine()) {
          assertThat(identifier.type()).isEqualTo(IdentifierType.PHONE);
        }
      }
    }
  }

  @Test
  void markingsFollowTheSharingRules() {
    for (DemoReport report : DemoDataSet.all()) {
      var marking = report.form().marking();
      marking.shareWithAgencies().forEach(AgencyId::of);
      switch (marking.tlp()) {
        case CLEAR, GREEN, RED -> {
          assertThat(marking.shareWithAgencies()).isEmpty();
          assertThat(marking.shareWithAgencyTypes()).isEmpty();
        }
        case AMBER ->
            assertThat(marking.shareWithAgencies().size() + marking.shareWithAgencyTypes().size())
                .isPositive();
        case AMBER_STRICT -> {
          assertThat(marking.shareWithAgencies()).isNotEmpty();
          assertThat(marking.shareWithAgencyTypes()).isEmpty();
        }
      }
      assertThat(marking.shareWithAgencies()).doesNotContain(report.submitter().agency());
    }
  }

  @Test
  void policeGradeEverythingPartnersRarelyAndConditionsGoWithHandlingCodeC() {
    var police =
        DemoDataSet.all().stream()
            .map(DemoReport::form)
            .filter(f -> f instanceof Form.Police)
            .map(f -> ((Form.Police) f).grading())
            .toList();
    int tradingStandards = DemoDataSet.DATA.get(Submitter.TS_OFFICER).size();

    assertThat(police)
        .allSatisfy(
            g -> assertThat(g.conditions().isPresent()).isEqualTo(g.handling().equals("C")));
    assertThat(DemoDataSet.SHAPE.handlingConditions()).isPositive();
    assertThat(DemoDataSet.SHAPE.graded())
        .isGreaterThan(police.size())
        .isLessThan(police.size() + tradingStandards / 2);
  }

  @Test
  void everythingHappenedInTheEighteenMonthsBeforeTheAsOfDateAndPartnersGiveTheDayOrWeek() {
    LocalDate earliest = DemoDataSet.AS_OF.minusMonths(18).minusDays(7);
    for (DemoReport report : DemoDataSet.all()) {
      var when = report.form().observedAt();
      LocalDate day = LocalDate.ofInstant(when.at(), ZoneOffset.UTC);
      assertThat(day).isBefore(DemoDataSet.AS_OF).isAfterOrEqualTo(earliest);
      if (report.form() instanceof Form.Safeguarding || report.form() instanceof Form.Council) {
        assertThat(when.precision()).isIn("DAY", "WEEK", "MONTH");
      }
    }
  }

  @Test
  void indicatorsFitTheirCategory() {
    for (DemoReport report : DemoDataSet.all()) {
      var form = report.form();
      assertThat(form.indicators()).hasSizeLessThanOrEqualTo(20).doesNotHaveDuplicates();
      if (form.category() == Category.MISSING_EPISODE) {
        assertThat(form.indicators())
            .contains(uk.crossline.model.vocabulary.Indicator.MISSING_FROM_HOME_OR_SCHOOL);
      }
      if (form.category() == Category.CUCKOOING) {
        assertThat(form.indicators())
            .contains(uk.crossline.model.vocabulary.Indicator.VISITORS_AT_ALL_HOURS);
      }
    }
  }

  @Test
  void eachSubmitterUsesItsOwnAgencysForm() {
    DemoDataSet.DATA.forEach(
        (submitter, reports) ->
            reports.forEach(
                r -> {
                  Class<?> expected =
                      switch (submitter.agencyType()) {
                        case POLICE -> Form.Police.class;
                        case TRADING_STANDARDS -> Form.TradingStandards.class;
                        case EDUCATION, YOUTH_SERVICES -> Form.Safeguarding.class;
                        case LOCAL_AUTHORITY -> Form.Council.class;
                      };
                  assertThat(r.form()).isInstanceOf(expected);
                }));
    assertThat(EnumSet.copyOf(DemoDataSet.DATA.keySet())).isEqualTo(EnumSet.allOf(Submitter.class));
  }

  private static List<String> expectedDistricts(Submitter submitter) {
    return switch (submitter) {
      case POLICE_ANALYST -> List.of("redditch", "bromsgrove", "wyre-forest", "wychavon");
      case WMP_ANALYST -> List.of("birmingham", "dudley", "solihull");
      case TS_OFFICER, SCHOOL_LEAD -> List.of("redditch", "bromsgrove", "wyre-forest");
      case YOUTH_MENTOR -> List.of("redditch", "bromsgrove");
      case REDDITCH_CSO -> List.of("redditch");
      case BROMSGROVE_CSO -> List.of("bromsgrove");
      case WYRE_FOREST_CSO -> List.of("wyre-forest");
    };
  }

  private static LocationInput input(Form.Where where) {
    return new LocationInput(
        where.postcode(), where.district(), where.ward(), Optional.empty(), false);
  }

  private static String outwardOf(String postcode) {
    return postcode.contains(" ") ? Postcode.parse(postcode).outward() : postcode;
  }

  private static void assertValid(String postcode) {
    assertThatCode(() -> Postcode.parse(postcode)).as(postcode).doesNotThrowAnyException();
    assertThat(GAZETTEER.knowsOutward(Postcode.parse(postcode).outward())).isTrue();
  }
}
