package uk.crossline.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuTimeTest {

  @Test
  void snapshotCountsEachPidFilesProcessAndTheBenchmarkItself(@TempDir Path runDir)
      throws Exception {
    // given: a pid file naming this very process, which has certainly used some CPU by now
    Files.writeString(runDir.resolve("indexer.pid"), ProcessHandle.current().pid() + "\n");
    Files.writeString(runDir.resolve("gone.pid"), "999999999\n");

    // when
    Map<String, Double> seconds = CpuTime.snapshot(runDir);

    // then: a process that is gone counts nothing and is left out
    assertThat(seconds).containsOnlyKeys("indexer", CpuTime.BENCH);
    assertThat(seconds.get("indexer")).isPositive();
    assertThat(seconds.get(CpuTime.BENCH)).isPositive();
  }

  @Test
  void perItemSharesOutEachProcesssCpuLargestFirstWithTheTotalLast() {
    // given
    Map<String, Double> before = new LinkedHashMap<>(Map.of("intake", 10.0, "elasticsearch", 5.0));
    Map<String, Double> after =
        new LinkedHashMap<>(Map.of("intake", 14.0, "elasticsearch", 11.0, "kafka", 2.0));

    // when: 2,000 events in the stage
    Map<String, Object> figures = CpuTime.perItem(before, after, 2_000);

    // then: 12 s in all, 6 ms of one core per event
    assertThat(figures.keySet()).containsExactly("elasticsearch", "intake", "kafka", "total");
    assertThat(figures.get("elasticsearch"))
        .isEqualTo(Map.of("cpuSeconds", 6.0, "cpuMsPerItem", 3.0, "share", 0.5));
    assertThat(figures.get("kafka"))
        .isEqualTo(Map.of("cpuSeconds", 2.0, "cpuMsPerItem", 1.0, "share", 0.17));
    assertThat(figures.get("total"))
        .isEqualTo(Map.of("cpuSeconds", 12.0, "cpuMsPerItem", 6.0, "share", 1.0));
  }
}
