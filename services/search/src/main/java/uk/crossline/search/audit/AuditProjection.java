package uk.crossline.search.audit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.get.GetResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import uk.crossline.model.audit.AuditEntry;
import uk.crossline.model.audit.AuditIndex;

/**
 * Copies batches of access-log records into the audit index, one bulk request a batch. Each record
 * is created under its place in its chain ({@code <chain>/<sequence>}) and never overwritten: a
 * record delivered again finds its own copy and changes nothing, while a different record claiming
 * a place that is taken is refused (and dead-lettered) rather than allowed to replace the first.
 */
@Component
class AuditProjection {

  private static final String TEMPLATE_RESOURCE =
      "/elasticsearch/index-templates/" + AuditIndex.TEMPLATE + ".json";

  private final ElasticsearchClient client;
  private final Set<String> existingIndices = ConcurrentHashMap.newKeySet();
  private final Counter indexed;
  private final Counter repeated;
  private final Timer bulkLatency;
  private volatile boolean templateApplied;

  AuditProjection(ElasticsearchClient client, MeterRegistry meters) {
    this.client = client;
    this.indexed = meters.counter("crossline.search.audit.copied", "outcome", "indexed");
    this.repeated = meters.counter("crossline.search.audit.copied", "outcome", "repeated");
    this.bulkLatency = meters.timer("crossline.search.audit.bulk");
  }

  /**
   * Copies the records into the index.
   *
   * @throws AuditIndexUnavailableException when Elasticsearch cannot take them now (retry)
   * @throws AuditRecordRejectedException naming the first record it refuses (dead-letter)
   */
  void apply(List<CopiedRecord> records) {
    if (records.isEmpty()) {
      return;
    }
    try {
      List<BulkOperation> operations = new ArrayList<>();
      for (CopiedRecord record : records) {
        AuditEntry entry = record.entry();
        String index = AuditIndex.name(entry.at());
        ensureIndex(index);
        Map<String, Object> source =
            AuditDocuments.source(entry, record.record(), record.partition(), record.offset());
        operations.add(
            BulkOperation.of(
                b ->
                    b.create(
                        c ->
                            c.index(index)
                                .id(AuditIndex.documentId(entry.chain(), entry.sequence()))
                                .document(source))));
      }
      BulkResponse response =
          bulkLatency.recordCallable(
              () -> client.bulk(BulkRequest.of(b -> b.operations(operations))));
      check(response, records);
    } catch (IOException e) {
      throw new AuditIndexUnavailableException("Elasticsearch is not reachable", e);
    } catch (ElasticsearchException e) {
      throw unavailableOr(e);
    } catch (AuditIndexUnavailableException | AuditRecordRejectedException e) {
      throw e;
    } catch (Exception e) {
      throw new AuditIndexUnavailableException("the bulk request failed", e);
    }
  }

  private void check(BulkResponse response, List<CopiedRecord> records) throws IOException {
    int done = 0;
    List<CopiedRecord> taken = new ArrayList<>();
    Integer refused = null;
    String refusal = null;
    for (int i = 0; i < response.items().size(); i++) {
      BulkResponseItem item = response.items().get(i);
      int status = item.status();
      if (status / 100 == 2) {
        done++;
      } else if (status == 409) {
        taken.add(records.get(i));
      } else if (status == 429 || status >= 500) {
        throw new AuditIndexUnavailableException(
            "Elasticsearch could not take every record (" + status + ")", null);
      } else if (refused == null) {
        refused = records.get(i).position();
        refusal =
            "the index refused the record: "
                + (item.error() == null ? status : item.error().type());
      }
    }
    indexed.increment(done);
    for (CopiedRecord record : taken) {
      if (sameAsCopy(record)) {
        repeated.increment();
      } else if (refused == null || record.position() < refused) {
        refused = record.position();
        refusal =
            "a different record already holds entry "
                + record.entry().sequence()
                + " of chain "
                + record.entry().chain();
      }
    }
    if (refused != null) {
      throw new AuditRecordRejectedException(refused, refusal);
    }
  }

  /** Whether the copy that holds the record's place is this very record: a redelivery. */
  private boolean sameAsCopy(CopiedRecord record) throws IOException {
    AuditEntry entry = record.entry();
    MgetResponse<Map> found =
        client.mget(
            m ->
                m.index(AuditIndex.name(entry.at()))
                    .ids(AuditIndex.documentId(entry.chain(), entry.sequence()))
                    .sourceIncludes(AuditDocuments.RECORD),
            Map.class);
    GetResult<Map> copy = found.docs().getFirst().result();
    if (copy == null || !copy.found() || copy.source() == null) {
      throw new AuditIndexUnavailableException("the copy that holds the place went away", null);
    }
    return record.record().equals(copy.source().get(AuditDocuments.RECORD));
  }

  /** Creates the month's index, in the read alias, unless it exists. */
  private void ensureIndex(String name) throws IOException {
    if (existingIndices.contains(name)) {
      return;
    }
    ensureTemplate();
    try {
      client.indices().create(c -> c.index(name).aliases(AuditIndex.READ_ALIAS, a -> a));
    } catch (ElasticsearchException e) {
      if (!"resource_already_exists_exception".equals(e.error().type())) {
        throw e;
      }
    }
    existingIndices.add(name);
  }

  /**
   * Puts the audit index template, as defined in {@code infra/} and bundled in this jar, before the
   * first index is created: search owns the access log's copy and its mapping.
   */
  private void ensureTemplate() throws IOException {
    if (templateApplied) {
      return;
    }
    try (InputStream template = AuditProjection.class.getResourceAsStream(TEMPLATE_RESOURCE)) {
      if (template == null) {
        throw new IllegalStateException("the audit index template is missing from search's jar");
      }
      client.indices().putIndexTemplate(t -> t.name(AuditIndex.TEMPLATE).withJson(template));
    }
    templateApplied = true;
  }

  private static RuntimeException unavailableOr(ElasticsearchException e) {
    if (e.status() == 429 || e.status() >= 500) {
      return new AuditIndexUnavailableException("Elasticsearch cannot take the batch now", e);
    }
    return e;
  }
}
