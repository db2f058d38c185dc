package uk.crossline.indexer.retention;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;
import uk.crossline.model.Topics;
import uk.crossline.model.event.EventId;

/**
 * Publishes retention tombstones: a record keyed by the event id with no value. The indexer's own
 * stream then deletes the event's document from every generation it writes, a rebuild reading the
 * topic later does the same, and compaction removes the event, then the tombstone, from the topic.
 */
@Component
class RetentionTombstones implements DisposableBean {

  private static final Duration PATIENCE = Duration.ofMinutes(2);

  private final Producer<String, byte[]> producer;

  RetentionTombstones(KafkaProperties kafka) {
    Map<String, Object> properties = new HashMap<>(kafka.buildProducerProperties());
    properties.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
    properties.put(ProducerConfig.CLIENT_ID_CONFIG, "crossline-indexer-retention");
    properties.put(ProducerConfig.ACKS_CONFIG, "all");
    properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    this.producer =
        new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
  }

  /** Publishes one tombstone per event and returns once the broker holds them all. */
  void publish(List<EventId> events) {
    List<Future<RecordMetadata>> sent = new ArrayList<>(events.size());
    for (EventId event : events) {
      sent.add(
          producer.send(new ProducerRecord<>(Topics.INTELLIGENCE_EVENTS, event.value(), null)));
    }
    try {
      for (Future<RecordMetadata> future : sent) {
        future.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while publishing retention tombstones", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the broker did not take every retention tombstone", e);
    }
  }

  @Override
  public void destroy() {
    producer.close(Duration.ofSeconds(5));
  }
}
