package uk.crossline.indexer.projection;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import uk.crossline.model.AgencyId;
import uk.crossline.model.access.AccessPolicy;
import uk.crossline.model.access.EventAccess;
import uk.crossline.model.event.EventId;
import uk.crossline.model.event.IntelligenceEvent;
import uk.crossline.model.event.IntelligenceRetracted;
import uk.crossline.model.projection.DocumentStatus;
import uk.crossline.model.projection.IntelligenceDocuments;
import uk.crossline.model.projection.IntelligenceIndex;

/**
 * Applies a batch of events to one generation of the projection in one bulk request. Every document
 * carries its event's revision as an external version, so replaying a batch, or an older amendment
 * arriving after a newer one, changes nothing: the projection is exactly-once in effect on an
 * at-least-once stream. Every document is written complete: its event's fields, the grants its
 * originator made, and the agencies it reaches under the access policy, worked out from both.
 */
@Component
public class IntelligenceProjection {

  private final ElasticsearchClient client;
  private final Generations generations;
  private final Clock clock;
  private final Counter indexed;
  private final Counter stale;
  private final Timer bulkLatency;
  private final EventGrants grants;
  private final AccessPolicy policy;

  IntelligenceProjection(
      ElasticsearchClient client,
      Generations generations,
      Clock clock,
      MeterRegistry meters,
      EventGrants grants,
      AccessPolicy policy) {
    this.client = client;
    this.generations = generations;
    this.clock = clock;
    this.grants = grants;
    this.policy = policy;
    this.indexed = meters.counter("crossline.indexer.documents", "outcome", "indexed");
    this.stale = meters.counter("crossline.indexer.documents", "outcome", "stale");
    this.bulkLatency = meters.timer("crossline.indexer.bulk");
  }

  /** Where a document of the generation is now, and at which revision. */
  private record Existing(String index, long version) {}

  /**
   * Applies the records to the generation.
   *
   * @throws ProjectionUnavailableException when Elasticsearch cannot take them now (retry)
   * @throws DocumentRejectedException when it refuses one document for what it is (dead-letter)
   */
  public void apply(List<ProjectedRecord> records, int generation, boolean live) {
    if (records.isEmpty()) {
      return;
    }
    Map<EventId, ProjectedRecord> latest = latestPerEvent(records);
    // Read before the documents are built: a grant recorded after this is caught below.
    long grantsSeen = grants.version();
    try {
      Map<EventId, Existing> existing =
          existing(latest.keySet(), generation, needsRefresh(latest.values()));
      List<BulkOperation> operations = new ArrayList<>();
      List<ProjectedRecord> owners = new ArrayList<>();
      for (ProjectedRecord record : latest.values()) {
        Existing current = existing.get(record.eventId());
        if (record.event().isEmpty()) {
          if (current != null) {
            operations.add(
                BulkOperation.of(
                    b -> b.delete(d -> d.index(current.index()).id(record.eventId().value()))));
            owners.add(record);
          }
          continue;
        }
        IntelligenceEvent event = record.event().get();
        if (current != null && current.version() >= event.revision()) {
          stale.increment();
          continue;
        }
        String target = targetIndex(event, current, generation);
        generations.ensureIndex(target, live);
        if (current != null && !current.index().equals(target)) {
          // The amendment moved the event to another month: the old copy goes.
          operations.add(
              BulkOperation.of(
                  b ->
                      b.delete(
                          d ->
                              d.index(current.index())
                                  .id(record.eventId().value())
                                  .version(event.revision())
                                  .versionType(VersionType.External))));
          owners.add(record);
        }
        Map<String, Object> source =
            withGrants(event, IntelligenceDocuments.source(event, clock.instant()));
        policy.stampReach(source);
        operations.add(
            BulkOperation.of(
                b ->
                    b.index(
                        i ->
                            i.index(target)
                                .id(record.eventId().value())
                                .version(event.revision())
                                .versionType(VersionType.External)
                                .document(source))));
        owners.add(record);
      }
      if (!operations.isEmpty()) {
        BulkResponse response =
            bulkLatency.recordCallable(
                () -> client.bulk(BulkRequest.of(b -> b.operations(operations))));
        check(response, owners);
      }
      // A grant recorded while this batch was built may have been written to the copy this batch
      // replaced; it is written again onto the new copy.
      Set<EventId> regranted = grants.changedSince(grantsSeen, latest.keySet());
      if (!regranted.isEmpty()) {
        regrant(regranted, generation);
      }
    } catch (IOException e) {
      throw new ProjectionUnavailableException("Elasticsearch is not reachable", e);
    } catch (ElasticsearchException e) {
      if (e.status() == 429 || e.status() >= 500) {
        throw new ProjectionUnavailableException("Elasticsearch cannot take the batch now", e);
      }
      throw e;
    } catch (ProjectionUnavailableException | DocumentRejectedException e) {
      throw e;
    } catch (Exception e) {
      throw new ProjectionUnavailableException("the bulk request failed", e);
    }
  }

