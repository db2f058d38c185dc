package uk.crossline.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import uk.crossline.model.AgencyId;
import uk.crossline.model.AgencyType;
import uk.crossline.model.Caller;
import uk.crossline.model.access.AccessPolicy;
import uk.crossline.model.access.EventAccess;
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
import uk.crossline.model.location.Gazetteer;
import uk.crossline.model.projection.DocumentStatus;
import uk.crossline.model.projection.IntelligenceDocuments;
import uk.crossline.model.pseudonymisation.KeyRing;
import uk.crossline.model.pseudonymisation.PseudonymToken;
import uk.crossline.model.pseudonymisation.Pseudonymiser;
import uk.crossline.model.vocabulary.AgeBand;
import uk.crossline.model.vocabulary.Category;
import uk.crossline.model.vocabulary.HandlingCode;
import uk.crossline.model.vocabulary.IdentifierType;
import uk.crossline.model.vocabulary.IntelligenceAssessment;
import uk.crossline.model.vocabulary.SourceEvaluation;
import uk.crossline.model.vocabulary.SubjectRole;
import uk.crossline.model.vocabulary.Tlp;
import uk.crossline.testsupport.DemoUsers;

/**
 * The leak test's data: one run's events from every kind of originator, under every marking and
 * scope, in a category every agreement admits and one trading standards' does not, some granted to
 * an agency on request and some retracted, written straight into the live index as the indexer
 * writes them. They share phones, people and premises in small groups, so look-ups, links and
 * premises timelines cross agencies and markings. Everything carries this run's marker (in the
 * summary) and this run's own phone numbers, people and premises, so a test reads only what it
 * seeded while other tests seed beside it.
 *
 * <p>The oracle is the policy's decision on each event in memory ({@link AccessPolicy#canSee} and
 * its siblings), never Elasticsearch: every test compares what the service answers with it.
 */
public final class SeededPartnership {

  /** The handling conditions of the events graded with handling code C. */
  public static final String CONDITIONS = "Not to be disclosed to the subject's family";

  /** Phones, people and premises are each shared by the events of one group. */
  public static final int PHONE_GROUPS = 4;

  public static final int SUBJECT_GROUPS = 3;
  public static final int PREMISES_GROUPS = 5;

  /** Every demo user of the realm, as its token describes it. */
  public static final Map<String, Caller> USERS = DemoUsers.CALLERS;

  /** The demo users whose agency and roles allow searching. */
  public static final List<String> SEARCHERS =
      List.of(
          "police.analyst",
          "wmp.analyst",
          "ts.officer",
          "redditch.cso",
          "bromsgrove.cso",
          "wyreforest.cso");

  private static final Instant NOVEMBER = Instant.parse("2026-11-05T10:00:00Z");
  private static final List<OriginatingAgency> ORIGINATORS =
      List.of(
          agency("west-mercia-police", AgencyType.POLICE, "redditch", "bromsgrove", "wyre-forest"),
          agency("west-midlands-police", AgencyType.POLICE, "birmingham"),
          agency("worcs-trading-standards", AgencyType.TRADING_STANDARDS, "wyre-forest"),
          agency("redditch-bc", AgencyType.LOCAL_AUTHORITY, "redditch"),
          agency("nw-schools-safeguarding", AgencyType.EDUCATION, "bromsgrove"));
  private static final List<SharingScope> SCOPES =
      List.of(
          SharingScope.none(),
          new SharingScope(Set.of(AgencyId.of("redditch-bc")), Set.of()),
          new SharingScope(Set.of(AgencyId.of("west-midlands-police")), Set.of()),
          new SharingScope(Set.of(), Set.of(AgencyType.LOCAL_AUTHORITY)),
          new SharingScope(Set.of(), Set.of(AgencyType.TRADING_STANDARDS, AgencyType.POLICE)));
  private static final Set<AgencyId> GRANTEES =
      Set.of(AgencyId.of("bromsgrove-dc"), AgencyId.of("worcs-trading-standards"));

  private final String marker = "seeded" + UUID.randomUUID().toString().replace("-", "");
  private final List<String> phones = new ArrayList<>();
  private final List<String> people = new ArrayList<>();
  private final List<String> uprns = new ArrayList<>();
  private final List<Seeded> events = new ArrayList<>();
  private final Pseudonymiser pseudonymiser = new Pseudonymiser(KeyRing.demo());

  /**
   * One seeded event.
   *
   * @param document what the index holds (grants and status included)
   * @param access what the policy decides on, read from that document
   */
  public record Seeded(
      int n, IntelligenceReported event, Map<String, Object> document, EventAccess access) {

    public String id() {
      return event.eventId().value();
    }

    public int phoneGroup() {
      return n % PHONE_GROUPS;
    }

    public int subjectGroup() {
      return n % SUBJECT_GROUPS;
    }

    public int premisesGroup() {
      return n % PREMISES_GROUPS;
    }
  }

