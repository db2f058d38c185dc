package uk.crossline.model.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.crossline.model.AgencyId;
import uk.crossline.model.AgencyType;
import uk.crossline.model.location.GeoPoint;
import uk.crossline.model.pseudonymisation.PseudonymToken;
import uk.crossline.model.vocabulary.AgeBand;
import uk.crossline.model.vocabulary.Category;
import uk.crossline.model.vocabulary.Classification;
import uk.crossline.model.vocabulary.HandlingCode;
import uk.crossline.model.vocabulary.IdentifierType;
import uk.crossline.model.vocabulary.Indicator;
import uk.crossline.model.vocabulary.IntelligenceAssessment;
import uk.crossline.model.vocabulary.Priority;
import uk.crossline.model.vocabulary.RetractionReason;
import uk.crossline.model.vocabulary.SourceEvaluation;
import uk.crossline.model.vocabulary.SubjectRole;
import uk.crossline.model.vocabulary.Tlp;

/**
 * Events already on the topic must stay readable by every later consumer (DESIGN.md: "consumers
 * accept every older version they have seen"). The files under {@code
 * src/test/resources/uk/crossline/model/event/} were written by hand in the released form of each
 * schema version, and are never edited once released: a change to the event that needs a new schema
 * version adds an upgrade to {@link SchemaUpgrades}, golden files {@code v<N>-*.json} for the new
 * version, and leaves these as they are. If a test here fails, the change broke old events, not the
 * file.
 */
class EventJsonCompatibilityTest {

  private static final PseudonymToken PHONE =
      PseudonymToken.parse("k2.QrMxCUhKqYrGvEB-0-kjf2h-bTAaXjM4TezShaIvQf0");

  @Test
  void versionOneReportStillReadsFieldByField() {
    // when
    var event = (IntelligenceReported) EventJson.read(golden("v1-report.json"));

    // then the header
    assertThat(event.kind()).isEqualTo(EventKind.REPORT);
    assertThat(event.schemaVersion()).isEqualTo(1);
    assertThat(event.eventId()).isEqualTo(EventId.of("76ff6b9d-d742-8bc5-8940-793ba837844f"));
    assertThat(event.revision()).isEqualTo(1);
    assertThat(event.agency())
        .isEqualTo(
            new OriginatingAgency(
                AgencyId.of("worcs-trading-standards"),
                AgencyType.TRADING_STANDARDS,
                List.of("bromsgrove", "redditch", "wyre-forest")));
    assertThat(event.submittedAt()).isEqualTo(Instant.parse("2026-11-21T09:15:00Z"));
    assertThat(event.originRefHash()).isEqualTo("k2.10og5bn1-fLXPyMxR_cZyVSkYMGJdHJtU0qOghwlmpc");

    // and what was seen
    IntelligenceReport report = event.report();
    assertThat(report.observedAt())
        .isEqualTo(
            new ObservedAt(Instant.parse("2026-11-20T15:45:00Z"), ObservedAt.Precision.EXACT));
    assertThat(report.category()).isEqualTo(Category.VAPE_SUPPLY_TO_MINORS);
    assertThat(report.priority()).isEqualTo(Priority.PROTECTING_VULNERABLE_COMMUNITIES);
    assertThat(report.indicators())
        .containsExactly(
            Indicator.FREE_OR_CHEAP_VAPES,
            Indicator.UNDER_AGE_SALE,
            Indicator.NON_COMPLIANT_PRODUCT);
    assertThat(report.summary())
        .isEqualTo(
            "Test purchase: [name] sold a 9000-puff vape to a 15-year-old volunteer without"
                + " asking for ID.");
    assertThat(report.location())
        .isEqualTo(
            new Location(
                "redditch",
                Optional.of("Abbey"),
                Optional.of("B97"),
                Optional.of("B97 4"),
                Optional.of(new GeoPoint(52.305, -1.94))));
    assertThat(report.premises())
        .contains(
            new Premises(
                "uprn:100120000001",
                "Vape Corner",
                "12 Market Place, Redditch",
                "B97 4AB",
                Optional.of("100120000001"),
                Optional.of(new GeoPoint(52.30641, -1.94312))));
    assertThat(report.subjects())
        .containsExactly(
            new Subject(
                SubjectRole.PREMISES_STAFF,
                AgeBand.AGE_25_TO_39,
                Optional.of(
                    PseudonymToken.parse("k2.2fzyyx9m69H8RogU45x3g5BZLsiBsHIzPYkFGuznIdA"))),
            new Subject(SubjectRole.YOUNG_PERSON, AgeBand.AGE_14_TO_15, Optional.empty()));
    assertThat(report.identifiers())
        .containsExactly(
            new IdentifierRef(IdentifierType.PHONE, PHONE, false),
            new IdentifierRef(
                IdentifierType.SOCIAL_MEDIA,
                PseudonymToken.parse("k2.jFqXAOOoCXjFfItfURXcXI3dudnCyLe6t5OS1kudY10"),
                false));
    assertThat(report.grading())
        .contains(
            new Grading(
                SourceEvaluation.RELIABLE,
                IntelligenceAssessment.A,
                HandlingCode.C,
                Optional.of(
                    "Not to be disclosed to the premises licence holder before the hearing.")));
    assertThat(report.marking()).isEqualTo(new Marking(Tlp.AMBER, Classification.OFFICIAL, true));
    assertThat(report.scope().agencies()).containsExactly(AgencyId.of("redditch-bc"));
    assertThat(report.scope().agencyTypes())
        .containsExactly(AgencyType.POLICE, AgencyType.EDUCATION);
  }

