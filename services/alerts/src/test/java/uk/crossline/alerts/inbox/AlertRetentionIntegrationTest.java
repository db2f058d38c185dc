package uk.crossline.alerts.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import uk.crossline.alerts.AlertEvents;
import uk.crossline.alerts.AlertsApi;
import uk.crossline.model.Topics;
import uk.crossline.model.event.IntelligenceReported;
import uk.crossline.model.event.SharingScope;
import uk.crossline.model.vocabulary.Tlp;
import uk.crossline.testsupport.CrosslineIntegrationTest;
import uk.crossline.testsupport.CrosslineStack;
import uk.crossline.testsupport.DemoTokens;
import uk.crossline.testsupport.TopicReader;

/**
 * When an event's retention ends (the indexer's tombstone on the events topic), the alerts about it
 * leave the inbox too: the hub keeps no copy past the review period.
 */
@CrosslineIntegrationTest
@SpringBootTest
@AutoConfigureMockMvc
class AlertRetentionIntegrationTest {

  private static final String GROUP =
      AlertsApi.groupAtEnd(CrosslineStack.get().kafkaBootstrapServers());

  @org.springframework.test.context.DynamicPropertySource
  static void matchingGroup(org.springframework.test.context.DynamicPropertyRegistry registry) {
    registry.add("crossline.alerts.group-id", () -> GROUP);
  }

  @Autowired MockMvc mvc;

  @Test
  void eventTombstonedThenItsAlertsLeaveTheInboxWithATombstoneEach(
      DemoTokens tokens, CrosslineStack stack) throws Exception {
    // given Bromsgrove alerted to a Redditch event
    var api = new AlertsApi(mvc, tokens);
    String subscription =
        api.subscribe("bromsgrove.cso", AlertsApi.district("Redditch", "redditch"));
    try {
      IntelligenceReported event =
          AlertEvents.reported(
              AlertEvents.REDDITCH, AlertEvents.report(Tlp.GREEN, SharingScope.none(), "redditch"));
      AlertsApi.awaitMatched(stack.kafkaBootstrapServers(), GROUP, AlertEvents.publish(event));
      await()
          .atMost(Duration.ofSeconds(90))
          .until(() -> !api.alerts("bromsgrove.cso", subscription).isEmpty());
      String alertId =
          api.alerts("bromsgrove.cso", subscription).getFirst().get("alertId").asString();
      var inbox = TopicReader.mark(Topics.ALERTS);

      // when the event's retention ends
      try (var producer =
          new KafkaProducer<>(
              AlertEvents.producerConfig(), new StringSerializer(), new ByteArraySerializer())) {
        producer
            .send(new ProducerRecord<>(Topics.INTELLIGENCE_EVENTS, event.eventId().value(), null))
            .get();
      }

      // then the alert is gone from the inbox, and the inbox topic holds a tombstone for it
      // (generous: a matching batch retried while the inbox was still being read waits its
      // back-off)
      await()
          .atMost(Duration.ofSeconds(90))
          .until(() -> api.alerts("bromsgrove.cso", subscription).isEmpty());
      assertThat(TopicReader.recordsSince(inbox))
          .anySatisfy(
              record -> {
                assertThat(record.key()).isEqualTo(alertId);
                assertThat(record.value()).isNull();
              });
    } finally {
      api.end("bromsgrove.cso", subscription);
    }
  }
}
