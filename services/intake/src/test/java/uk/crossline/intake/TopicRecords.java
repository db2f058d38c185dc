package uk.crossline.intake;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import uk.crossline.model.event.EventId;
import uk.crossline.model.event.EventJson;
import uk.crossline.model.event.IntelligenceEvent;
import uk.crossline.testsupport.TopicReader;

/**
 * The committed records a topic received since this object was made: what a test's requests
 * published, read back from the real broker.
 */
final class TopicRecords {

  private final String topic;
  private final TopicReader.Mark start;

  private TopicRecords(String topic, TopicReader.Mark start) {
    this.topic = topic;
    this.start = start;
  }

  static TopicRecords from(String topic) {
    return new TopicRecords(topic, TopicReader.mark(topic));
  }

  /** Every committed record published since, up to the current end of the topic. */
  List<ConsumerRecord<String, byte[]>> records() {
    return TopicReader.recordsSince(start);
  }

  List<IntelligenceEvent> events() {
    return records().stream().map(record -> EventJson.read(record.value())).toList();
  }

  List<IntelligenceEvent> eventsOf(EventId eventId) {
    return events().stream().filter(e -> e.eventId().equals(eventId)).toList();
  }

  String topic() {
    return topic;
  }
}
