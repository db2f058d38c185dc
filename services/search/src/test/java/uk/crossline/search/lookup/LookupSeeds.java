package uk.crossline.search.lookup;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import uk.crossline.model.AgencyId;
import uk.crossline.model.AgencyType;
import uk.crossline.model.event.EventId;
import uk.crossline.model.event.IdentifierRef;
import uk.crossline.model.event.IntelligenceReport;
import uk.crossline.model.event.IntelligenceReported;
import uk.crossline.model.event.Location;
import uk.crossline.model.event.Marking;
import uk.crossline.model.event.ObservedAt;
import uk.crossline.model.event.OriginatingAgency;
import uk.crossline.model.event.SharingScope;
import uk.crossline.model.projection.IntelligenceDocuments;
import uk.crossline.model.pseudonymisation.KeyRing;
import uk.crossline.model.pseudonymisation.PseudonymToken;
import uk.crossline.model.pseudonymisation.Pseudonymiser;
import uk.crossline.model.vocabulary.Category;
import uk.crossline.model.vocabulary.IdentifierType;
import uk.crossline.model.vocabulary.Tlp;
import uk.crossline.search.Projection;

/**
 * Events for look-up tests, written straight into the live index as the indexer writes them, each
 * run with its own marker and its own fictional identifiers, so tests read only what they seeded.
 */
public final class LookupSeeds {

  public static final OriginatingAgency POLICE =
      new OriginatingAgency(
          AgencyId.of("west-mercia-police"),
          AgencyType.POLICE,
          List.of("redditch", "bromsgrove", "wyre-forest"));
  public static final OriginatingAgency REDDITCH =
      new OriginatingAgency(
          AgencyId.of("redditch-bc"), AgencyType.LOCAL_AUTHORITY, List.of("redditch"));

  public static final Pseudonymiser PSEUDONYMISER = new Pseudonymiser(KeyRing.demo());

  private final ElasticsearchClient client;
  public final String marker = "lookup" + UUID.randomUUID().toString().replace("-", "");
  private int n;

  public LookupSeeds(ElasticsearchClient client) {
    this.client = client;
  }

  /** A fictional UK mobile in the Ofcom drama range, unique enough for one run. */
  public static String phone() {
    return "07700 9%05d".formatted(ThreadLocalRandom.current().nextInt(100_000));
  }

  public static IdentifierRef identifier(IdentifierType type, String raw) {
    return new IdentifierRef(type, PSEUDONYMISER.token(type, raw), false);
  }

  /** The identifier's token under the oldest key of the ring, as before a key rotation. */
  public static IdentifierRef identifierUnderOldestKey(IdentifierType type, String raw) {
    List<PseudonymToken> tokens = PSEUDONYMISER.tokensUnderEveryKey(type, raw);
    return new IdentifierRef(type, tokens.getLast(), false);
  }

  /**
   * A Redditch AMBER event with the phone that names only Wyre Forest: Bromsgrove may not see it,
   * yet learns a match exists and may ask for it.
   */
  public IntelligenceReported redditchAmberForWyreForest(String phone) throws Exception {
    return seed(
        REDDITCH, Tlp.AMBER, scope("wyre-forest-dc"), identifier(IdentifierType.PHONE, phone));
  }

  public IntelligenceReported seed(
      OriginatingAgency originator, Tlp tlp, SharingScope scope, IdentifierRef... identifiers)
      throws Exception {
    return seed(originator, tlp, scope, Map.of(), identifiers);
  }

  /** Seeds one event; {@code extra} is added to its document (e.g. grants). */
  public IntelligenceReported seed(
      OriginatingAgency originator,
      Tlp tlp,
      SharingScope scope,
      Map<String, Object> extra,
      IdentifierRef... identifiers)
      throws Exception {
    String originRefHash = marker + "-" + n++;
    var report =
        new IntelligenceReport(
            new ObservedAt(
                Instant.parse("2026-11-07T10:00:00Z").plusSeconds(n), ObservedAt.Precision.DAY),
            Category.DEAL_LINE,
            Set.of(),
            "Seeded look-up report " + marker + " number " + n,
            new Location(
                originator.homeDistricts().getFirst(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty()),
            Optional.empty(),
            List.of(),
            List.of(identifiers),
            Optional.empty(),
            Marking.official(tlp),
            scope);
    var event =
        new IntelligenceReported(
            1,
            EventId.derive(originator.id(), originRefHash),
            1,
            originator,
            Instant.parse("2026-11-08T10:00:00Z"),
            originRefHash,
            report);
    Map<String, Object> source = IntelligenceDocuments.source(event, Instant.now());
    source.putAll(extra);
    write(event.eventId(), source);
    return event;
  }

  /** Writes (or rewrites) a document into the live November index, stamped, refreshed. */
  public void write(EventId id, Map<String, Object> source) throws Exception {
    String index = Projection.liveIndex(client, Instant.parse("2026-11-07T10:00:00Z"));
    Map<String, Object> stamped = Projection.stamped(source);
    client.index(i -> i.index(index).id(id.value()).document(stamped).refresh(Refresh.True));
  }

  public static SharingScope scope(String... agencies) {
    return new SharingScope(
        java.util.Arrays.stream(agencies)
            .map(AgencyId::of)
            .collect(java.util.stream.Collectors.toSet()),
        Set.of());
  }
}
