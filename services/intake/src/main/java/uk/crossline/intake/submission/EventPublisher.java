package uk.crossline.intake.submission;

import java.util.List;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import uk.crossline.model.Topics;
import uk.crossline.model.event.EventJson;
import uk.crossline.model.event.IntelligenceEvent;

/**
 * Publishes events with their receipts in one Kafka transaction (idempotent producer, acks=all):
 * both are on the broker, or neither is, and the call returns only once the broker holds them.
 */
@Component
class EventPublisher {

  private final KafkaTemplate<String, byte[]> kafka;

  EventPublisher(KafkaTemplate<String, byte[]> kafka) {
    this.kafka = kafka;
  }

  /** One event and what it leaves as the event's receipt. */
  record Publication(IntelligenceEvent event, Receipt receipt) {}

  void publish(List<Publication> publications) {
    kafka.executeInTransaction(
        operations -> {
          for (Publication publication : publications) {
            String key = publication.event().eventId().value();
            operations.send(Topics.INTELLIGENCE_EVENTS, key, EventJson.write(publication.event()));
            operations.send(Topics.INTAKE_RECEIPTS, key, Receipts.serialise(publication.receipt()));
          }
          return null;
        });
  }
}
