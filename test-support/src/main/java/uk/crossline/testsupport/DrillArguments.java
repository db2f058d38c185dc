package uk.crossline.testsupport;

import java.time.Duration;
import java.util.List;

/**
 * Arguments a drill gives a service process ({@link ServiceProcess}) so that a fault plays out in
 * seconds rather than a production service's minutes, the same in every drill.
 */
public final class DrillArguments {

  private DrillArguments() {}

  /**
   * Consumers whose session ends after this long without a heartbeat, so a killed member's
   * partitions move to the others within seconds (production keeps Kafka's 45 s).
   */
  public static List<String> quickFailover(Duration sessionTimeout) {
    return List.of(
        "--spring.kafka.consumer.properties.session.timeout.ms=" + sessionTimeout.toMillis(),
        "--spring.kafka.consumer.properties.heartbeat.interval.ms=2000");
  }

  /**
   * The alerts service posting webhooks to a receiver on this machine, retrying within seconds and
   * giving up only after five minutes.
   */
  public static List<String> quickWebhooks() {
    return List.of(
        "--crossline.alerts.webhook.deliver=true",
        "--crossline.alerts.webhook.allow-local-http=true",
        "--crossline.alerts.webhook.initial-backoff=200ms",
        "--crossline.alerts.webhook.max-backoff=2s",
        "--crossline.alerts.webhook.give-up-after=5m",
        "--crossline.alerts.webhook.timeout=5s",
        "--crossline.alerts.webhook.tick=100ms");
  }
}
