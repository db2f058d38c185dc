package uk.crossline.kit.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The access-log writer's settings; the broker and its security come from {@code spring.kafka.*}.
 *
 * @param enabled whether a service with Kafka gets an {@link AuditLog} (on unless switched off)
 * @param timeout the longest a caller waits for the broker to take an entry before the call fails
 */
@ConfigurationProperties("crossline.audit")
public record AuditSettings(
    @DefaultValue("true") boolean enabled, @DefaultValue("10s") Duration timeout) {}
