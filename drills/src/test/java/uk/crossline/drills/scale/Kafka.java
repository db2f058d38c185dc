package uk.crossline.drills.scale;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import uk.crossline.testsupport.CrosslineStack;

/** The broker as the drill sees it: topics of its own, and who in a group owns which partitions. */
final class Kafka implements AutoCloseable {

  static final int PARTITIONS = 6;

  private final Admin admin =
      Admin.create(
          Map.of(
              AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
              CrosslineStack.get().kafkaBootstrapServers()));

  /** A new topic of six partitions, compacted as the hub's tables are when asked. */
  String topic(String name, boolean compacted) throws ExecutionException, InterruptedException {
    admin
        .createTopics(
            List.of(
                new NewTopic(name, PARTITIONS, (short) 1)
                    .configs(Map.of("cleanup.policy", compacted ? "compact" : "delete"))))
        .all()
        .get();
    return name;
  }

  /**
   * The partitions of the topic each member of the group owns, by the member's client id (members
   * without any are left out).
   */
  Map<String, Set<Integer>> owners(String group, String topic)
      throws ExecutionException, InterruptedException {
    var members = admin.describeConsumerGroups(List.of(group)).all().get().get(group).members();
    Map<String, Set<Integer>> owners = new TreeMap<>();
    for (MemberDescription member : members) {
      Set<Integer> owned =
          member.assignment().topicPartitions().stream()
              .filter(p -> p.topic().equals(topic))
              .map(TopicPartition::partition)
              .collect(Collectors.toCollection(java.util.TreeSet::new));
      if (!owned.isEmpty()) {
        owners.merge(
            member.clientId() + "/" + member.consumerId(),
            owned,
            (a, b) -> {
              a.addAll(b);
              return a;
            });
      }
    }
    return owners;
  }

  /** The owners whose client id starts with the instance's prefix, and all they own. */
  static Set<Integer> ownedBy(Map<String, Set<Integer>> owners, String clientIdPrefix) {
    return owners.entrySet().stream()
        .filter(e -> e.getKey().startsWith(clientIdPrefix))
        .flatMap(e -> e.getValue().stream())
        .collect(Collectors.toCollection(java.util.TreeSet::new));
  }

  /** Every partition some member owns. */
  static Set<Integer> owned(Map<String, Set<Integer>> owners) {
    return owners.values().stream()
        .flatMap(Set::stream)
        .collect(Collectors.toCollection(java.util.TreeSet::new));
  }

  @Override
  public void close() {
    admin.close();
  }
}