  private Map<String, Object> withGrants(IntelligenceEvent event, Map<String, Object> source) {
    if (!(event instanceof IntelligenceRetracted)) {
      Set<AgencyId> granted = grants.of(event.eventId(), event.agency().id());
      if (!granted.isEmpty()) {
        source.put(
            EventAccess.GRANTS_FIELD, granted.stream().map(AgencyId::value).sorted().toList());
      }
    }
    return source;
  }

  /**
   * Writes the events' current grants onto their current documents in the generation, keeping each
   * document's version ({@code external_gte} at the version found): an amendment projected in
   * between wins the race with a 409, and the grants are then written onto it. Events without a
   * document there are left alone: when they are projected, their grants come with them.
   *
   * @throws ProjectionUnavailableException when Elasticsearch cannot take them now (retry)
   */
  public void regrant(Collection<EventId> eventIds, int generation) {
    for (EventId eventId : eventIds) {
      boolean done = false;
      for (int attempt = 0; !done && attempt < 10; attempt++) {
        try {
          done = regrantOnce(eventId, generation);
        } catch (IOException e) {
          throw new ProjectionUnavailableException("Elasticsearch is not reachable", e);
        } catch (ElasticsearchException e) {
          if (e.status() != 409) {
            throw new ProjectionUnavailableException("the grants could not be written", e);
          }
          // A newer revision landed between the read and the write: read it again.
        }
      }
      if (!done) {
        throw new ProjectionUnavailableException("the grants could not be written", null);
      }
    }
  }

  /** True when the document holds the grants (or there is none); false to read it again. */
  @SuppressWarnings("unchecked")
  private boolean regrantOnce(EventId eventId, int generation) throws IOException {
    client
        .indices()
        .refresh(
            r ->
                r.index(IntelligenceIndex.pattern(generation))
                    .ignoreUnavailable(true)
                    .allowNoIndices(true));
    var hits =
        client
            .search(
                s ->
                    s.index(IntelligenceIndex.pattern(generation))
                        .ignoreUnavailable(true)
                        .allowNoIndices(true)
                        .version(true)
                        .query(q -> q.ids(i -> i.values(eventId.value()))),
                Map.class)
            .hits()
            .hits();
    Hit<Map> current =
        hits.stream()
            .max(Comparator.comparingLong(h -> h.version() == null ? 0 : h.version()))
            .orElse(null);
    if (current == null || current.source() == null) {
      return true;
    }
    Map<String, Object> source = new LinkedHashMap<>(current.source());
    EventAccess access;
    try {
      access = EventAccess.fromDocument(source);
    } catch (IllegalArgumentException e) {
      return true;
    }
    if (access.status() != DocumentStatus.ACTIVE) {
      return true;
    }
    Set<AgencyId> wanted = grants.of(eventId, access.originator());
    if (access.grants().equals(wanted)) {
      return true;
    }
    source.put(EventAccess.GRANTS_FIELD, wanted.stream().map(AgencyId::value).sorted().toList());
    policy.stampReach(source);
    long version = current.version() == null ? 1 : current.version();
    client.index(
        i ->
            i.index(current.index())
                .id(eventId.value())
                .version(version)
                .versionType(VersionType.ExternalGte)
                .document(source));
    return false;
  }

