package uk.crossline.kit.table;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import uk.crossline.kit.table.TopicTable.UnavailableException;
import uk.crossline.testsupport.CrosslineIntegrationTest;
import uk.crossline.testsupport.CrosslineStack;

/**
 * The table on the real broker. Each run makes compacted topics of its own (and deletes them
 * after), so it reads nothing another test wrote.
 */
@CrosslineIntegrationTest
class TopicTableIntegrationTest {

  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final List<String> TOPICS = new CopyOnWriteArrayList<>();

  private static Admin admin;
  private static KafkaProperties kafka;

  @BeforeAll
  static void connect() {
    String servers = CrosslineStack.get().kafkaBootstrapServers();
    admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers));
    kafka = new KafkaProperties();
    kafka.setBootstrapServers(List.of(servers));
  }

  @AfterAll
  static void removeTopics() throws Exception {
    try {
      admin.deleteTopics(TOPICS).all().get(30, TimeUnit.SECONDS);
    } finally {
      admin.close(Duration.ofSeconds(5));
    }
  }

  @Test
  void recordsCommittedBeforeStartThenAllReadBeforeCaughtUp() throws Exception {
    // given a topic holding records from transactions whose commits have just returned
    String topic = newTopic("before-start");
    try (var producer = transactionalProducer()) {
      producer.initTransactions();
      for (int batch = 0; batch < 5; batch++) {
        producer.beginTransaction();
        for (int n = 0; n < 400; n++) {
          String key = "key-" + (batch * 400 + n);
          producer.send(new ProducerRecord<>(topic, key, bytes("value-" + key)));
        }
        producer.commitTransaction();
      }
    }

    // when a table starts reading at once, counting what it holds when it first says caught up
    Map<String, String> state = new ConcurrentHashMap<>();
    List<Integer> heldWhenCaughtUp = new CopyOnWriteArrayList<>();
    TopicTable[] self = new TopicTable[1];
    TopicTable table =
        new TopicTable(
            kafka,
            topic,
            "kit-table-test-" + RUN,
            WAIT,
            (key, value) -> {
              if (self[0].caughtUp() && heldWhenCaughtUp.isEmpty()) {
                heldWhenCaughtUp.add(state.size());
              }
              state.put(key, text(value));
            });
    self[0] = table;
    table.start();
    try {
      // then start returns once it holds every one of them, and it was not caught up before
      assertThat(table.caughtUp()).isTrue();
      assertThat(state).hasSize(2000).containsEntry("key-1999", "value-key-1999");
      assertThat(heldWhenCaughtUp).isEmpty();
    } finally {
      table.stop();
    }
  }

  @Test
  void publishedThenReadBackBeforePublishReturns() throws Exception {
    // given a caught-up table
    String topic = newTopic("read-back");
    Map<String, String> state = new ConcurrentHashMap<>();
    TopicTable table = started(table(topic, state));
    try {
      // when records are published in one transaction
      table.publishAll(List.of(Map.entry("a", bytes("1")), Map.entry("b", bytes("2"))));
      table.publish("a", bytes("3"));

      // then they are in the table as soon as the calls return
      assertThat(state).containsExactlyInAnyOrderEntriesOf(Map.of("a", "3", "b", "2"));
    } finally {
      table.stop();
    }
  }

  @Test
  void tombstoneThenKeyRemovedWhereTheTableRemovesAndSkippedElsewhere() throws Exception {
    // given a table that removes on tombstones and one that does not
    String topic = newTopic("tombstones");
    Map<String, String> removing = new ConcurrentHashMap<>();
    Map<String, String> skipping = new ConcurrentHashMap<>();
    TopicTable table = started(removingTable(topic, removing));
    TopicTable other = started(table(topic, skipping));
    try {
      table.publish("kept", bytes("1"));
      table.publish("gone", bytes("2"));

      // when one key gets a tombstone (and a record comes after it)
      table.publish("gone", null);
      table.publish("after", bytes("3"));

      // then it is removed where tombstones remove, and skipped (not applied) elsewhere
      assertThat(removing).containsExactlyInAnyOrderEntriesOf(Map.of("kept", "1", "after", "3"));
      await().atMost(WAIT).until(() -> skipping.containsKey("after"));
      assertThat(skipping)
          .containsExactlyInAnyOrderEntriesOf(Map.of("kept", "1", "gone", "2", "after", "3"));
    } finally {
      table.stop();
      other.stop();
    }
  }

  @Test
  void restartedOrReadAnewThenSameState() throws Exception {
    // given a table that has written several records, one twice, one removed
    String topic = newTopic("restart");
    Map<String, String> first = new ConcurrentHashMap<>();
    TopicTable table = started(removingTable(topic, first));
    Map<String, String> second = new ConcurrentHashMap<>();
    TopicTable another = removingTable(topic, second);
    try {
      for (int n = 0; n < 20; n++) {
        table.publish("key-" + n, bytes("v" + n));
      }
      table.publish("key-3", bytes("changed"));
      table.publish("key-4", null);
      Map<String, String> before = Map.copyOf(first);

      // when it is stopped and started again, and another instance reads the topic
      table.stop();
      first.clear();
      table.start();
      another.start();

      // then both rebuild the same state
      assertThat(table.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
      assertThat(another.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
      assertThat(before).hasSize(19).containsEntry("key-3", "changed").doesNotContainKey("key-4");
      assertThat(first).isEqualTo(before);
      assertThat(second).isEqualTo(before);
    } finally {
      table.stop();
      another.stop();
    }
  }

  @Test
  void twoTablesOfOneClientIdWritingAtOnceThenNeitherFencesTheOther() throws Exception {
    // given two instances of one table, and a second table, all under one client id
    String topic = newTopic("two-writers");
    String otherTopic = newTopic("two-writers-other");
    Map<String, String> one = new ConcurrentHashMap<>();
    Map<String, String> two = new ConcurrentHashMap<>();
    Map<String, String> other = new ConcurrentHashMap<>();
    TopicTable first = started(table(topic, one));
    TopicTable second = started(table(topic, two));
    TopicTable third = started(table(otherTopic, other));
    try {
      // when they write in turns, each transaction in its own producer
      for (int n = 0; n < 5; n++) {
        first.publish("first-" + n, bytes("1"));
        second.publish("second-" + n, bytes("2"));
        third.publish("third-" + n, bytes("3"));
      }

      // then every write was taken (a fenced producer would have failed one) and read everywhere
      assertThat(one).hasSize(10);
      assertThat(two).hasSize(10);
      await().atMost(WAIT).untilAsserted(() -> assertThat(one).isEqualTo(two));
      assertThat(other).hasSize(5);
    } finally {
      first.stop();
      second.stop();
      third.stop();
    }
  }

  @Test
  void writtenByAnotherInstanceThenHereOnceReadUpToNowReturns() throws Exception {
    // given two instances of one table, the second's reader held up by what the first writes
    String topic = newTopic("up-to-now");
    CountDownLatch release = new CountDownLatch(1);
    Map<String, String> first = new ConcurrentHashMap<>();
    Map<String, String> second = new ConcurrentHashMap<>();
    TopicTable writer = started(table(topic, first));
    TopicTable lagging = started(heldUpTable(topic, second, WAIT, "handed-over", release));
    try {
      // when the first writes a record before handing work over (its write read back there)
      writer.publish("handed-over", bytes("1"));

      // then the second is not up to now while its reader lags behind that write
      assertThat(lagging.readUpToNow(Duration.ofMillis(500))).isFalse();
      assertThat(second).doesNotContainKey("handed-over");

      // and, asked again, once its reader goes on it is, with the record there as it returns
      CompletableFuture<Boolean> upToNow =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return lagging.readUpToNow(WAIT);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  return false;
                }
              });
      release.countDown();
      assertThat(upToNow.get(30, TimeUnit.SECONDS)).isTrue();
      assertThat(second).containsEntry("handed-over", "1");
    } finally {
      release.countDown();
      writer.stop();
      lagging.stop();
    }
  }

  @Test
  void readBackSlowerThanTheWaitThenPublishFailsSayingSo() throws Exception {
    // given a table whose reader is held up by the record it is about to publish
    String topic = newTopic("slow");
    CountDownLatch release = new CountDownLatch(1);
    Map<String, String> state = new ConcurrentHashMap<>();
    TopicTable table = started(heldUpTable(topic, state, Duration.ofSeconds(1), "slow", release));
    try {
      // when it publishes it, then the call fails once the wait is over, saying why
      assertThatThrownBy(() -> table.publish("slow", bytes("1")))
          .isInstanceOf(UnavailableException.class)
          .hasMessageContaining(topic)
          .hasMessageContaining("not read back within PT1S");

      // and the record, which was published, is read once the reader goes on
      release.countDown();
      await().atMost(WAIT).until(() -> "1".equals(state.get("slow")));
    } finally {
      release.countDown();
      table.stop();
    }
  }

  @Test
  void brokerUnavailableThenNotCaughtUpAndPublishFailsClearly() throws Exception {
    // given a table whose broker does not answer
    KafkaProperties nowhere = new KafkaProperties();
    nowhere.setBootstrapServers(List.of("127.0.0.1:1"));
    String topic = "crossline.kit.table-test." + RUN + ".nowhere";
    TopicTable table =
        new TopicTable(
            nowhere, topic, "kit-table-test-" + RUN, Duration.ofSeconds(1), (key, value) -> {});
    table.start();
    try {
      // then it does not catch up, and a write is refused with a reason naming the topic
      assertThat(table.awaitCaughtUp(Duration.ofSeconds(2))).isFalse();
      assertThat(table.caughtUp()).isFalse();
      assertThatThrownBy(() -> table.publish("a", bytes("1")))
          .isInstanceOf(UnavailableException.class)
          .hasMessageContaining(topic)
          .hasMessageContaining("not been read to its end");
    } finally {
      // and it stops promptly while waiting for the broker
      long began = System.nanoTime();
      table.stop();
      assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(5));
      assertThat(table.isRunning()).isFalse();
    }
  }

  private static TopicTable table(String topic, Map<String, String> state) {
    return new TopicTable(
        kafka, topic, "kit-table-test-" + RUN, WAIT, (key, value) -> state.put(key, text(value)));
  }

  /** A table whose reader stops at the record of this key until the latch is released. */
  private static TopicTable heldUpTable(
      String topic,
      Map<String, String> state,
      Duration wait,
      String heldAt,
      CountDownLatch release) {
    return new TopicTable(
        kafka,
        topic,
        "kit-table-test-" + RUN,
        wait,
        (key, value) -> {
          if (key.equals(heldAt)) {
            awaitQuietly(release);
          }
          state.put(key, text(value));
        });
  }

  /** A table whose tombstones remove their key from the state. */
  private static TopicTable removingTable(String topic, Map<String, String> state) {
    return new TopicTable(
        kafka,
        topic,
        "kit-table-test-" + RUN,
        WAIT,
        (key, value) -> state.put(key, text(value)),
        state::remove);
  }

  private static TopicTable started(TopicTable table) throws InterruptedException {
    table.start();
    assertThat(table.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
    return table;
  }

  private static String newTopic(String name) throws Exception {
    String topic = "crossline.kit.table-test." + RUN + "." + name;
    admin
        .createTopics(
            List.of(
                new NewTopic(topic, 3, (short) 1)
                    .configs(
                        Map.of(
                            TopicConfig.CLEANUP_POLICY_CONFIG,
                            TopicConfig.CLEANUP_POLICY_COMPACT))))
        .all()
        .get(30, TimeUnit.SECONDS);
    TOPICS.add(topic);
    return topic;
  }

  private static KafkaProducer<String, byte[]> transactionalProducer() {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            CrosslineStack.get().kafkaBootstrapServers(),
            ProducerConfig.TRANSACTIONAL_ID_CONFIG,
            "kit-table-test-seed-" + UUID.randomUUID(),
            ProducerConfig.LINGER_MS_CONFIG,
            5),
        new StringSerializer(),
        new ByteArraySerializer());
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }

  private static String text(byte[] value) {
    return new String(value, UTF_8);
  }
}
