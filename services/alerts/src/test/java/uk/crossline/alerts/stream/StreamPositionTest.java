package uk.crossline.alerts.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamPositionTest {

  @Test
  void idReadsBackAsTheSamePosition() {
    StreamPosition position = new StreamPosition(Map.of(2, 7L, 0, 12L, 1, 5L));
    assertThat(position.id()).isEqualTo("0:12,1:5,2:7");
    assertThat(StreamPosition.parse(position.id())).contains(position);
  }

  @Test
  void recordIsAfterThePositionWhenItsOffsetIsNotYetPassed() {
    StreamPosition position = StreamPosition.parse("0:12,1:5").orElseThrow();
    assertThat(position.before(0, 12)).isTrue();
    assertThat(position.before(0, 11)).isFalse();
    // a partition left out is at its beginning
    assertThat(position.before(2, 0)).isTrue();
  }

  @Test
  void passingMovesOnePartitionAndNeverBack() {
    StreamPosition position = StreamPosition.START.passing(1, 4);
    assertThat(position.id()).isEqualTo("1:5");
    assertThat(position.passing(1, 2)).isEqualTo(position);
  }

  @Test
  void maxTakesTheLaterOffsetOfEachPartition() {
    StreamPosition a = StreamPosition.parse("0:3,1:9").orElseThrow();
    StreamPosition b = StreamPosition.parse("0:5,2:1").orElseThrow();
    assertThat(a.max(b).id()).isEqualTo("0:5,1:9,2:1");
  }

  @Test
  void malformedIdsAreRefused() {
    assertThat(StreamPosition.parse("not-a-position")).isEmpty();
    assertThat(StreamPosition.parse("0:1,0:2")).isEmpty();
    assertThat(StreamPosition.parse("0:-1")).isEmpty();
    assertThat(StreamPosition.parse("0:1,")).isEmpty();
    assertThat(StreamPosition.parse("")).contains(StreamPosition.START);
  }
}
