package uk.crossline.indexer.consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;
import uk.crossline.indexer.IndexerSettings;
import uk.crossline.indexer.projection.DocumentRejectedException;
import uk.crossline.model.Topics;
import uk.crossline.model.event.EventFormatException;

/**
 * The error handling of the events listener: a record that cannot be read or is refused goes to the
 * dead-letter topic at once, with the reason in its headers, and the stream goes on; anything else
 * (Elasticsearch down) is retried with back-off, for as long as it takes, committing nothing.
 */
@Configuration(proxyBeanMethods = false)
class ConsumerConfiguration {

  private static final Logger log = LoggerFactory.getLogger(ConsumerConfiguration.class);

  @Bean
  DefaultErrorHandler eventsErrorHandler(
      KafkaProperties properties, IndexerSettings settings, MeterRegistry meters) {
    KafkaTemplate<Object, Object> deadLetters =
        new KafkaTemplate<>(
            new DefaultKafkaProducerFactory<>(
                Map.of(
                    "bootstrap.servers",
                    String.join(",", properties.getBootstrapServers()),
                    "key.serializer",
                    "org.apache.kafka.common.serialization.StringSerializer",
                    "value.serializer",
                    "org.apache.kafka.common.serialization.ByteArraySerializer",
                    "acks",
                    "all",
                    "enable.idempotence",
                    "true")));
    Counter dead = meters.counter("crossline.indexer.dead.letters");
    var recoverer =
        new DeadLetterPublishingRecoverer(
            deadLetters,
            (record, e) -> {
              dead.increment();
              log.warn(
                  "Record {}-{}@{} sent to the dead-letter topic: {}",
                  record.topic(),
                  record.partition(),
                  record.offset(),
                  e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
              return new TopicPartition(Topics.INTELLIGENCE_EVENTS_DLT, -1);
            });
    var backOff = new ExponentialBackOff();
    backOff.setInitialInterval(settings.retryInitialInterval().toMillis());
    backOff.setMultiplier(2);
    backOff.setMaxInterval(settings.retryMaxInterval().toMillis());
    var handler = new DefaultErrorHandler(recoverer, backOff);
    handler.addNotRetryableExceptions(
        EventFormatException.class,
        DocumentRejectedException.class,
        IllegalArgumentException.class);
    return handler;
  }
}