  /** A report or amendment lives in the index of its month; a tombstone where the report was. */
  private static String targetIndex(IntelligenceEvent event, Existing current, int generation) {
    if (event instanceof IntelligenceRetracted && current != null) {
      return current.index();
    }
    return IntelligenceIndex.name(generation, IntelligenceDocuments.observedAt(event));
  }

  /**
   * One record per event: the highest revision, or the tombstone that removes it. Records of one
   * event share a partition, so a batch holds them in order; revisions decide anyway.
   */
  private static Map<EventId, ProjectedRecord> latestPerEvent(List<ProjectedRecord> records) {
    Map<EventId, ProjectedRecord> latest = new LinkedHashMap<>();
    for (ProjectedRecord record : records) {
      latest.merge(
          record.eventId(),
          record,
          (earlier, later) -> {
            if (later.event().isEmpty() || earlier.event().isEmpty()) {
              return later.event().isEmpty() ? later : earlier;
            }
            return later.event().get().revision() >= earlier.event().get().revision()
                ? later
                : earlier;
          });
    }
    return latest;
  }

  /**
   * Whether the lookup of a batch's current copies must first refresh the generation. A search sees
   * only refreshed writes, so a retraction, a retention tombstone or a month-moving amendment
   * arriving within a second of the copy it replaces would miss it without a refresh. A batch of
   * first revisions only needs none: the only copy a first revision can meet is itself or a later
   * revision (a redelivery), and an unrefreshed one of those still refuses it by its external
   * version, in its own index or, where an amendment moved the event, by the delete's version left
   * in the old month's index (kept for a minute, far longer than a refresh takes). Refreshing every
   * monthly index before every batch cost Elasticsearch more than the indexing did (bench/).
   */
  public static boolean needsRefresh(Collection<ProjectedRecord> records) {
    return records.stream()
        .anyMatch(record -> record.event().map(event -> event.revision() > 1).orElse(true));
  }

  private Map<EventId, Existing> existing(
      java.util.Set<EventId> ids, int generation, boolean refresh) throws IOException {
    Map<EventId, Existing> found = new HashMap<>();
    try {
      if (refresh) {
        client
            .indices()
            .refresh(
                r ->
                    r.index(IntelligenceIndex.pattern(generation))
                        .ignoreUnavailable(true)
                        .allowNoIndices(true));
      }
      var response =
          client.search(
              s ->
                  s.index(IntelligenceIndex.pattern(generation))
                      .ignoreUnavailable(true)
                      .allowNoIndices(true)
                      .size(ids.size() * 2)
                      .version(true)
                      .source(src -> src.fetch(false))
                      .query(q -> q.ids(i -> i.values(ids.stream().map(EventId::value).toList()))),
              Void.class);
      for (Hit<Void> hit : response.hits().hits()) {
        Existing candidate = new Existing(hit.index(), hit.version() == null ? 0 : hit.version());
        found.merge(EventId.of(hit.id()), candidate, (a, b) -> a.version() >= b.version() ? a : b);
      }
    } catch (ElasticsearchException e) {
      if (e.status() == 429 || e.status() >= 500) {
        throw new ProjectionUnavailableException("Elasticsearch cannot answer now", e);
      }
      throw e;
    }
    return found;
  }

  private void check(BulkResponse response, List<ProjectedRecord> owners) {
    int done = 0;
    for (int i = 0; i < response.items().size(); i++) {
      BulkResponseItem item = response.items().get(i);
      int status = item.status();
      if (status / 100 == 2 || status == 404 && item.operationType().jsonValue().equals("delete")) {
        done++;
        continue;
      }
      if (status == 409) {
        // A newer revision is already there: this one is stale, and that is fine.
        stale.increment();
        continue;
      }
      if (status == 429 || status >= 500) {
        throw new ProjectionUnavailableException(
            "Elasticsearch could not take every document (" + status + ")", null);
      }
      String reason = item.error() == null ? "refused" : item.error().type();
      throw new DocumentRejectedException(owners.get(i).position(), reason);
    }
    indexed.increment(done);
  }
}
