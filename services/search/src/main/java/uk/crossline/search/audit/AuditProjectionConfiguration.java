package uk.crossline.search.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;
import uk.crossline.model.Topics;
import uk.crossline.model.audit.AuditFormatException;

/**
 * The copy's own consumer (its own group, batches, offsets committed only once the index holds the
 * batch) and error handling: a record that cannot be read or is refused goes to the audit
 * dead-letter topic at once, with the reason in its headers, and the copy goes on; anything else
 * (Elasticsearch down) is retried with back-off for as long as it takes, committing nothing.
 *
 * <p>None of this is a bean of a type Spring Boot configures itself (consumer factory, template,
 * error handler), so the service's other listeners keep Boot's defaults.
 */
@Configuration(proxyBeanMethods = false)
class AuditProjectionConfiguration {

  static final String LISTENER_FACTORY = "auditProjectionListenerFactory";

  private static final Logger log = LoggerFactory.getLogger(AuditProjectionConfiguration.class);

  @Bean(LISTENER_FACTORY)
  ConcurrentKafkaListenerContainerFactory<String, byte[]> auditProjectionListenerFactory(
      KafkaProperties kafka, AuditTrailSettings settings, AuditDeadLetters deadLetters) {
    Map<String, Object> consumer = new HashMap<>(kafka.buildConsumerProperties());
    consumer.put(ConsumerConfig.GROUP_ID_CONFIG, settings.consumerGroup());
    consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumer.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    consumer.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords());
    consumer.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 64 * 1024);
    consumer.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) settings.batchWait().toMillis());
    consumer.put(ConsumerConfig.CLIENT_ID_CONFIG, settings.consumerGroup());
    var factory = new ConcurrentKafkaListenerContainerFactory<String, byte[]>();
    factory.setConsumerFactory(
        new DefaultKafkaConsumerFactory<>(
            consumer, new StringDeserializer(), new ByteArrayDeserializer()));
    factory.setBatchListener(true);
    factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
    factory.setConcurrency(settings.concurrency());
    factory.setAutoStartup(settings.projection());
    factory.setCommonErrorHandler(deadLetters.errorHandler(settings));
    return factory;
  }

  @Bean
  AuditDeadLetters auditDeadLetters(KafkaProperties kafka, MeterRegistry meters) {
    return new AuditDeadLetters(kafka, meters);
  }

  /** The dead-letter producer of the copy, closed with the application. */
  static final class AuditDeadLetters implements DisposableBean {

    private final DefaultKafkaProducerFactory<String, byte[]> producers;
    private final Counter dead;

    AuditDeadLetters(KafkaProperties kafka, MeterRegistry meters) {
      Map<String, Object> producer = new HashMap<>(kafka.buildProducerProperties());
      producer.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
      producer.put(ProducerConfig.ACKS_CONFIG, "all");
      producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
      producer.put(ProducerConfig.CLIENT_ID_CONFIG, "crossline-search-audit-dlt");
      this.producers =
          new DefaultKafkaProducerFactory<>(
              producer, new StringSerializer(), new ByteArraySerializer());
      this.dead = meters.counter("crossline.search.audit.dead.letters");
    }

    DefaultErrorHandler errorHandler(AuditTrailSettings settings) {
      var recoverer =
          new DeadLetterPublishingRecoverer(
              new KafkaTemplate<>(producers),
              (record, e) -> {
                dead.increment();
                // Where and why only: the record's content stays out of the logs.
                log.warn(
                    "Access-log record {}-{}@{} sent to the dead-letter topic: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    rootCause(e).getMessage());
                return new TopicPartition(Topics.AUDIT_LOG_DLT, -1);
              });
      var backOff = new ExponentialBackOff();
      backOff.setInitialInterval(settings.retryInitialInterval().toMillis());
      backOff.setMultiplier(2);
      backOff.setMaxInterval(settings.retryMaxInterval().toMillis());
      var handler = new DefaultErrorHandler(recoverer, backOff);
      handler.addNotRetryableExceptions(
          AuditFormatException.class,
          AuditRecordRejectedException.class,
          IllegalArgumentException.class);
      return handler;
    }

    private static Throwable rootCause(Throwable e) {
      Throwable cause = e;
      while (cause.getCause() != null && cause.getCause() != cause) {
        cause = cause.getCause();
      }
      return cause;
    }

    @Override
    public void destroy() {
      producers.destroy();
    }
  }
}
