package uk.crossline.search.audit;

import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import uk.crossline.model.audit.AuditIndex;
import uk.crossline.testsupport.CrosslineStack;

/**
 * The two ends of the copier as the tests drive it: records written onto a topic as a writer does,
 * and the auditors' copy waited for until it holds a chain's entries.
 */
final class AuditCopies {

  private static final Duration COPIED = Duration.ofSeconds(60);

  private AuditCopies() {}

  /** A producer that writes as the access log's writers do: every record acknowledged by all. */
  static KafkaProducer<String, byte[]> producer() {
    return new KafkaProducer<>(
        Map.<String, Object>of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            CrosslineStack.get().kafkaBootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all"),
        new StringSerializer(),
        new ByteArraySerializer());
  }

  /**
   * Waits until the auditors' copy holds exactly this many entries of the chain, refreshing it
   * before each count as search does before each auditor's read (its own refresh is slow).
   */
  static void awaitCopied(ElasticsearchClient client, String chain, long entries) {
    await()
        .atMost(COPIED)
        .until(
            () ->
                refreshed(client)
                    .count(
                        c ->
                            c.index(AuditIndex.READ_ALIAS)
                                .ignoreUnavailable(true)
                                .allowNoIndices(true)
                                .query(q -> q.term(t -> t.field("chain").value(chain))))
                    .count(),
            count -> count == entries);
  }

  private static ElasticsearchClient refreshed(ElasticsearchClient client) throws IOException {
    client
        .indices()
        .refresh(r -> r.index(AuditIndex.READ_ALIAS).ignoreUnavailable(true).allowNoIndices(true));
    return client;
  }
}
