package uk.crossline.indexer.consumer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;
import uk.crossline.indexer.projection.DocumentRejectedException;
import uk.crossline.indexer.projection.Generations;
import uk.crossline.indexer.projection.IntelligenceProjection;
import uk.crossline.indexer.projection.ProjectedRecord;
import uk.crossline.model.Topics;
import uk.crossline.model.event.EventFormatException;
import uk.crossline.model.event.EventId;
import uk.crossline.model.event.EventJson;

/**
 * Projects each batch of the events topic into every generation the indexer writes. Returning
 * normally lets the container commit the batch's offsets; throwing does not.
 */
@Component
class EventsListener {

  private final IntelligenceProjection projection;
  private final Generations generations;

  EventsListener(IntelligenceProjection projection, Generations generations) {
    this.projection = projection;
    this.generations = generations;
  }

  @KafkaListener(
      id = "events",
      topics = "${crossline.indexer.topic:" + Topics.INTELLIGENCE_EVENTS + "}",
      groupId = "${crossline.indexer.consumer-group:crossline-indexer}",
      concurrency = "${crossline.indexer.concurrency:2}",
      batch = "true")
  void onBatch(List<ConsumerRecord<String, byte[]>> records) {
    List<ProjectedRecord> readable = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      ConsumerRecord<String, byte[]> record = records.get(i);
      try {
        readable.add(read(i, record));
      } catch (IllegalArgumentException e) {
        // What came before is projected and committed; this record goes to the dead-letter topic.
        project(readable);
        throw new BatchListenerFailedException(reasonOf(e), e, i);
      }
    }
    project(readable);
  }

  private void project(List<ProjectedRecord> records) {
    Generations.State state = generations.current();
    try {
      projection.apply(records, state.live(), true);
      if (state.building().isPresent()) {
        projection.apply(records, state.building().get(), false);
      }
    } catch (DocumentRejectedException e) {
      throw new BatchListenerFailedException(e.getMessage(), e, e.position());
    }
  }

  private static ProjectedRecord read(int position, ConsumerRecord<String, byte[]> record) {
    if (record.key() == null) {
      throw new EventFormatException("", "a record of the events topic needs its event id as key");
    }
    EventId key = EventId.of(record.key());
    if (record.value() == null) {
      return new ProjectedRecord(position, key, Optional.empty());
    }
    var event = EventJson.read(record.value());
    if (!event.eventId().equals(key)) {
      throw new EventFormatException("eventId", "differs from the record's key");
    }
    return new ProjectedRecord(position, key, Optional.of(event));
  }

  private static String reasonOf(RuntimeException e) {
    return e instanceof EventFormatException format
        ? "unreadable event: " + format.getMessage()
        : "unreadable record: " + e.getMessage();
  }
}