  private SeededPartnership() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int group = 0; group < PHONE_GROUPS; group++) {
      phones.add("07700 %06d".formatted(random.nextInt(1_000_000)));
    }
    for (int group = 0; group < SUBJECT_GROUPS; group++) {
      // Letters, not digits: a person's name is normalised to its letters before it is tokenised.
      people.add("Seeded Person " + marker + " " + List.of("Alpha", "Bravo", "Charlie").get(group));
    }
    for (int group = 0; group < PREMISES_GROUPS; group++) {
      uprns.add("9%011d".formatted(random.nextLong(100_000_000_000L)));
    }
    int n = 0;
    for (OriginatingAgency originator : ORIGINATORS) {
      for (Tlp tlp : Tlp.values()) {
        for (SharingScope scope : SCOPES) {
          if (!scope.isEmpty() && tlp != Tlp.AMBER && tlp != Tlp.AMBER_STRICT) {
            continue;
          }
          if (tlp == Tlp.AMBER_STRICT && !scope.agencyTypes().isEmpty()) {
            continue;
          }
          for (Category category : List.of(Category.DEAL_LINE, Category.VAPE_SUPPLY_TO_MINORS)) {
            events.add(seeded(originator, tlp, scope, category, n++));
          }
        }
      }
    }
  }

  /** Seeds one run's events into the live index of the projection, refreshed and searchable. */
  public static SeededPartnership seed(ElasticsearchClient client) throws IOException {
    SeededPartnership partnership = new SeededPartnership();
    Map<String, Map<String, Object>> documents = new LinkedHashMap<>();
    partnership.events.forEach(seeded -> documents.put(seeded.id(), seeded.document()));
    Projection.index(client, documents);
    return partnership;
  }

  /** The word in every seeded summary: searching for it finds this run's events only. */
  public String marker() {
    return marker;
  }

  public List<Seeded> events() {
    return events;
  }

  /** The phone number (as an officer would type it) the events of a phone group share. */
  public String phone(int group) {
    return phones.get(group);
  }

  /** The token every intake makes of {@link #phone}, under the current demo key. */
  public PseudonymToken phoneToken(int group) {
    return pseudonymiser.token(IdentifierType.PHONE, phones.get(group));
  }

  /** The UPRN of the premises the events of a premises group concern. */
  public String uprn(int group) {
    return uprns.get(group);
  }

  /** The premises key the projection stores for {@link #uprn}. */
  public String premisesKey(int group) {
    return "uprn:" + uprns.get(group);
  }

  /** The seeded events matching a condition, by id. */
  public Set<String> ids(Predicate<Seeded> which) {
    return events.stream()
        .filter(which)
        .map(Seeded::id)
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /**
   * The oracle for search, view, look-up, links and premises: the ids the policy lets a user see.
   */
  public Set<String> visibleTo(AccessPolicy policy, String user) {
    Caller caller = USERS.get(user);
    return ids(seeded -> policy.canSee(caller, seeded.access()));
  }

  private Seeded seeded(
      OriginatingAgency originator, Tlp tlp, SharingScope scope, Category category, int n) {
    String originRefHash = marker + "-" + n;
    String district = originator.homeDistricts().get(n % originator.homeDistricts().size());
    var point = Gazetteer.bundled().district(district).map(d -> d.centroid());
    var report =
        new IntelligenceReport(
            new ObservedAt(NOVEMBER.plusSeconds(60L * n), ObservedAt.Precision.DAY),
            category,
            Set.of(),
            "Seeded report " + marker + " number " + n,
            new Location(district, Optional.empty(), Optional.empty(), Optional.empty(), point),
            Optional.of(
                Premises.of(
                    "Seeded Vapes " + (n % PREMISES_GROUPS),
                    (n % PREMISES_GROUPS) + " High Street",
                    "B97 4AA",
                    Optional.of(uprns.get(n % PREMISES_GROUPS)),
                    Optional.empty())),
            List.of(
                new Subject(
                    SubjectRole.YOUNG_PERSON,
                    AgeBand.ofAge(15),
                    Optional.of(
                        pseudonymiser.personToken(
                            people.get(n % SUBJECT_GROUPS), Optional.empty())))),
            List.of(
                new IdentifierRef(
                    IdentifierType.PHONE,
                    pseudonymiser.token(IdentifierType.PHONE, phones.get(n % PHONE_GROUPS)),
                    true)),
            grading(n),
            Marking.official(tlp),
            scope);
    var event =
        new IntelligenceReported(
            1,
            EventId.derive(originator.id(), originRefHash),
            1,
            originator,
            NOVEMBER.plusSeconds(86_400L + 60L * n),
            originRefHash,
            report);
    Map<String, Object> document =
        new LinkedHashMap<>(IntelligenceDocuments.source(event, Instant.now()));
    if (n % 7 == 3) {
      document.put(EventAccess.GRANTS_FIELD, GRANTEES.stream().map(AgencyId::value).toList());
    }
    if (n % 10 == 9) {
      // Harsher than the indexer, which keeps only a tombstone: a retracted event is hidden even
      // with its whole content still in the document.
      document.put("status", DocumentStatus.RETRACTED.name());
    }
    return new Seeded(n, event, document, EventAccess.fromDocument(document));
  }

  private static Optional<Grading> grading(int n) {
    return switch (n % 3) {
      case 0 ->
          Optional.of(
              new Grading(
                  SourceEvaluation.UNTESTED,
                  IntelligenceAssessment.B,
                  HandlingCode.C,
                  Optional.of(CONDITIONS)));
      case 1 ->
          Optional.of(
              new Grading(
                  SourceEvaluation.RELIABLE,
                  IntelligenceAssessment.A,
                  HandlingCode.P,
                  Optional.empty()));
      default -> Optional.empty();
    };
  }

  private static OriginatingAgency agency(String id, AgencyType type, String... districts) {
    return new OriginatingAgency(AgencyId.of(id), type, List.of(districts));
  }
}
