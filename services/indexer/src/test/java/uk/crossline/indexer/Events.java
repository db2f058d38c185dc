package uk.crossline.indexer;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
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
import uk.crossline.model.event.IntelligenceAmended;
import uk.crossline.model.event.IntelligenceEvent;
import uk.crossline.model.event.IntelligenceReport;
import uk.crossline.model.event.IntelligenceReported;
import uk.crossline.model.event.IntelligenceRetracted;
import uk.crossline.model.event.Location;
import uk.crossline.model.event.Marking;
import uk.crossline.model.event.ObservedAt;
import uk.crossline.model.event.OriginatingAgency;
import uk.crossline.model.event.SharingScope;
import uk.crossline.model.vocabulary.Category;
import uk.crossline.model.vocabulary.Indicator;
import uk.crossline.model.vocabulary.RetractionReason;
import uk.crossline.model.vocabulary.Tlp;
import uk.crossline.testsupport.CrosslineStack;

/**
 * Events as an intake would publish them, straight onto the real topic: the indexer's input. Each
 * test marks its events with its own origin-ref prefix, so it can count exactly its own.
 */
final class Events {

  static final OriginatingAgency POLICE =
      new OriginatingAgency(
          AgencyId.of("west-mercia-police"),
          AgencyType.POLICE,
          List.of("redditch", "bromsgrove", "wyre-forest"));

  private Events() {}

  static String batch() {
    return "test-" + UUID.randomUUID();
  }

  static IntelligenceReported report(String batch, int n, Instant observedAt, String summary) {
    return report(batch, n, observedAt, summary, Tlp.GREEN);
  }

  /** A report under another marking, shared with nobody by name or type. */
  static IntelligenceReported report(
      String batch, int n, Instant observedAt, String summary, Tlp tlp) {
    String originRefHash = batch + "-" + n;
    return new IntelligenceReported(
        1,
        EventId.derive(POLICE.id(), originRefHash),
        1,
        POLICE,
        Instant.parse("2026-11-20T10:00:00Z"),
        originRefHash,
        content(observedAt, summary, Category.DEAL_LINE, tlp));
  }

  static IntelligenceAmended amendment(
      IntelligenceReported report, long revision, Instant observedAt, String summary) {
    return new IntelligenceAmended(
        1,
        report.eventId(),
        revision,
        POLICE,
        report.submittedAt().plusSeconds(revision),
        report.originRefHash(),
        content(observedAt, summary, Category.DRUG_DEALING),
        "revised after further information");
  }

  static IntelligenceRetracted retraction(IntelligenceReported report, long revision) {
    return new IntelligenceRetracted(
        1,
        report.eventId(),
        revision,
        POLICE,
        report.submittedAt().plusSeconds(revision),
        report.originRefHash(),
        RetractionReason.ENTERED_IN_ERROR);
  }

  static IntelligenceReport content(Instant observedAt, String summary, Category category) {
    return content(observedAt, summary, category, Tlp.GREEN);
  }

  static IntelligenceReport content(
      Instant observedAt, String summary, Category category, Tlp tlp) {
    return new IntelligenceReport(
        new ObservedAt(observedAt, ObservedAt.Precision.DAY),
        category,
        Set.of(Indicator.OLDER_ASSOCIATES),
        summary,
        new Location(
            "redditch", Optional.empty(), Optional.of("B97"), Optional.empty(), Optional.empty()),
        Optional.empty(),
        List.of(),
        List.of(),
        Optional.empty(),
        Marking.official(tlp),
        SharingScope.none());
  }

  /** Publishes and waits for the broker's acknowledgement of every record. */
  static void publish(List<? extends IntelligenceEvent> events) {
    publish(Topics.INTELLIGENCE_EVENTS, events);
  }

  static void publish(String topic, List<? extends IntelligenceEvent> events) {
    try (var producer = producer()) {
      List<Future<RecordMetadata>> sent =
          events.stream()
              .map(
                  event ->
                      producer.send(
                          new ProducerRecord<>(
                              topic, event.eventId().value(), EventJson.write(event))))
              .toList();
      for (Future<RecordMetadata> future : sent) {
        future.get();
      }
    } catch (Exception e) {
      throw new IllegalStateException("publishing test events failed", e);
    }
  }

  /**
   * Publishes an event onto the partition of another event already published, so that once it is
   * projected, everything published before it on that partition has been projected too.
   */
  static void publishBehind(IntelligenceEvent earlier, IntelligenceEvent marker) {
    try (var producer = producer()) {
      int partition =
          producer
              .send(
                  new ProducerRecord<>(
                      Topics.INTELLIGENCE_EVENTS,
                      earlier.eventId().value(),
                      EventJson.write(earlier)))
              .get()
              .partition();
      producer
          .send(
              new ProducerRecord<>(
                  Topics.INTELLIGENCE_EVENTS,
                  partition,
                  marker.eventId().value(),
                  EventJson.write(marker)))
          .get();
    } catch (Exception e) {
      throw new IllegalStateException("publishing test events failed", e);
    }
  }

  static void publishRaw(String key, byte[] value) {
    try (var producer = producer()) {
      producer.send(new ProducerRecord<>(Topics.INTELLIGENCE_EVENTS, key, value)).get();
    } catch (Exception e) {
      throw new IllegalStateException("publishing a raw record failed", e);
    }
  }

  private static KafkaProducer<String, byte[]> producer() {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            CrosslineStack.get().kafkaBootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.LINGER_MS_CONFIG,
            5,
            ProducerConfig.BATCH_SIZE_CONFIG,
            256 * 1024),
        new StringSerializer(),
        new ByteArraySerializer());
  }
}
