package uk.crossline.model.event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import uk.crossline.model.AgencyId;
import uk.crossline.model.AgencyType;
import uk.crossline.model.location.GeoPoint;
import uk.crossline.model.pseudonymisation.KeyRing;
import uk.crossline.model.pseudonymisation.PseudonymToken;
import uk.crossline.model.pseudonymisation.Pseudonymiser;
import uk.crossline.model.vocabulary.AgeBand;
import uk.crossline.model.vocabulary.Category;
import uk.crossline.model.vocabulary.Classification;
import uk.crossline.model.vocabulary.HandlingCode;
import uk.crossline.model.vocabulary.IdentifierType;
import uk.crossline.model.vocabulary.Indicator;
import uk.crossline.model.vocabulary.IntelligenceAssessment;
import uk.crossline.model.vocabulary.RetractionReason;
import uk.crossline.model.vocabulary.SourceEvaluation;
import uk.crossline.model.vocabulary.SubjectRole;
import uk.crossline.model.vocabulary.Tlp;

/**
 * The North Worcestershire partnership as the event tests see it: two of its agencies, real tokens
 * under the public demo keys, and reports with every optional part present or absent.
 */
final class EventFixtures {

  static final Pseudonymiser PSEUDONYMISER = new Pseudonymiser(KeyRing.demo());

  static final PseudonymToken PHONE_TOKEN =
      PSEUDONYMISER.token(IdentifierType.PHONE, "07700 900123");
  static final PseudonymToken VEHICLE_TOKEN =
      PSEUDONYMISER.token(IdentifierType.VEHICLE, "AB12 CDE");
  static final PseudonymToken PERSON_TOKEN =
      PSEUDONYMISER.personToken("Sam Example", Optional.empty());

  static final AgencyId WEST_MERCIA_POLICE = AgencyId.of("west-mercia-police");
  static final AgencyId TRADING_STANDARDS = AgencyId.of("worcs-trading-standards");
  static final AgencyId REDDITCH_BC = AgencyId.of("redditch-bc");

  static final OriginatingAgency POLICE =
      new OriginatingAgency(
          WEST_MERCIA_POLICE, AgencyType.POLICE, List.of("bromsgrove", "redditch", "wyre-forest"));

  static final String ORIGIN_REF_HASH = PSEUDONYMISER.keyedHash("origin-ref", "WMP-2026-000123");
  static final EventId EVENT_ID = EventId.derive(WEST_MERCIA_POLICE, ORIGIN_REF_HASH);
  static final Instant OBSERVED = Instant.parse("2026-11-20T16:30:00Z");
  static final Instant SUBMITTED = Instant.parse("2026-11-21T09:15:00Z");

  private EventFixtures() {}

  /** A report with every optional part present: premises, subjects, identifiers, grading, scope. */
  static IntelligenceReport fullReport() {
    return aReport()
        .indicators(Indicator.FREE_OR_CHEAP_VAPES, Indicator.UNDER_AGE_SALE)
        .location(
            new Location(
                "redditch",
                Optional.of("Abbey"),
                Optional.of("B97"),
                Optional.of("B97 4"),
                Optional.of(new GeoPoint(52.3, -1.94))))
        .premises(
            Premises.of(
                "Vape Corner",
                "12 Market Place, Redditch",
                "B97 4AB",
                Optional.of("100120000001"),
                Optional.of(new GeoPoint(52.30641, -1.94312))))
        .subject(new Subject(SubjectRole.YOUNG_PERSON, AgeBand.AGE_14_TO_15, Optional.empty()))
        .subject(
            new Subject(
                SubjectRole.PREMISES_STAFF, AgeBand.AGE_25_TO_39, Optional.of(PERSON_TOKEN)))
        .identifier(new IdentifierRef(IdentifierType.PHONE, PHONE_TOKEN, true))
        .identifier(new IdentifierRef(IdentifierType.VEHICLE, VEHICLE_TOKEN, false))
        .grading(
            new Grading(
                SourceEvaluation.RELIABLE,
                IntelligenceAssessment.B,
                HandlingCode.C,
                Optional.of("Not to be shared with the premises owner")))
        .marking(new Marking(Tlp.AMBER_STRICT, Classification.OFFICIAL, true))
        .scope(new SharingScope(Set.of(TRADING_STANDARDS, REDDITCH_BC), Set.of()))
        .build();
  }

