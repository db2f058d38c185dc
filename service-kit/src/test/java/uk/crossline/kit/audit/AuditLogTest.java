package uk.crossline.kit.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import uk.crossline.model.AgencyId;
import uk.crossline.model.AgencyType;
import uk.crossline.model.Caller;
import uk.crossline.model.Role;
import uk.crossline.model.audit.AuditAction;
import uk.crossline.model.audit.AuditEntryDraft;
import uk.crossline.model.event.EventId;

/** The writer against a broker that is not there: a real client, nothing listening. */
class AuditLogTest {

  private static final Caller ANALYST =
      new Caller(
          "analyst-1",
          "analyst.wmp",
          AgencyId.of("west-mercia-police"),
          AgencyType.POLICE,
          Set.of(Role.SEARCH));

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final AuditLog auditLog = unreachable();

  @AfterEach
  void close() {
    auditLog.close();
  }

  @Test
  void recordFailsClosedWhenNoBrokerTakesTheEntry() {
    // given
    Set<String> chainsBefore = auditLog.chains();
    var draft = AuditEntryDraft.by(ANALYST, AuditAction.SEARCH, "deal line review");

    // then
    assertThatThrownBy(() -> auditLog.record(draft))
        .isInstanceOf(AuditLogUnavailableException.class);
    assertThat(meters.counter("crossline.audit.entries", "outcome", "failed").count()).isEqualTo(1);
    assertThat(auditLog.chains())
        .as(
            "the broker may hold the failed entry or not: that chain ends, a new one takes its place")
        .hasSize(2)
        .allMatch(chain -> chain.startsWith("crossline-search-"))
        .containsAnyElementsOf(chainsBefore)
        .isNotEqualTo(chainsBefore);
  }

  @Test
  void draftTooLargeForOneEntryIsRefusedBeforeAnythingIsSent() {
    // given
    Set<String> chainsBefore = auditLog.chains();
    List<EventId> ids =
        IntStream.range(0, 1_001)
            .mapToObj(n -> EventId.derive(ANALYST.agency(), "ref-" + n))
            .toList();
    var draft = AuditEntryDraft.by(ANALYST, AuditAction.EXPORT, "return").withEventIds(ids);

    // then
    assertThatThrownBy(() -> auditLog.record(draft))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("eventIds: at most 1000");
    assertThat(auditLog.chains()).isEqualTo(chainsBefore);
  }

  @Test
  void poolWithoutAChainIsRefused() {
    assertThatThrownBy(
            () ->
                new AuditLog(
                    new KafkaProducer<>(
                        AuditAutoConfiguration.producerProperties(
                            new KafkaProperties(),
                            new AuditSettings(true, Duration.ofSeconds(1), 1),
                            "crossline-search"),
                        new StringSerializer(),
                        new ByteArraySerializer()),
                    "crossline-search",
                    Clock.systemUTC(),
                    Duration.ofSeconds(1),
                    0,
                    meters))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("chains: at least 1");
  }

  @Test
  void applicationNameBecomesAComponentName() {
    assertThat(AuditLog.componentName("Crossline_Search  Service"))
        .isEqualTo("crossline-search-service");
    assertThat(AuditLog.componentName("--")).isEqualTo("application");
    assertThat(auditLog.component().component()).isEqualTo("crossline-search");
  }

  private AuditLog unreachable() {
    var kafka = new KafkaProperties();
    kafka.setBootstrapServers(List.of("127.0.0.1:1"));
    var settings = new AuditSettings(true, Duration.ofSeconds(1), 2);
    return new AuditLog(
        new KafkaProducer<>(
            AuditAutoConfiguration.producerProperties(kafka, settings, "crossline-search"),
            new StringSerializer(),
            new ByteArraySerializer()),
        "crossline-search",
        Clock.systemUTC(),
        settings.timeout(),
        settings.chains(),
        meters);
  }
}
