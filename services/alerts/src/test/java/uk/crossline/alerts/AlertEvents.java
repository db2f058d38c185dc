package uk.crossline.alerts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import uk.crossline.model.AgencyId;
import uk.crossline.model.AgencyType;
import uk.crossline.model.Topics;
import uk.crossline.model.event.EventId;
import uk.crossline.model.event.EventJson;
import uk.crossline.model.event.Grading;
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
import uk.crossline.model.location.GeoPoint;
import uk.crossline.model.vocabulary.Category;
import uk.crossline.model.vocabulary.Indicator;
import uk.crossline.model.vocabulary.RetractionReason;
import uk.crossline.model.vocabulary.Tlp;

/** Intelligence events as an intake publishes them, each with an id of its own for this run. */
public final class AlertEvents {

  public static final OriginatingAgency REDDITCH =
      new OriginatingAgency(
          AgencyId.of("redditch-bc"), AgencyType.LOCAL_AUTHORITY, List.of("redditch"));
  public static final OriginatingAgency BROMSGROVE =
      new OriginatingAgency(
          AgencyId.of("bromsgrove-dc"), AgencyType.LOCAL_AUTHORITY, List.of("bromsgrove"));

  private AlertEvents() {}

  public static IntelligenceReport report(Tlp tlp, SharingScope scope, String district) {
    return report(tlp, scope, district, Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** The report as it is, of another category. */
  public static IntelligenceReport withCategory(IntelligenceReport report, Category category) {
    return new IntelligenceReport(
        report.observedAt(),
        category,
        report.indicators(),
        report.summary(),
        report.location(),
        report.premises(),
        report.subjects(),
        report.identifiers(),
        report.grading(),
        report.marking(),
        report.scope());
  }

  public static IntelligenceReport report(
      Tlp tlp,
      SharingScope scope,
      String district,
      Optional<String> outward,
      Optional<GeoPoint> point,
      Optional<Grading> grading) {
    return new IntelligenceReport(
        new ObservedAt(Instant.parse("2026-11-20T10:00:00Z"), ObservedAt.Precision.DAY),
        Category.DEAL_LINE,
        Set.of(Indicator.NEW_PHONE),
        "Alerts test report " + UUID.randomUUID(),
        new Location(district, Optional.empty(), outward, Optional.empty(), point),
        Optional.empty(),
        List.of(),
        List.of(),
        grading,
        Marking.official(tlp),
        scope);
  }

  public static IntelligenceReported reported(OriginatingAgency by, IntelligenceReport report) {
    String ref = "alerts-test-" + UUID.randomUUID();
    return new IntelligenceReported(
        1, EventId.derive(by.id(), ref), 1, by, Instant.now(), ref, report);
  }

  public static IntelligenceAmended amended(IntelligenceReported first, IntelligenceReport report) {
    return new IntelligenceAmended(
        1,
        first.eventId(),
        2,
        first.agency(),
        Instant.now(),
        first.originRefHash(),
        report,
        "Corrected the details");
  }

  public static IntelligenceRetracted retracted(IntelligenceReported first, long revision) {
    return new IntelligenceRetracted(
        1,
        first.eventId(),
        revision,
        first.agency(),
        Instant.now(),
        first.originRefHash(),
        RetractionReason.ENTERED_IN_ERROR);
  }

  /** A producer's settings for the test stack, acknowledged by every replica as the intake's. */
  public static Map<String, Object> producerConfig() {
    return Map.of(
        org.apache.kafka.clients.producer.ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
        uk.crossline.testsupport.CrosslineStack.get().kafkaBootstrapServers(),
        org.apache.kafka.clients.producer.ProducerConfig.ACKS_CONFIG,
        "all");
  }

  /** Publishes to the test stack as the intake does; returns where each record landed. */
  public static List<RecordMetadata> publish(IntelligenceEvent... events) throws Exception {
    return publish(producerConfig(), events);
  }

  /** Publishes as the intake does, keyed by event id; returns where each record landed. */
  public static List<RecordMetadata> publish(
      Map<String, Object> producerConfig, IntelligenceEvent... events) throws Exception {
    try (var producer =
        new KafkaProducer<>(producerConfig, new StringSerializer(), new ByteArraySerializer())) {
      var sent =
          java.util.Arrays.stream(events)
              .map(
                  e ->
                      producer.send(
                          new ProducerRecord<>(
                              Topics.INTELLIGENCE_EVENTS, e.eventId().value(), EventJson.write(e))))
              .toList();
      producer.flush();
      var landed = new java.util.ArrayList<RecordMetadata>();
      for (var future : sent) {
        landed.add(future.get());
      }
      return landed;
    }
  }
}