  /** A report with every optional part absent. */
  static IntelligenceReport minimalReport() {
    return aReport().build();
  }

  static IntelligenceReported reported(IntelligenceReport report) {
    return new IntelligenceReported(1, EVENT_ID, 1, POLICE, SUBMITTED, ORIGIN_REF_HASH, report);
  }

  static IntelligenceAmended amended(IntelligenceReport report) {
    return new IntelligenceAmended(
        1,
        EVENT_ID,
        2,
        POLICE,
        SUBMITTED.plusSeconds(3600),
        ORIGIN_REF_HASH,
        report,
        "Age band corrected");
  }

  static IntelligenceRetracted retracted() {
    return new IntelligenceRetracted(
        1,
        EVENT_ID,
        3,
        POLICE,
        SUBMITTED.plusSeconds(7200),
        ORIGIN_REF_HASH,
        RetractionReason.ENTERED_IN_ERROR);
  }

  /** A GREEN, ungraded report of vape supply to minors in Redditch; change what the test needs. */
  static ReportBuilder aReport() {
    return new ReportBuilder();
  }

  static final class ReportBuilder {
    private ObservedAt observedAt = new ObservedAt(OBSERVED, ObservedAt.Precision.DAY);
    private Category category = Category.VAPE_SUPPLY_TO_MINORS;
    private Set<Indicator> indicators = EnumSet.noneOf(Indicator.class);
    private String summary = "Shop staff seen selling vapes to pupils after school.";
    private Location location =
        new Location(
            "redditch", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    private Optional<Premises> premises = Optional.empty();
    private final List<Subject> subjects = new ArrayList<>();
    private final List<IdentifierRef> identifiers = new ArrayList<>();
    private Optional<Grading> grading = Optional.empty();
    private Marking marking = Marking.official(Tlp.GREEN);
    private SharingScope scope = SharingScope.none();

    ReportBuilder observedAt(ObservedAt observedAt) {
      this.observedAt = observedAt;
      return this;
    }

    ReportBuilder category(Category category) {
      this.category = category;
      return this;
    }

    ReportBuilder indicators(Indicator... indicators) {
      this.indicators = Set.of(indicators);
      return this;
    }

    ReportBuilder indicators(Set<Indicator> indicators) {
      this.indicators = indicators;
      return this;
    }

    ReportBuilder summary(String summary) {
      this.summary = summary;
      return this;
    }

    ReportBuilder location(Location location) {
      this.location = location;
      return this;
    }

    ReportBuilder premises(Premises premises) {
      this.premises = Optional.of(premises);
      return this;
    }

    ReportBuilder subject(Subject subject) {
      subjects.add(subject);
      return this;
    }

    ReportBuilder identifier(IdentifierRef identifier) {
      identifiers.add(identifier);
      return this;
    }

    ReportBuilder grading(Grading grading) {
      this.grading = Optional.of(grading);
      return this;
    }

    ReportBuilder marking(Marking marking) {
      this.marking = marking;
      return this;
    }

    ReportBuilder tlp(Tlp tlp) {
      this.marking = Marking.official(tlp);
      return this;
    }

    ReportBuilder scope(SharingScope scope) {
      this.scope = scope;
      return this;
    }

    IntelligenceReport build() {
      return new IntelligenceReport(
          observedAt,
          category,
          indicators,
          summary,
          location,
          premises,
          subjects,
          identifiers,
          grading,
          marking,
          scope);
    }
  }
}
