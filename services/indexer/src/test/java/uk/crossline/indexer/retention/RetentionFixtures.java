package uk.crossline.indexer.retention;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import uk.crossline.model.AgencyId;
import uk.crossline.model.AgencyType;
import uk.crossline.model.Topics;
import uk.crossline.model.event.EventId;
import uk.crossline.model.event.EventJson;
import uk.crossline.model.event.IntelligenceEvent;
import uk.crossline.model.event.IntelligenceReport;
import uk.crossline.model.event.IntelligenceReported;
import uk.crossline.model.event.IntelligenceRetracted;
import uk.crossline.model.event.Location;
import uk.crossline.model.event.Marking;
import uk.crossline.model.event.ObservedAt;
import uk.crossline.model.event.OriginatingAgency;
import uk.crossline.model.event.SharingScope;
import uk.crossline.model.projection.IntelligenceIndex;
import uk.crossline.model.vocabulary.Category;
import uk.crossline.model.vocabulary.RetractionReason;
import uk.crossline.model.vocabulary.Tlp;
import uk.crossline.testsupport.CrosslineStack;
import uk.crossline.testsupport.TopicReader;

/**
 * Old reports of a council as its intake would publish them, straight onto the real topic, and what
 * a retention test reads back: the projection through the read alias and the tail of a topic.
 * ({@code uk.crossline.indexer.Events} is package-private to the projection's tests.)
 */
final class RetentionFixtures {

  static final OriginatingAgency COUNCIL =
      new OriginatingAgency(
          AgencyId.of("redditch-bc"), AgencyType.LOCAL_AUTHORITY, List.of("redditch"));

  private RetentionFixtures() {}

  static String batch() {
    return "retention-" + UUID.randomUUID();
  }

  static IntelligenceReported report(String batch, int n, Category category, Instant observedAt) {
    String originRefHash = batch + "-" + n;
    return new IntelligenceReported(
        1,
        EventId.derive(COUNCIL.id(), originRefHash),
        1,
        COUNCIL,
        observedAt.plus(Duration.ofDays(1)),
        originRefHash,
        new IntelligenceReport(
            new ObservedAt(observedAt, ObservedAt.Precision.DAY),
            category,
            Set.of(),
            "retention test report " + n,
            new Location(
                "redditch",
                Optional.empty(),
                Optional.of("B97"),
                Optional.empty(),
                Optional.empty()),
            Optional.empty(),
            List.of(),
            List.of(),
            Optional.empty(),
            Marking.official(Tlp.GREEN),
            SharingScope.none()));
  }

  static IntelligenceRetracted retraction(IntelligenceReported report, Instant retractedAt) {
    return new IntelligenceRetracted(
        1,
        report.eventId(),
        2,
        COUNCIL,
        retractedAt,
        report.originRefHash(),
        RetractionReason.ENTERED_IN_ERROR);
  }

  /** Publishes and waits for the broker's acknowledgement of every record. */
  static void publish(List<? extends IntelligenceEvent> events) {
    try (var producer =
        new KafkaProducer<>(
            Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                CrosslineStack.get().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new StringSerializer(),
            new ByteArraySerializer())) {
      List<Future<RecordMetadata>> sent = new ArrayList<>();
      for (IntelligenceEvent event : events) {
        sent.add(
            producer.send(
                new ProducerRecord<>(
                    Topics.INTELLIGENCE_EVENTS, event.eventId().value(), EventJson.write(event))));
      }
      for (Future<RecordMetadata> future : sent) {
        future.get();
      }
    } catch (Exception e) {
      throw new IllegalStateException("publishing test events failed", e);
    }
  }

  /** Every copy of the event that search would read, active or tombstone. */
  static List<Hit<Map>> copies(ElasticsearchClient client, EventId event) throws IOException {
    client.indices().refresh(r -> r.index(IntelligenceIndex.READ_ALIAS).ignoreUnavailable(true));
    return client
        .search(
            s ->
                s.index(IntelligenceIndex.READ_ALIAS)
                    .ignoreUnavailable(true)
                    .allowNoIndices(true)
                    .query(q -> q.ids(i -> i.values(event.value()))),
            Map.class)
        .hits()
        .hits();
  }

  /** Where a topic ends now, to read only what comes after. */
  static TopicReader.Mark endOf(String topic) {
    return TopicReader.mark(topic);
  }

  /** The committed records of a topic from the mark to where it ends now. */
  static List<ConsumerRecord<String, byte[]>> readFrom(TopicReader.Mark from) {
    return TopicReader.recordsSince(from);
  }
}
