package uk.crossline.alerts;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import uk.crossline.model.Topics;

/**
 * The alerts service's own settings.
 *
 * @param topicWait how long a change to a subscription or the inbox waits to be taken by the broker
 *     and read back before the call answers 503 (or the batch of events is retried)
 * @param topics the topics it reads and writes: the hub's own unless a drill points a set of
 *     instances at topics of its own
 */
@ConfigurationProperties("crossline.alerts")
public record AlertSettings(
    @DefaultValue("10s") Duration topicWait, @DefaultValue TopicNames topics) {

  @ConstructorBinding
  public AlertSettings {}

  /** The hub's own topics. */
  public AlertSettings(Duration topicWait) {
    this(topicWait, TopicNames.HUB);
  }

  /**
   * The topics of one alerts deployment; the matching consumer reads {@code events} through the
   * same property ({@code crossline.alerts.topics.events}).
   *
   * @param events the intelligence events it matches
   * @param subscriptions the compacted subscriptions every instance reads whole
   * @param inbox the compacted inbox every instance reads whole
   * @param webhookDeliveries the compacted webhook deliveries, whose partitions the instances share
   *     out
   */
  public record TopicNames(
      @DefaultValue(Topics.INTELLIGENCE_EVENTS) String events,
      @DefaultValue(Topics.ALERT_SUBSCRIPTIONS) String subscriptions,
      @DefaultValue(Topics.ALERTS) String inbox,
      @DefaultValue(Topics.ALERT_WEBHOOK_DELIVERIES) String webhookDeliveries) {

    /** The hub's own topics. */
    public static final TopicNames HUB =
        new TopicNames(
            Topics.INTELLIGENCE_EVENTS,
            Topics.ALERT_SUBSCRIPTIONS,
            Topics.ALERTS,
            Topics.ALERT_WEBHOOK_DELIVERIES);
  }
}
