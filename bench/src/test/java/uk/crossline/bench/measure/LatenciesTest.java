package uk.crossline.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatenciesTest {

  @Test
  void percentilesAreNearestRankInMilliseconds() {
    // given 1..100 ms
    var latencies = new Latencies();
    for (int ms = 100; ms >= 1; ms--) {
      latencies.record(ms * 1_000_000L);
    }
    // then p50 is 50 ms, p95 95 ms, p99 99 ms, p100 the largest
    assertThat(latencies.percentileMillis(50)).isEqualTo(50.0);
    assertThat(latencies.percentileMillis(95)).isEqualTo(95.0);
    assertThat(latencies.percentileMillis(99)).isEqualTo(99.0);
    assertThat(latencies.percentileMillis(100)).isEqualTo(100.0);
    assertThat(latencies.summary()).containsEntry("count", 100).containsEntry("p99Ms", 99.0);
  }

  @Test
  void nothingRecordedIsNotANumberNotZero() {
    assertThat(new Latencies().percentileMillis(99)).isNaN();
  }

  @Test
  void aRatioOfNothingIsNotANumber() {
    assertThat(Latencies.ratio(3, 2)).isEqualTo(1.5);
    assertThat(Latencies.ratio(3, 0)).isNaN();
    assertThat(Latencies.ratio(Double.NaN, 2)).isNaN();
  }
}
