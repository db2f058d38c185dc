package uk.crossline.alerts;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The alerts service's own settings.
 *
 * @param topicWait how long a change to a subscription or the inbox waits to be taken by the broker
 *     and read back before the call answers 503 (or the batch of events is retried)
 */
@ConfigurationProperties("crossline.alerts")
public record AlertSettings(@DefaultValue("10s") Duration topicWait) {}
