package uk.crossline.model.access;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.crossline.model.AgencyId;
import uk.crossline.model.AgencyType;
import uk.crossline.model.Caller;
import uk.crossline.model.Role;
import uk.crossline.model.event.EventId;
import uk.crossline.model.event.IntelligenceEvent;
import uk.crossline.model.event.IntelligenceReport;
import uk.crossline.model.event.IntelligenceReported;
import uk.crossline.model.event.IntelligenceRetracted;
import uk.crossline.model.event.Location;
import uk.crossline.model.event.Marking;
import uk.crossline.model.event.ObservedAt;
import uk.crossline.model.event.OriginatingAgency;
import uk.crossline.model.event.SharingScope;
import uk.crossline.model.projection.DocumentStatus;
import uk.crossline.model.projection.IntelligenceDocuments;
import uk.crossline.model.vocabulary.Category;
import uk.crossline.model.vocabulary.RetractionReason;
import uk.crossline.model.vocabulary.Tlp;

/**
 * The demo partnership as the access tests see it: the bundled policy, its agencies, callers with
 * the roles of their jobs, and events built as the intake builds them and projected as the indexer
 * projects them.
 */
final class NorthWorcestershire {

  static final Partnership PARTNERSHIP = Partnership.bundled();
  static final AccessPolicy POLICY = new AccessPolicy(PARTNERSHIP);

  static final AgencyId WEST_MERCIA_POLICE = AgencyId.of("west-mercia-police");
  static final AgencyId TRADING_STANDARDS = AgencyId.of("worcs-trading-standards");
  static final AgencyId REDDITCH_BC = AgencyId.of("redditch-bc");
  static final AgencyId BROMSGROVE_DC = AgencyId.of("bromsgrove-dc");
  static final AgencyId WYRE_FOREST_DC = AgencyId.of("wyre-forest-dc");
  static final AgencyId SCHOOLS = AgencyId.of("nw-schools-safeguarding");
  static final AgencyId YOUTH_MENTORING = AgencyId.of("nw-youth-mentoring");
  static final AgencyId WYCHAVON_DC = AgencyId.of("wychavon-dc");
  static final AgencyId WEST_MIDLANDS_POLICE = AgencyId.of("west-midlands-police");

  /** Every demo agency, in the order of DESIGN.md's table. */
  static final List<AgencyId> AGENCIES =
      List.of(
          WEST_MERCIA_POLICE,
          TRADING_STANDARDS,
          REDDITCH_BC,
          BROMSGROVE_DC,
          WYRE_FOREST_DC,
          SCHOOLS,
          YOUTH_MENTORING,
          WYCHAVON_DC,
          WEST_MIDLANDS_POLICE);

  /** A community safety officer's or trading standards officer's roles. */
  static final Set<Role> SEARCHER =
      EnumSet.of(Role.SUBMIT, Role.SEARCH, Role.SUBSCRIBE_ALERTS, Role.READ_STATISTICS);

  /** A police intelligence analyst's roles. */
  static final Set<Role> ANALYST =
      EnumSet.of(
          Role.SUBMIT,
          Role.SEARCH,
          Role.LINK_ANALYSIS,
          Role.SUBSCRIBE_ALERTS,
          Role.READ_STATISTICS);

  static final Path REALM = Path.of("..", "infra", "keycloak", "crossline-realm.json");

  private static final Instant OBSERVED = Instant.parse("2026-11-20T16:30:00Z");
  private static final Instant SUBMITTED = Instant.parse("2026-11-21T09:15:00Z");
  private static final AtomicLong REFERENCES = new AtomicLong();

  private NorthWorcestershire() {}

  static PartnerAgency agency(AgencyId id) {
    return PARTNERSHIP.agency(id).orElseThrow();
  }

  /** A person of this agency, its type as the partnership file gives it. */
  static Caller caller(AgencyId agency, Set<Role> roles) {
    return new Caller(
        "user-" + agency, agency + ".user", agency, agency(agency).type(), EnumSet.copyOf(roles));
  }

  static Caller caller(AgencyId agency, Role... roles) {
    return caller(agency, roles.length == 0 ? Set.of() : EnumSet.copyOf(Arrays.asList(roles)));
  }

  static Caller searcher(AgencyId agency) {
    return caller(agency, SEARCHER);
  }

  static Caller analyst(AgencyId agency) {
    return caller(agency, ANALYST);
  }

