package uk.crossline.drills.scale;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import uk.crossline.model.AgencyId;
import uk.crossline.model.AgencyType;
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
 * The drill's events as an intake publishes them: GREEN reports by Redditch's council in a district
 * no other test subscribes to, each event on its own key, some amended, some amended then
 * retracted. Their references start with the run's batch, so the drill counts only its own.
 *
 * @param events every revision of every event, in the order each event's revisions are published
 */
record Stream(String batch, List<IntelligenceEvent> events) {

  static final String DISTRICT = "malvern-hills";

  private static final OriginatingAgency REDDITCH =
      new OriginatingAgency(
          AgencyId.of("redditch-bc"), AgencyType.LOCAL_AUTHORITY, List.of("redditch"));
  private static final Instant OBSERVED = Instant.parse("2026-11-20T10:00:00Z");

  /**
   * Event {@code i} of {@code count} is reported; one in three is also amended (revision 2), one in
   * three amended and then retracted (revision 3).
   */
  static Stream of(String batch, int count) {
    List<IntelligenceEvent> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String ref = batch + "-" + i;
      var reported =
          new IntelligenceReported(
              1,
              EventId.derive(REDDITCH.id(), ref),
              1,
              REDDITCH,
              OBSERVED.plusSeconds(1),
              ref,
              report(ref + " reported"));
      events.add(reported);
      if (i % 3 != 0) {
        events.add(
            new IntelligenceAmended(
                1,
                reported.eventId(),
                2,
                REDDITCH,
                OBSERVED.plusSeconds(2),
                ref,
                report(ref + " amended"),
                "Corrected the details"));
      }
      if (i % 3 == 2) {
        events.add(
            new IntelligenceRetracted(
                1,
                reported.eventId(),
                3,
                REDDITCH,
                OBSERVED.plusSeconds(3),
                ref,
                RetractionReason.ENTERED_IN_ERROR));
      }
    }
    return new Stream(batch, List.copyOf(events));
  }

  /** The revisions published before the kill: every revision of the first events. */
  List<IntelligenceEvent> before(int firstEvents) {
    Set<EventId> first =
        Set.copyOf(
            events.stream()
                .filter(e -> e instanceof IntelligenceReported)
                .limit(firstEvents)
                .map(IntelligenceEvent::eventId)
                .toList());
    return events.stream().filter(e -> first.contains(e.eventId())).toList();
  }

  /** The revisions published after the kill. */
  List<IntelligenceEvent> after(int firstEvents) {
    List<IntelligenceEvent> before = before(firstEvents);
    return events.stream().filter(e -> !before.contains(e)).toList();
  }

  /** Each event's last revision: what the projection must hold. */
  Map<String, IntelligenceEvent> latest() {
    Map<String, IntelligenceEvent> latest = new java.util.HashMap<>();
    events.forEach(
        e -> latest.merge(e.eventId().value(), e, (a, b) -> b.revision() > a.revision() ? b : a));
    return latest;
  }

  /** The summary of a report or amendment: what search shows of it. */
  static Optional<String> summary(IntelligenceEvent event) {
    return switch (event) {
      case IntelligenceReported reported -> Optional.of(reported.report().summary());
      case IntelligenceAmended amended -> Optional.of(amended.report().summary());
      case IntelligenceRetracted retracted -> Optional.empty();
    };
  }

  /**
   * Publishes, keyed by event id, and waits for every record to be acknowledged.
   *
   * @return the partitions the records landed on
   */
  static Set<Integer> publish(String topic, List<IntelligenceEvent> events) {
    try (var producer =
        new KafkaProducer<>(
            Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                CrosslineStack.get().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true),
            new StringSerializer(),
            new ByteArraySerializer())) {
      List<Future<RecordMetadata>> sent = new ArrayList<>();
      for (IntelligenceEvent event : events) {
        sent.add(
            producer.send(
                new ProducerRecord<>(topic, event.eventId().value(), EventJson.write(event))));
      }
      Set<Integer> partitions = new java.util.TreeSet<>();
      for (Future<RecordMetadata> future : sent) {
        partitions.add(future.get().partition());
      }
      return partitions;
    } catch (Exception e) {
      throw new IllegalStateException("publishing the drill's events failed", e);
    }
  }

  private static IntelligenceReport report(String summary) {
    return new IntelligenceReport(
        new ObservedAt(OBSERVED, ObservedAt.Precision.DAY),
        Category.DEAL_LINE,
        Set.of(Indicator.NEW_PHONE),
        summary,
        new Location(
            DISTRICT, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()),
        Optional.empty(),
        List.of(),
        List.of(),
        Optional.empty(),
        Marking.official(Tlp.GREEN),
        SharingScope.none());
  }
}
