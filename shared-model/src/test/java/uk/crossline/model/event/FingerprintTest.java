package uk.crossline.model.event;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.crossline.model.event.EventFixtures.REDDITCH_BC;
import static uk.crossline.model.event.EventFixtures.TRADING_STANDARDS;
import static uk.crossline.model.event.EventFixtures.WEST_MERCIA_POLICE;
import static uk.crossline.model.event.EventFixtures.aReport;
import static uk.crossline.model.event.EventFixtures.fullReport;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.crossline.model.AgencyId;
import uk.crossline.model.AgencyType;
import uk.crossline.model.vocabulary.AgeBand;
import uk.crossline.model.vocabulary.Category;
import uk.crossline.model.vocabulary.Classification;
import uk.crossline.model.vocabulary.HandlingCode;
import uk.crossline.model.vocabulary.Indicator;
import uk.crossline.model.vocabulary.IntelligenceAssessment;
import uk.crossline.model.vocabulary.SourceEvaluation;
import uk.crossline.model.vocabulary.SubjectRole;
import uk.crossline.model.vocabulary.Tlp;

/** How an intake tells a retried submission (same fingerprint) from a changed one (different). */
class FingerprintTest {

  @Test
  void equalContentHasEqualFingerprints() {
    // given two reports built separately from the same content
    IntelligenceReport first = fullReport();
    IntelligenceReport second = fullReport();

    // then
    assertThat(first).isNotSameAs(second);
    assertThat(EventJson.fingerprint(first)).isEqualTo(EventJson.fingerprint(second));
  }

  @Test
  void fingerprintIsAHexSha256() {
    assertThat(EventJson.fingerprint(fullReport())).hasSize(64).matches("[0-9a-f]{64}");
  }

  @Test
  void setsGivenInDifferentOrdersHaveEqualFingerprints() {
    // given the same indicators, agencies and agency types, given in opposite orders
    var indicators =
        List.of(Indicator.UNDER_AGE_SALE, Indicator.NEW_PHONE, Indicator.FREE_OR_CHEAP_VAPES);
    var agencies = List.of(TRADING_STANDARDS, REDDITCH_BC, WEST_MERCIA_POLICE);
    var types = List.of(AgencyType.YOUTH_SERVICES, AgencyType.EDUCATION, AgencyType.POLICE);

    IntelligenceReport forwards =
        amberReport(
            new LinkedHashSet<>(indicators),
            new LinkedHashSet<>(agencies),
            new LinkedHashSet<>(types));
    IntelligenceReport backwards =
        amberReport(
            new LinkedHashSet<>(indicators.reversed()),
            new LinkedHashSet<>(agencies.reversed()),
            new LinkedHashSet<>(types.reversed()));

    // then
    assertThat(forwards).isEqualTo(backwards);
    assertThat(EventJson.fingerprint(forwards)).isEqualTo(EventJson.fingerprint(backwards));
  }

  @Test
  void fingerprintOfAKnownReportIsTheSameInEveryJvm() {
    // given a report whose sets would iterate in a per-run order if they were kept as hash sets:
    // only a pinned digest proves the order is fixed across JVMs, not just within this run. The
    // pin also means a change to how reports are written is noticed, as it makes every retry
    // across the deploy look like a change.
    IntelligenceReport report =
        new IntelligenceReport(
            new ObservedAt(Instant.parse("2026-11-20T16:30:00Z"), ObservedAt.Precision.DAY),
            Category.VAPE_SUPPLY_TO_MINORS,
            Set.of(Indicator.UNDER_AGE_SALE, Indicator.NEW_PHONE, Indicator.FREE_OR_CHEAP_VAPES),
            "Shop staff seen selling vapes to pupils after school.",
            new Location(
                "redditch", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()),
            Optional.empty(),
            List.of(),
            List.of(),
            Optional.empty(),
            Marking.official(Tlp.AMBER),
            new SharingScope(
                Set.of(TRADING_STANDARDS, REDDITCH_BC, WEST_MERCIA_POLICE),
                Set.of(AgencyType.YOUTH_SERVICES, AgencyType.EDUCATION, AgencyType.POLICE)));

    // then
    assertThat(EventJson.fingerprint(report))
        .isEqualTo("1bfde4cf87f497e278ee964b924f02d9847a3e61b5b751c31aa8227d97888315");
  }

  static Stream<Arguments> changes() {
    return Stream.of(
        Arguments.argumentSet(
            "summary", aReport().summary("Shop staff seen selling vapes to pupils after school!")),
        Arguments.argumentSet(
            "an indicator added",
            aReport().indicators(Indicator.FREE_OR_CHEAP_VAPES, Indicator.NEW_PHONE)),
        Arguments.argumentSet("TLP colour", aReport().tlp(Tlp.AMBER)),
        Arguments.argumentSet(
            "OFFICIAL-SENSITIVE caveat",
            aReport().marking(new Marking(Tlp.GREEN, Classification.OFFICIAL, true))),
        Arguments.argumentSet("category", aReport().category(Category.ILLICIT_VAPES)),
        Arguments.argumentSet(
            "observed time",
            aReport()
                .observedAt(
                    new ObservedAt(
                        Instant.parse("2026-11-20T16:31:00Z"), ObservedAt.Precision.DAY))),
        Arguments.argumentSet(
            "observed precision",
            aReport()
                .observedAt(new ObservedAt(EventFixtures.OBSERVED, ObservedAt.Precision.WEEK))),
        Arguments.argumentSet(
            "a subject added",
            aReport().subject(new Subject(SubjectRole.WITNESS, AgeBand.UNKNOWN, Optional.empty()))),
        Arguments.argumentSet(
            "grading added",
            aReport()
                .grading(
                    new Grading(
                        SourceEvaluation.UNTESTED,
                        IntelligenceAssessment.C,
                        HandlingCode.P,
                        Optional.empty()))),
        Arguments.argumentSet(
            "scope added",
            aReport().tlp(Tlp.AMBER).scope(new SharingScope(Set.of(REDDITCH_BC), Set.of()))));
  }

  @ParameterizedTest
  @MethodSource("changes")
  void anyChangeToTheContentChangesTheFingerprint(EventFixtures.ReportBuilder changed) {
    // given
    IntelligenceReport original = aReport().indicators(Indicator.FREE_OR_CHEAP_VAPES).build();
    IntelligenceReport amended = changed.build();

    // then
    assertThat(amended).isNotEqualTo(original);
    assertThat(EventJson.fingerprint(amended)).isNotEqualTo(EventJson.fingerprint(original));
  }

  private static IntelligenceReport amberReport(
      Set<Indicator> indicators, Set<AgencyId> agencies, Set<AgencyType> agencyTypes) {
    return aReport()
        .indicators(indicators)
        .tlp(Tlp.AMBER)
        .scope(new SharingScope(agencies, agencyTypes))
        .build();
  }
}
