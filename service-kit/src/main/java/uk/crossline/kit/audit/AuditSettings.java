package uk.crossline.kit.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The access-log writer's settings; the broker and its security come from {@code spring.kafka.*}.
 *
 * @param enabled whether a service with Kafka gets an {@link AuditLog} (on unless switched off)
 * @param timeout the longest a caller waits for the broker to take an entry before the call fails
 * @param chains how many chains an instance writes at once: as many callers as this wait for the
 *     broker side by side (1 is enough where entries come one at a time)
 */
@ConfigurationProperties("crossline.audit")
public record AuditSettings(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("10s") Duration timeout,
    @DefaultValue("1") int chains) {}