  /** The demo users of the identity realm, as their tokens present them. */
  static List<Caller> realmUsers() {
    JsonNode realm;
    try {
      realm = JsonMapper.builder().build().readTree(Files.readString(REALM));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    List<Caller> users = new ArrayList<>();
    for (JsonNode user : realm.get("users").values()) {
      JsonNode attributes = user.get("attributes");
      if (attributes == null || attributes.get("agency") == null) {
        continue;
      }
      Set<Role> roles = EnumSet.noneOf(Role.class);
      user.get("realmRoles").values().stream()
          .map(role -> Role.fromClaim(role.stringValue()))
          .flatMap(Optional::stream)
          .forEach(roles::add);
      users.add(
          new Caller(
              user.get("username").stringValue(),
              user.get("username").stringValue(),
              AgencyId.of(attributes.get("agency").get(0).stringValue()),
              AgencyType.valueOf(attributes.get("agency_type").get(0).stringValue()),
              roles));
    }
    return users;
  }

  static Caller realmUser(String username) {
    return realmUsers().stream()
        .filter(user -> user.username().equals(username))
        .findFirst()
        .orElseThrow();
  }

  /** A live GREEN report of drug dealing by West Mercia Police; change what the test needs. */
  static EventSpec event() {
    return new EventSpec();
  }

  /** One event as a test describes it, and the same event as the policy and the index see it. */
  static final class EventSpec {
    private AgencyId from = WEST_MERCIA_POLICE;
    private Tlp tlp = Tlp.GREEN;
    private final Set<AgencyId> named = new LinkedHashSet<>();
    private final Set<AgencyType> types = new LinkedHashSet<>();
    private Category category = Category.DRUG_DEALING;
    private boolean retracted;
    private final Set<AgencyId> grants = new LinkedHashSet<>();
    private IntelligenceEvent event;

    EventSpec from(AgencyId agency) {
      this.from = agency;
      event = null;
      return this;
    }

    EventSpec tlp(Tlp tlp) {
      this.tlp = tlp;
      event = null;
      return this;
    }

    EventSpec naming(AgencyId... agencies) {
      named.addAll(List.of(agencies));
      event = null;
      return this;
    }

    EventSpec sharedWithTypes(AgencyType... agencyTypes) {
      types.addAll(List.of(agencyTypes));
      event = null;
      return this;
    }

    EventSpec category(Category category) {
      this.category = category;
      event = null;
      return this;
    }

    EventSpec retracted() {
      this.retracted = true;
      event = null;
      return this;
    }

    EventSpec grantedTo(AgencyId... agencies) {
      grants.addAll(List.of(agencies));
      event = null;
      return this;
    }

    /**
     * Whether a real report can carry this marking and scope (scope for AMBER and AMBER+STRICT
     * only, agency types for AMBER only).
     */
    boolean isReportable() {
      return switch (tlp) {
        case AMBER -> true;
        case AMBER_STRICT -> types.isEmpty();
        default -> named.isEmpty() && types.isEmpty();
      };
    }

    /**
     * The event on the topic: the report, or (when retracted) the retraction whose tombstone
     * replaces it in the index.
     */
    IntelligenceEvent event() {
      if (event == null) {
        event = newEvent();
      }
      return event;
    }

    private IntelligenceEvent newEvent() {
      PartnerAgency agency = agency(from);
      OriginatingAgency origin =
          new OriginatingAgency(agency.id(), agency.type(), agency.homeDistricts());
      String originRefHash = "ref-" + REFERENCES.incrementAndGet();
      EventId id = EventId.derive(from, originRefHash);
      if (retracted) {
        return new IntelligenceRetracted(
            1, id, 2, origin, SUBMITTED, originRefHash, RetractionReason.ENTERED_IN_ERROR);
      }
      IntelligenceReport report =
          new IntelligenceReport(
              new ObservedAt(OBSERVED, ObservedAt.Precision.DAY),
              category,
              Set.of(),
              "Seen on the estate after school.",
              new Location(
                  agency.homeDistricts().getFirst(),
                  Optional.empty(),
                  Optional.empty(),
                  Optional.empty(),
                  Optional.empty()),
              Optional.empty(),
              List.of(),
              List.of(),
              Optional.empty(),
              Marking.official(tlp),
              new SharingScope(named, types));
      return new IntelligenceReported(1, id, 1, origin, SUBMITTED, originRefHash, report);
    }

    /** What the policy knows of the real event, with its grants. */
    EventAccess access() {
      return EventAccess.of(event()).withGrants(grants);
    }

    /** What the policy would know of the event, even where no real report could be so marked. */
    EventAccess accessAsDescribed() {
      return new EventAccess(
          from,
          retracted ? DocumentStatus.RETRACTED : DocumentStatus.ACTIVE,
          Optional.of(tlp),
          named,
          types,
          Optional.of(category),
          grants);
    }

    /** The real event's document as the indexer writes it, with the grants recorded. */
    Map<String, Object> document() {
      return withGrants(IntelligenceDocuments.source(event(), SUBMITTED));
    }

    /**
     * The document of {@link #accessAsDescribed()}: a report's fields as the indexer writes them,
     * even where no real report could be so marked, or content in a retracted document.
     */
    Map<String, Object> documentAsDescribed() {
      Map<String, Object> document = new LinkedHashMap<>();
      document.put("status", retracted ? "RETRACTED" : "ACTIVE");
      document.put("agency", Map.of("id", from.value(), "type", agency(from).type().name()));
      document.put("category", category.name());
      document.put("marking", Map.of("tlp", tlp.name(), "classification", "OFFICIAL"));
      document.put(
          "scope",
          Map.of(
              "agencies", named.stream().map(AgencyId::value).toList(),
              "agencyTypes", types.stream().map(Enum::name).toList()));
      return withGrants(document);
    }

    private Map<String, Object> withGrants(Map<String, Object> document) {
      if (!grants.isEmpty()) {
        document.put(EventAccess.GRANTS_FIELD, grants.stream().map(AgencyId::value).toList());
      }
      return document;
    }
  }
}
