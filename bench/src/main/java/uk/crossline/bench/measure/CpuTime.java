package uk.crossline.bench.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time of each service and component, from /proc, so a stage can say where its events' work
 * went: on a machine whose cores are all busy, throughput is set by the sum of every process's CPU
 * per event, and the largest share is the one worth cutting. Each pid file's process and its
 * descendants count (as in {@link Memory}); the benchmark's own JVM counts as {@value #BENCH}.
 */
public final class CpuTime {

  /** The name the benchmark's own process is counted under. */
  public static final String BENCH = "bench (load generator)";

  /** Clock ticks per second of /proc's utime and stime: 100 on every Linux this runs on. */
  private static final double TICKS_PER_SECOND = 100;

  private CpuTime() {}

  /** CPU seconds used so far (user and system) by each process tree, by pid file name. */
  public static Map<String, Double> snapshot(Path runDir) {
    Map<String, Double> seconds = new LinkedHashMap<>();
    try {
      Memory.trees(runDir)
          .forEach(
              (name, pids) -> {
                double total = pids.stream().mapToDouble(CpuTime::seconds).sum();
                if (total > 0) {
                  seconds.put(name, total);
                }
              });
    } catch (IOException | NumberFormatException e) {
      // No pid files (a stack started elsewhere): the stage reports only the benchmark's own time.
    }
    seconds.put(
        BENCH,
        ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L) / 1e9);
    return seconds;
  }

  /**
   * What each process used between the snapshots, per item of work: CPU seconds, milliseconds of
   * one core per item, and share of all the CPU used; the largest first, then the total.
   */
  public static Map<String, Object> perItem(
      Map<String, Double> before, Map<String, Double> after, long items) {
    Map<String, Double> used = new LinkedHashMap<>();
    after.forEach((name, seconds) -> used.put(name, seconds - before.getOrDefault(name, 0.0)));
    double total = used.values().stream().mapToDouble(Double::doubleValue).sum();
    Map<String, Object> figures = new LinkedHashMap<>();
    used.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .forEach(e -> figures.put(e.getKey(), figures(e.getValue(), total, items)));
    figures.put("total", figures(total, total, items));
    return figures;
  }

  private static Map<String, Object> figures(double seconds, double total, long items) {
    return Map.of(
        "cpuSeconds",
        Latencies.round(seconds),
        "cpuMsPerItem",
        Latencies.ratio(seconds * 1000, items),
        "share",
        Latencies.ratio(seconds, total));
  }

  /** User and system time of one process, 0 when it is gone. */
  static double seconds(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // Fields after the command name (which may hold spaces) start with the state, field 3.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }
}
