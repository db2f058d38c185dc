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
import uk.crossline.model.projection.IntelligenceIndex;
import uk.crossline.model.pseudonymisation.KeyRing;
import uk.crossline.model.pseudonymisation.PseudonymToken;
import uk.crossline.model.pseudonymisation.Pseudonymiser;
import uk.crossline.model.vocabulary.Category;
import uk.crossline.model.vocabulary.IdentifierType;
import uk.crossline.model.vocabulary.Tlp;

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

  /** Writes (or rewrites) a document into the live November index, refreshed. */
  public void write(EventId id, Map<String, Object> source) throws Exception {
    String index = liveIndex();
    client.index(i -> i.index(index).id(id.value()).document(source).refresh(Refresh.True));
  }

  /** The November index of the generation search reads now, created with the alias if needed. */
  private String liveIndex() throws Exception {
    int generation = 1;
    try {
      generation =
          client
              .indices()
              .getAlias(a -> a.name(IntelligenceIndex.READ_ALIAS))
              .result()
              .keySet()
              .stream()
              .map(IntelligenceIndex::parse)
              .flatMap(Optional::stream)
              .mapToInt(IntelligenceIndex.Parsed::generation)
              .max()
              .orElse(1);
    } catch (co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
      // no alias yet: generation 1
    }
    String index = IntelligenceIndex.name(generation, Instant.parse("2026-11-07T10:00:00Z"));
    if (!client.indices().exists(e -> e.index(index)).value()) {
      try {
        client.indices().create(c -> c.index(index).aliases(IntelligenceIndex.READ_ALIAS, a -> a));
      } catch (co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
        // created by someone else meanwhile
      }
    }
    return index;
  }

  public static SharingScope scope(String... agencies) {
    return new SharingScope(
        java.util.Arrays.stream(agencies)
            .map(AgencyId::of)
            .collect(java.util.stream.Collectors.toSet()),
        Set.of());
  }
}
