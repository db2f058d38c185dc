package uk.crossline.indexer.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class TopicRangeTest {

  private static final TopicPartition P0 = new TopicPartition("events", 0);
  private static final TopicPartition P1 = new TopicPartition("events", 1);
  private static final TopicPartition P2 = new TopicPartition("events", 2);

  @Test
  void totalCountsOffsetsFromTheFirstKeptToTheEndOfEachPartition() {
    // given a compacted partition whose first kept offset is 40, and an empty one
    var range = new TopicRange(Map.of(P0, 40L, P1, 0L, P2, 7L), Map.of(P0, 100L, P1, 50L, P2, 7L));

    // then
    assertThat(range.total()).isEqualTo(60 + 50);
  }

  @Test
  void readCountsPositionsPastTheStartAndNeverPastTheEnd() {
    // given
    var range = new TopicRange(Map.of(P0, 40L, P1, 0L), Map.of(P0, 100L, P1, 50L));

    // when the reader fetched beyond the end in one partition and has not begun the other
    long read = range.read(Map.of(P0, 130L, P1, 0L));

    // then
    assertThat(read).isEqualTo(60);
  }

  @Test
  void readOfAPartitionWithoutAPositionIsNothing() {
    var range = new TopicRange(Map.of(P0, 10L, P1, 0L), Map.of(P0, 20L, P1, 30L));

    assertThat(range.read(Map.of(P1, 15L))).isEqualTo(15);
  }

  @Test
  void positionAfterTheLastRecordOfACompactedGapStillCountsAsDone() {
    // given offsets 90..99 were compacted away: the reader's position jumps straight to the end
    var range = new TopicRange(Map.of(P0, 0L), Map.of(P0, 100L));

    // then
    assertThat(range.reached(P0, 100L)).isTrue();
    assertThat(TopicRange.percent(range.read(Map.of(P0, 100L)), range.total())).isEqualTo(100);
  }

  @Test
  void recordsFromTheEndOnAreNotInTheRange() {
    var range = new TopicRange(Map.of(P0, 0L), Map.of(P0, 100L));

    assertThat(range.contains(P0, 99)).isTrue();
    assertThat(range.contains(P0, 100)).isFalse();
    assertThat(range.contains(P1, 0)).isFalse();
    assertThat(range.reached(P0, 99)).isFalse();
  }

  @Test
  void percentRoundsDownSoThatOnlyAFinishedReadShowsAHundred() {
    assertThat(TopicRange.percent(0, 12_000)).isZero();
    assertThat(TopicRange.percent(5_400, 12_000)).isEqualTo(45);
    assertThat(TopicRange.percent(11_999, 12_000)).isEqualTo(99);
    assertThat(TopicRange.percent(12_000, 12_000)).isEqualTo(100);
  }

  @Test
  void percentOfAnEmptyTopicIsAHundred() {
    assertThat(TopicRange.percent(0, 0)).isEqualTo(100);
  }

  @Test
  void percentOfHugeTopicsDoesNotOverflow() {
    assertThat(TopicRange.percent(Long.MAX_VALUE / 200, Long.MAX_VALUE / 100)).isEqualTo(50);
  }

  @Test
  void startAndEndMustNameTheSamePartitions() {
    assertThatThrownBy(() -> new TopicRange(Map.of(P0, 0L), Map.of(P1, 10L)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
