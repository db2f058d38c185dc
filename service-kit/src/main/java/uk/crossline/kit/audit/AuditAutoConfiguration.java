package uk.crossline.kit.audit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The access-log writer, in every service that has Spring Kafka and a broker to write to. Its
 * producer is its own (never the service's transactional one): an entry must be on the broker when
 * {@link AuditLog#record} returns, whatever transaction the service is in.
 */
@AutoConfiguration
@ConditionalOnClass({KafkaProducer.class, KafkaProperties.class})
@ConditionalOnProperty("spring.kafka.bootstrap-servers")
@ConditionalOnBooleanProperty(name = "crossline.audit.enabled", matchIfMissing = true)
@EnableConfigurationProperties({AuditSettings.class, KafkaProperties.class})
public class AuditAutoConfiguration {

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  AuditLog auditLog(
      KafkaProperties kafka,
      AuditSettings settings,
      Environment environment,
      ObjectProvider<Clock> clock,
      ObjectProvider<MeterRegistry> meters) {
    String application = environment.getProperty("spring.application.name", "application");
    return new AuditLog(
        new KafkaProducer<>(
            producerProperties(kafka, settings, AuditLog.componentName(application)),
            new StringSerializer(),
            new ByteArraySerializer()),
        application,
        clock.getIfAvailable(Clock::systemUTC),
        settings.timeout(),
        settings.chains(),
        meters.getIfAvailable(SimpleMeterRegistry::new));
  }

  /** The service's broker and security settings, with what an access log needs on top. */
  static Map<String, Object> producerProperties(
      KafkaProperties kafka, AuditSettings settings, String component) {
    Map<String, Object> properties = new HashMap<>(kafka.buildProducerProperties());
    properties.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
    properties.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
    properties.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
    properties.put(ProducerConfig.CLIENT_ID_CONFIG, component + "-audit");
    properties.put(ProducerConfig.ACKS_CONFIG, "all");
    properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    properties.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    long timeout = settings.timeout().toMillis();
    // Bounded so a caller learns of a failure within the timeout, as a definite delivery failure.
    properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
    properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.max(1_000, timeout / 2));
    properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(1_000, timeout));
    return properties;
  }
}
