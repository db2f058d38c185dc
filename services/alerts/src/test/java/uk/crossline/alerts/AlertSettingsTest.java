package uk.crossline.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.kafka.annotation.KafkaListener;
import uk.crossline.model.Topics;

class AlertSettingsTest {

  @Test
  void withoutSettingsTheServiceUsesTheHubsTopics() {
    AlertSettings settings = bind(Map.of());

    assertThat(settings.topicWait()).isEqualTo(Duration.ofSeconds(10));
    assertThat(settings.topics()).isEqualTo(AlertSettings.TopicNames.HUB);
    assertThat(settings.topics().events()).isEqualTo(Topics.INTELLIGENCE_EVENTS);
    assertThat(settings.topics().subscriptions()).isEqualTo(Topics.ALERT_SUBSCRIPTIONS);
    assertThat(settings.topics().inbox()).isEqualTo(Topics.ALERTS);
    assertThat(settings.topics().webhookDeliveries()).isEqualTo(Topics.ALERT_WEBHOOK_DELIVERIES);
  }

  @Test
  void aDeploymentOfItsOwnNamesEachTopic() {
    AlertSettings settings =
        bind(
            Map.of(
                "crossline.alerts.topics.events", "drill.events",
                "crossline.alerts.topics.subscriptions", "drill.subscriptions",
                "crossline.alerts.topics.inbox", "drill.inbox",
                "crossline.alerts.topics.webhook-deliveries", "drill.deliveries"));

    assertThat(settings.topics())
        .isEqualTo(
            new AlertSettings.TopicNames(
                "drill.events", "drill.subscriptions", "drill.inbox", "drill.deliveries"));
  }

  @Test
  void theMatchingConsumerReadsTheEventsTopicOfTheSettings() throws Exception {
    String topics = matchingListener().topics()[0];

    assertThat(resolve(topics, Map.of())).isEqualTo(Topics.INTELLIGENCE_EVENTS);
    assertThat(resolve(topics, Map.of("crossline.alerts.topics.events", "drill.events")))
        .isEqualTo("drill.events");
  }

  private static AlertSettings bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("crossline.alerts", AlertSettings.class);
  }

  private static KafkaListener matchingListener() throws Exception {
    return Class.forName("uk.crossline.alerts.matching.EventsListener")
        .getDeclaredMethod("onEvents", List.class)
        .getAnnotation(KafkaListener.class);
  }

  private static String resolve(String placeholder, Map<String, Object> properties) {
    var environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
    return environment.resolveRequiredPlaceholders(placeholder);
  }
}
