package uk.crossline.alerts;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.crossline.model.Topics;
import uk.crossline.model.audit.AuditAction;
import uk.crossline.model.audit.AuditEntry;
import uk.crossline.model.audit.AuditJson;
import uk.crossline.testsupport.CrosslineStack;
import uk.crossline.testsupport.DemoTokens;

/** The alerts API as a test drives it, and a way to know matching has passed given records. */
public final class AlertsApi {

  public static final JsonMapper JSON = JsonMapper.builder().build();

  private final MockMvc mvc;
  private final DemoTokens tokens;

  public AlertsApi(MockMvc mvc, DemoTokens tokens) {
    this.mvc = mvc;
    this.tokens = tokens;
  }

  public static String district(String name, String district) {
    return """
        {"name": "%s", "purpose": "Community safety patrol planning",
         "areas": [{"type": "DISTRICT", "district": "%s"}]}"""
        .formatted(name, district);
  }

  public String subscribe(String user, String body) throws Exception {
    String answer =
        mvc.perform(
                post("/api/v1/subscriptions")
                    .header("Authorization", "Bearer " + tokens.accessToken(user))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body))
            .andReturn()
            .getResponse()
            .getContentAsString();
    JsonNode node = JSON.readTree(answer);
    if (!node.has("subscriptionId")) {
      throw new AssertionError("not subscribed: " + answer);
    }
    return node.get("subscriptionId").asString();
  }

  public void end(String user, String subscriptionId) throws Exception {
    mvc.perform(
        delete("/api/v1/subscriptions/" + subscriptionId)
            .header("Authorization", "Bearer " + tokens.accessToken(user)));
  }

  /** The user's alerts and digests of one subscription (up to 200), newest first. */
  public List<JsonNode> alerts(String user, String subscriptionId) throws Exception {
    String answer =
        mvc.perform(
                get("/api/v1/alerts")
                    .param("limit", "200")
                    .param("subscription", subscriptionId)
                    .header("Authorization", "Bearer " + tokens.accessToken(user)))
            .andReturn()
            .getResponse()
            .getContentAsString();
    List<JsonNode> found = new ArrayList<>();
    JSON.readTree(answer).get("alerts").forEach(found::add);
    return found;
  }

  /** The user's alerts about this event, newest first. */
  public List<JsonNode> alertsAbout(String user, String eventId) throws Exception {
    String answer =
        mvc.perform(
                get("/api/v1/alerts")
                    .param("limit", "200")
                    .header("Authorization", "Bearer " + tokens.accessToken(user)))
            .andReturn()
            .getResponse()
            .getContentAsString();
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode alert : JSON.readTree(answer).get("alerts")) {
      if (alert.has("eventId") && alert.get("eventId").asString().equals(eventId)) {
        found.add(alert);
      }
    }
    return found;
  }

  /**
   * A matching consumer group of its own for one test context, starting where the events topic ends
   * now: the test sees every event it publishes, and none of the topic's history.
   */
  public static String groupAtEnd(String bootstrap) {
    return uk.crossline.testsupport.ConsumerGroups.atEnd(
        Topics.INTELLIGENCE_EVENTS, "crossline-alerts-test");
  }

  /** Waits until the matching consumer group has committed past every one of these records. */
  public static void awaitMatched(String bootstrap, String group, List<RecordMetadata> records) {
    Map<String, Object> config = new HashMap<>();
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    try (Admin admin = Admin.create(config)) {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> {
                var committed =
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                return records.stream()
                    .allMatch(
                        r -> {
                          var offset = committed.get(new TopicPartition(r.topic(), r.partition()));
                          return offset != null && offset.offset() > r.offset();
                        });
              });
    }
  }

  /**
   * The ALERT_DELIVERY entries of the access log naming this event, read from the audit topic's
   * last few thousand records (the entries were written moments ago) up to where it ends now.
   */
  public static List<AuditEntry> deliveriesLoggedAbout(String eventId) {
    Map<String, Object> config = new HashMap<>();
    config.put(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, CrosslineStack.get().kafkaBootstrapServers());
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    try (var consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      var partitions =
          consumer.partitionsFor(Topics.AUDIT_LOG).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      var end = consumer.endOffsets(partitions);
      partitions.forEach(p -> consumer.seek(p, Math.max(0, end.get(p) - 5000)));
      var found = new ArrayList<AuditEntry>();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                  AuditEntry entry;
                  try {
                    entry = AuditJson.read(record.value());
                  } catch (RuntimeException unreadable) {
                    continue; // not ours: a dead-letter drill's record
                  }
                  if (entry.action() == AuditAction.ALERT_DELIVERY
                      && entry.eventIds().stream().anyMatch(id -> id.value().equals(eventId))) {
                    found.add(entry);
                  }
                }
                return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
              });
      return found;
    }
  }
}
