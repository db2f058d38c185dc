package uk.crossline.search.audit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.Time;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import uk.crossline.kit.problem.ProblemException;
import uk.crossline.model.audit.AuditAction;
import uk.crossline.model.audit.AuditEntry;
import uk.crossline.model.audit.AuditFormatException;
import uk.crossline.model.audit.AuditIndex;
import uk.crossline.model.audit.AuditJson;
import uk.crossline.model.event.EventId;
import uk.crossline.search.audit.VerificationReport.CopyVerification;
import uk.crossline.search.query.IntelligenceSearch;

/**
 * The access log's copy in Elasticsearch as auditors read it, through the read alias: searched a
 * page at a time, or walked whole (through one point in time, so it scales past any result window)
 * to check every chain against its hashes.
 *
 * <p>Every read first refreshes the copy, so an auditor sees every entry copied so far, however
 * recent. The copy's own refresh is slow (30 s, in its index template): every search writes an
 * entry, and refreshing the copy each second cost Elasticsearch more per search than auditors' rare
 * reads cost refreshing it themselves (docs/decisions.md, Benchmark).
 */
@Component
class AuditIndexCopy {

  static final String COPY = "INDEX";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final ElasticsearchClient client;
  private final AuditTrailSettings settings;

  AuditIndexCopy(ElasticsearchClient client, AuditTrailSettings settings) {
    this.client = client;
    this.settings = settings;
  }

  AuditRecordPage search(AuditQuery query) {
    List<Query> filters = filters(query);
    List<FieldValue> after = cursor(query.after());
    try {
      refresh();
      SearchResponse<Map> response =
          client.search(
              s -> {
                s.index(AuditIndex.READ_ALIAS)
                    .ignoreUnavailable(true)
                    .allowNoIndices(true)
                    .trackTotalHits(t -> t.enabled(true))
                    .size(query.size())
                    .source(
                        src ->
                            src.filter(f -> f.includes(AuditDocuments.RECORD, "chain", "sequence")))
                    .query(q -> q.bool(b -> b.filter(filters)))
                    .sort(o -> o.field(f -> f.field("at").order(SortOrder.Desc)))
                    .sort(o -> o.field(f -> f.field("chain").order(SortOrder.Asc)))
                    .sort(o -> o.field(f -> f.field("sequence").order(SortOrder.Desc)));
                if (!after.isEmpty()) {
                  s.searchAfter(after);
                }
                return s;
              },
              Map.class);
      List<JsonNode> records = new ArrayList<>();
      for (Hit<Map> hit : response.hits().hits()) {
        records.add(asWritten(hit));
      }
      Optional<String> next = Optional.empty();
      List<Hit<Map>> page = response.hits().hits();
      if (page.size() == query.size()) {
        next = Optional.of(encode(page.getLast().sort()));
      }
      long total =
          response.hits().total() == null ? records.size() : response.hits().total().value();
      return new AuditRecordPage(total, records, next);
    } catch (IOException | ElasticsearchException e) {
      throw IntelligenceSearch.unavailable();
    }
  }

  /** Walks every document (of one chain, if named) in chain and sequence order, checking each. */
  @SuppressWarnings("unchecked")
  CopyVerification verify(Optional<String> chain) {
    CopyCheck check =
        new CopyCheck(
            COPY,
            "the copy auditors search: every index behind the alias "
                + AuditIndex.READ_ALIAS
                + ", read through one point in time");
    Time keepAlive = Time.of(t -> t.time(settings.pointInTimeKeepAlive().toSeconds() + "s"));
    String pit;
    try {
      refresh();
      pit =
          client
              .openPointInTime(
                  o ->
                      o.index(AuditIndex.READ_ALIAS)
                          .keepAlive(keepAlive)
                          .ignoreUnavailable(true)
                          .allowPartialSearchResults(false))
              .id();
    } catch (ElasticsearchException e) {
      if (e.status() == 404) {
        // No index yet: nothing has been copied, so nothing in the copy is broken.
        return check.result();
      }
      throw IntelligenceSearch.unavailable();
    } catch (IOException e) {
      throw IntelligenceSearch.unavailable();
    }
    try {
      List<FieldValue> after = List.of();
      while (true) {
        String current = pit;
        List<FieldValue> from = after;
        SearchResponse<Map> response =
            client.search(
                s -> {
                  s.pit(p -> p.id(current).keepAlive(keepAlive))
                      .size(settings.verificationPageSize())
                      .trackTotalHits(t -> t.enabled(false))
                      .query(
                          q ->
                              chain.isPresent()
                                  ? q.term(t -> t.field("chain").value(chain.get()))
                                  : q.matchAll(m -> m))
                      .sort(o -> o.field(f -> f.field("chain").order(SortOrder.Asc)))
                      .sort(o -> o.field(f -> f.field("sequence").order(SortOrder.Asc)));
                  if (!from.isEmpty()) {
                    s.searchAfter(from);
                  }
                  return s;
                },
                Map.class);
        if (response.pitId() != null) {
          pit = response.pitId();
        }
        List<Hit<Map>> hits = response.hits().hits();
        for (Hit<Map> hit : hits) {
          check(check, hit.index(), hit.id(), (Map<String, Object>) hit.source());
        }
        if (hits.size() < settings.verificationPageSize()) {
          break;
        }
        after = hits.getLast().sort();
      }
    } catch (IOException | ElasticsearchException e) {
      throw IntelligenceSearch.unavailable();
    } finally {
      close(pit);
    }
    return check.result();
  }

