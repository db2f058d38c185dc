package uk.crossline.search.query;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import uk.crossline.model.AgencyId;
import uk.crossline.model.AgencyType;
import uk.crossline.model.event.EventId;
import uk.crossline.model.event.Grading;
import uk.crossline.model.event.IdentifierRef;
import uk.crossline.model.event.IntelligenceReport;
import uk.crossline.model.event.IntelligenceReported;
import uk.crossline.model.event.Location;
import uk.crossline.model.event.Marking;
import uk.crossline.model.event.ObservedAt;
import uk.crossline.model.event.OriginatingAgency;
import uk.crossline.model.event.Premises;
import uk.crossline.model.event.SharingScope;
import uk.crossline.model.event.Subject;
import uk.crossline.model.location.GeoPoint;
import uk.crossline.model.projection.IntelligenceDocuments;
import uk.crossline.model.pseudonymisation.PseudonymToken;
import uk.crossline.model.vocabulary.AgeBand;
import uk.crossline.model.vocabulary.Category;
import uk.crossline.model.vocabulary.IdentifierType;
import uk.crossline.model.vocabulary.Indicator;
import uk.crossline.model.vocabulary.SubjectRole;
import uk.crossline.model.vocabulary.Tlp;
import uk.crossline.search.Projection;

/**
 * Events a test seeds straight into the live projection, each carrying the test's own marker in its
 * summary and reference, so tests running at once on the shared stack never see each other's.
 */
public final class TestEvents {

  public static final OriginatingAgency WEST_MERCIA =
      agency("west-mercia-police", AgencyType.POLICE, "redditch");
  public static final OriginatingAgency WEST_MIDLANDS =
      agency("west-midlands-police", AgencyType.POLICE, "birmingham");
  public static final OriginatingAgency TRADING_STANDARDS =
      agency("worcs-trading-standards", AgencyType.TRADING_STANDARDS, "redditch");
  public static final OriginatingAgency REDDITCH =
      agency("redditch-bc", AgencyType.LOCAL_AUTHORITY, "redditch");

  private TestEvents() {}

  /** A marker unique to this run, one word for the summary's full-text search. */
  public static String marker(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "");
  }

  public static Builder event(String marker, int n) {
    return new Builder(marker, n);
  }

  /** Writes the events into the live generation's monthly indices and refreshes. */
  public static void index(ElasticsearchClient client, List<IntelligenceReported> events)
      throws Exception {
    Map<String, Map<String, Object>> documents = new LinkedHashMap<>();
    for (IntelligenceReported event : events) {
      documents.put(event.eventId().value(), IntelligenceDocuments.source(event, Instant.now()));
    }
    Projection.index(client, documents);
  }

  private static OriginatingAgency agency(String id, AgencyType type, String district) {
    return new OriginatingAgency(AgencyId.of(id), type, List.of(district));
  }

  /** One seeded event: GREEN, by West Mercia Police, a deal line in Redditch, unless told. */
  public static final class Builder {
    private final String marker;
    private final int n;
    private OriginatingAgency by = WEST_MERCIA;
    private Tlp tlp = Tlp.GREEN;
    private SharingScope scope = SharingScope.none();
    private Category category = Category.VAPE_SUPPLY_TO_MINORS;
    private Set<Indicator> indicators = EnumSet.noneOf(Indicator.class);
    private Instant observed = Instant.parse("2026-11-05T10:00:00Z");
    private Instant submitted = Instant.parse("2026-11-06T10:00:00Z");
    private String district = "redditch";
    private Optional<String> ward = Optional.empty();
    private Optional<String> outward = Optional.empty();
    private Optional<GeoPoint> point = Optional.empty();
    private Optional<Premises> premises = Optional.empty();
    private final List<Subject> subjects = new ArrayList<>();
    private final List<IdentifierRef> identifiers = new ArrayList<>();
    private Optional<Grading> grading = Optional.empty();

    private Builder(String marker, int n) {
      this.marker = marker;
      this.n = n;
      this.observed = observed.plusSeconds(n);
    }

    public Builder by(OriginatingAgency agency) {
      this.by = agency;
      return this;
    }

    public Builder tlp(Tlp tlp) {
      this.tlp = tlp;
      return this;
    }

    public Builder scope(SharingScope scope) {
      this.scope = scope;
      return this;
    }

    public Builder category(Category category) {
      this.category = category;
      return this;
    }

    public Builder indicators(Indicator... indicators) {
      this.indicators = Set.of(indicators);
      return this;
    }

    public Builder observed(Instant observed) {
      this.observed = observed;
      return this;
    }

    public Builder submitted(Instant submitted) {
      this.submitted = submitted;
      return this;
    }

    public Builder where(String district, String ward, String outward) {
      this.district = district;
      this.ward = Optional.ofNullable(ward);
      this.outward = Optional.ofNullable(outward);
      return this;
    }

    public Builder point(double lat, double lon) {
      this.point = Optional.of(new GeoPoint(lat, lon));
      return this;
    }

    public Builder premises(Premises premises) {
      this.premises = Optional.of(premises);
      return this;
    }

    public Builder subject(PseudonymToken token) {
      subjects.add(new Subject(SubjectRole.YOUNG_PERSON, AgeBand.UNKNOWN, Optional.of(token)));
      return this;
    }

    public Builder identifier(IdentifierType type, PseudonymToken token) {
      identifiers.add(new IdentifierRef(type, token, false));
      return this;
    }

    public Builder grading(Grading grading) {
      this.grading = Optional.of(grading);
      return this;
    }

    public IntelligenceReported build() {
      String originRefHash = marker + "-" + n;
      var report =
          new IntelligenceReport(
              new ObservedAt(observed, ObservedAt.Precision.DAY),
              category,
              indicators,
              "Seeded report " + marker + " number " + n,
              new Location(district, ward, outward, Optional.empty(), point),
              premises,
              subjects,
              identifiers,
              grading,
              Marking.official(tlp),
              scope);
      return new IntelligenceReported(
          1, EventId.derive(by.id(), originRefHash), 1, by, submitted, originRefHash, report);
    }
  }
}
