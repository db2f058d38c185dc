package uk.crossline.testsupport;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Consumer groups of the test stack made for one test run. */
public final class ConsumerGroups {

  private ConsumerGroups() {}

  /**
   * A new consumer group (named with the prefix and a random suffix) whose committed offsets are
   * where the topic ends now: a service started with it consumes everything published from now on,
   * however long it takes to be assigned its partitions, and none of the topic's history.
   */
  public static String atEnd(String topic, String prefix) {
    String group = prefix + "-" + UUID.randomUUID();
    Map<String, Object> config = new HashMap<>();
    config.put(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, CrosslineStack.get().kafkaBootstrapServers());
    try (Admin admin = Admin.create(config)) {
      List<TopicPartition> partitions =
          admin
              .describeTopics(List.of(topic))
              .allTopicNames()
              .get()
              .get(topic)
              .partitions()
              .stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
      Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
      admin
          .listOffsets(latest)
          .all()
          .get()
          .forEach((p, info) -> start.put(p, new OffsetAndMetadata(info.offset())));
      admin.alterConsumerGroupOffsets(group, start).all().get();
      return group;
    } catch (Exception e) {
      throw new IllegalStateException("cannot set up a consumer group for the test", e);
    }
  }
}