  /** Makes every entry copied so far visible to the read that follows. */
  private void refresh() throws IOException {
    client
        .indices()
        .refresh(r -> r.index(AuditIndex.READ_ALIAS).ignoreUnavailable(true).allowNoIndices(true));
  }

  /** Reads one document back into its entry and checks both the record and the copy's fields. */
  private static void check(CopyCheck check, String index, String id, Map<String, Object> source) {
    String location = "document " + id + " of index " + index;
    Object chainField = source == null ? null : source.get("chain");
    Optional<Long> sequence =
        source != null && source.get("sequence") instanceof Number n
            ? Optional.of(n.longValue())
            : Optional.empty();
    Object record = source == null ? null : source.get(AuditDocuments.RECORD);
    AuditEntry entry;
    try {
      if (!(record instanceof String written)) {
        throw new AuditFormatException(AuditDocuments.RECORD, "missing from the document");
      }
      entry = AuditJson.read(written);
    } catch (IllegalArgumentException e) {
      if (chainField instanceof String chain) {
        check.chain(chain).addUnreadable(sequence, e.getMessage(), location);
      } else {
        check.unattributed(location, "the record cannot be read: " + e.getMessage());
      }
      return;
    }
    boolean faithful =
        AuditDocuments.fieldsMatch(source, entry)
            && id.equals(AuditIndex.documentId(entry.chain(), entry.sequence()));
    if (faithful) {
      check.chain(entry.chain()).add(entry, location);
    } else {
      check.chain(entry.chain()).addUnfaithful(entry, location);
    }
  }

  private void close(String pit) {
    try {
      client.closePointInTime(c -> c.id(pit));
    } catch (IOException | ElasticsearchException e) {
      // It expires by itself after its keep-alive.
    }
  }

  private static List<Query> filters(AuditQuery query) {
    List<Query> filters = new ArrayList<>();
    query
        .user()
        .ifPresent(
            user ->
                filters.add(
                    Query.of(
                        q ->
                            q.bool(
                                b ->
                                    b.should(
                                            s -> s.term(t -> t.field("actor.username").value(user)))
                                        .should(
                                            s ->
                                                s.term(t -> t.field("actor.component").value(user)))
                                        .minimumShouldMatch("1")))));
    query
        .agency()
        .ifPresent(
            agency ->
                filters.add(
                    Query.of(q -> q.term(t -> t.field("actor.agency").value(agency.value())))));
    if (!query.actions().isEmpty()) {
      filters.add(
          terms("action", query.actions().stream().map(AuditAction::name).sorted().toList()));
    }
    if (!query.eventIds().isEmpty()) {
      filters.add(
          terms("eventIds", query.eventIds().stream().map(EventId::value).sorted().toList()));
    }
    query
        .chain()
        .ifPresent(chain -> filters.add(Query.of(q -> q.term(t -> t.field("chain").value(chain)))));
    if (query.from().isPresent() || query.to().isPresent()) {
      filters.add(
          Query.of(
              q ->
                  q.range(
                      r ->
                          r.date(
                              d -> {
                                d.field("at");
                                query.from().ifPresent(from -> d.gte(from + "T00:00:00Z"));
                                query.to().ifPresent(to -> d.lte(to + "T23:59:59.999Z"));
                                return d;
                              }))));
    }
    return filters;
  }

  private static Query terms(String field, List<String> values) {
    return Query.of(
        q ->
            q.terms(
                t ->
                    t.field(field)
                        .terms(v -> v.value(values.stream().map(FieldValue::of).toList()))));
  }

  /** The record as written; a copy too damaged to read says so, and the verification says where. */
  private static JsonNode asWritten(Hit<Map> hit) {
    Object record = hit.source() == null ? null : hit.source().get(AuditDocuments.RECORD);
    if (record instanceof String written) {
      try {
        return JSON.readTree(written);
      } catch (JacksonException e) {
        // fall through
      }
    }
    ObjectNode damaged = JSON.createObjectNode();
    damaged.put("document", hit.id());
    damaged.put("unreadable", "the index copy of this record cannot be read: run the verification");
    return damaged;
  }

  private static String encode(List<FieldValue> sort) {
    List<Object> values = new ArrayList<>();
    for (FieldValue value : sort) {
      values.add(value._get());
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(values));
  }

  /** The cursor of the previous page, which must be one this service wrote. */
  private static List<FieldValue> cursor(Optional<String> after) {
    if (after.isEmpty()) {
      return List.of();
    }
    try {
      List<?> values = JSON.readValue(Base64.getUrlDecoder().decode(after.get()), List.class);
      if (values.size() != 3
          || !(values.get(0) instanceof Number at)
          || !(values.get(1) instanceof String chain)
          || !(values.get(2) instanceof Number sequence)) {
        throw new IllegalArgumentException("not a cursor");
      }
      return List.of(
          FieldValue.of(at.longValue()), FieldValue.of(chain), FieldValue.of(sequence.longValue()));
    } catch (RuntimeException e) {
      throw ProblemException.invalid("after", "not a cursor this search gave");
    }
  }
}
