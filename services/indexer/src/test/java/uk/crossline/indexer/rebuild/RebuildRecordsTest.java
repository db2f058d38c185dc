package uk.crossline.indexer.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import uk.crossline.model.AgencyId;
import uk.crossline.model.Topics;
import uk.crossline.model.event.EventId;

/**
 * How the rebuild reads records of the topic: as the live listener does, skipping what it would
 * dead-letter.
 */
class RebuildRecordsTest {

  private static final EventId ID = EventId.derive(AgencyId.of("west-mercia-police"), "ref-1");

  @Test
  void nullValueIsARetentionTombstoneForTheKeysEvent() {
    var projected = RebuildRun.projectedRecord(3, record(ID.value(), null));

    assertThat(projected).isPresent();
    assertThat(projected.get().position()).isEqualTo(3);
    assertThat(projected.get().eventId()).isEqualTo(ID);
    assertThat(projected.get().event()).isEmpty();
  }

  @Test
  void recordWithoutKeyIsUnreadable() {
    assertThat(RebuildRun.projectedRecord(0, record(null, "{}".getBytes(StandardCharsets.UTF_8))))
        .isEmpty();
  }

  @Test
  void recordThatIsNotAnEventIsUnreadable() {
    byte[] value =
        "{\"schemaVersion\": 1, \"kind\": \"REPORT\", \"eventId\": 7}"
            .getBytes(StandardCharsets.UTF_8);

    assertThat(RebuildRun.projectedRecord(0, record(ID.value(), value))).isEmpty();
  }

  @Test
  void highestGenerationIsReadFromTheIndexNamesOfEveryGeneration() {
    var indices =
        Map.of(
            "crossline-intelligence-g2-2026.11", true,
            "crossline-intelligence-g5-2025.01", false,
            "crossline-indexer-state", false);

    assertThat(ProjectionRebuild.highestGeneration(indices)).isEqualTo(5);
    assertThat(ProjectionRebuild.highestGeneration(Map.of())).isZero();
  }

  private static ConsumerRecord<String, byte[]> record(String key, byte[] value) {
    return new ConsumerRecord<>(Topics.INTELLIGENCE_EVENTS, 0, 0L, key, value);
  }
}