  @Test
  void versionOneAmendmentWithoutOptionalPartsStillReadsFieldByField() {
    // when
    var event = (IntelligenceAmended) EventJson.read(golden("v1-amendment.json"));

    // then
    assertThat(event.kind()).isEqualTo(EventKind.AMENDMENT);
    assertThat(event.schemaVersion()).isEqualTo(1);
    assertThat(event.eventId()).isEqualTo(EventId.of("8a63b888-ed94-8f0c-ab58-51ac32c4bca6"));
    assertThat(event.revision()).isEqualTo(2);
    assertThat(event.agency().id()).isEqualTo(AgencyId.of("west-mercia-police"));
    assertThat(event.agency().type()).isEqualTo(AgencyType.POLICE);
    assertThat(event.submittedAt()).isEqualTo(Instant.parse("2026-11-22T08:00:00Z"));
    assertThat(event.originRefHash()).isEqualTo("k2.j2UrxV36p8D7K9_oYxRPhZeqs9_0LVBxxaMkPVGIoco");
    assertThat(event.reason())
        .isEqualTo("The observation was the week before, not the day reported.");

    IntelligenceReport report = event.report();
    assertThat(report.observedAt())
        .isEqualTo(
            new ObservedAt(Instant.parse("2026-11-16T00:00:00Z"), ObservedAt.Precision.WEEK));
    assertThat(report.category()).isEqualTo(Category.DEAL_LINE);
    assertThat(report.indicators()).isEmpty();
    assertThat(report.summary()).startsWith("A deal line is advertised");
    assertThat(report.location())
        .isEqualTo(
            new Location(
                "bromsgrove",
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty()));
    assertThat(report.premises()).isEmpty();
    assertThat(report.subjects()).isEmpty();
    assertThat(report.identifiers())
        .containsExactly(new IdentifierRef(IdentifierType.PHONE, PHONE, true));
    assertThat(report.grading())
        .contains(
            new Grading(
                SourceEvaluation.UNTESTED,
                IntelligenceAssessment.C,
                HandlingCode.P,
                Optional.empty()));
    assertThat(report.marking()).isEqualTo(Marking.official(Tlp.AMBER_STRICT));
    assertThat(report.scope())
        .isEqualTo(
            new SharingScope(
                Set.of(AgencyId.of("bromsgrove-dc"), AgencyId.of("worcs-trading-standards")),
                Set.of()));
  }

  @Test
  void versionOneRetractionStillReadsFieldByField() {
    // when
    var event = (IntelligenceRetracted) EventJson.read(golden("v1-retraction.json"));

    // then
    assertThat(event.kind()).isEqualTo(EventKind.RETRACTION);
    assertThat(event.schemaVersion()).isEqualTo(1);
    assertThat(event.eventId()).isEqualTo(EventId.of("8a63b888-ed94-8f0c-ab58-51ac32c4bca6"));
    assertThat(event.revision()).isEqualTo(3);
    assertThat(event.agency().id()).isEqualTo(AgencyId.of("west-mercia-police"));
    assertThat(event.submittedAt()).isEqualTo(Instant.parse("2026-11-23T10:30:00Z"));
    assertThat(event.originRefHash()).isEqualTo("k2.j2UrxV36p8D7K9_oYxRPhZeqs9_0LVBxxaMkPVGIoco");
    assertThat(event.reason()).isEqualTo(RetractionReason.ENTERED_IN_ERROR);
  }

  @ParameterizedTest
  @ValueSource(strings = {"v1-report.json", "v1-amendment.json", "v1-retraction.json"})
  void goldenEventSurvivesBeingWrittenAgainByTheCurrentCode(String file) {
    // given
    IntelligenceEvent event = EventJson.read(golden(file));

    // when
    IntelligenceEvent again = EventJson.read(EventJson.write(event));

    // then
    assertThat(again).isEqualTo(event);
  }

  @Test
  void everySchemaVersionUpToTheCurrentOneHasGoldenFilesOfEveryKind() {
    // a new schema version must bring its own golden files alongside the older ones
    for (int version = 1; version <= IntelligenceEvent.CURRENT_SCHEMA_VERSION; version++) {
      for (String kind : List.of("report", "amendment", "retraction")) {
        String file = "v" + version + "-" + kind + ".json";
        assertThat(EventJsonCompatibilityTest.class.getResource(file))
            .as("golden file %s", file)
            .isNotNull();
      }
    }
  }

  private static byte[] golden(String file) {
    try (InputStream in = EventJsonCompatibilityTest.class.getResourceAsStream(file)) {
      assertThat(in).as("golden file %s", file).isNotNull();
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
