package uk.crossline.bench.measure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Latencies of one measurement, safe to record from many threads, read as percentiles. */
public final class Latencies {

  private final List<Long> nanos = new ArrayList<>();
  private long errors;
  private String firstError;

  public synchronized void record(long elapsedNanos) {
    nanos.add(elapsedNanos);
  }

  public synchronized void error() {
    errors++;
  }

  /** An error, the first of which is kept to say what went wrong. */
  public synchronized void error(RuntimeException e) {
    errors++;
    if (firstError == null) {
      firstError = String.valueOf(e.getMessage());
      if (firstError.length() > 200) {
        firstError = firstError.substring(0, 200) + "...";
      }
    }
  }

  public synchronized int count() {
    return nanos.size();
  }

  public synchronized long errors() {
    return errors;
  }

  /**
   * The nearest-rank percentile in milliseconds: the smallest value at least {@code p} percent of
   * the values are at or below; NaN when nothing was recorded.
   */
  public synchronized double percentileMillis(double p) {
    if (nanos.isEmpty()) {
      return Double.NaN;
    }
    long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
  }

  public synchronized double meanMillis() {
    return nanos.stream().mapToLong(Long::longValue).average().orElse(Double.NaN) / 1e6;
  }

  /** count, errors, p50, p95, p99, max and mean in ms, for the results. */
  public Map<String, Object> summary() {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("count", count());
    summary.put("errors", errors());
    summary.put("p50Ms", round(percentileMillis(50)));
    summary.put("p95Ms", round(percentileMillis(95)));
    summary.put("p99Ms", round(percentileMillis(99)));
    summary.put("maxMs", round(percentileMillis(100)));
    summary.put("meanMs", round(meanMillis()));
    synchronized (this) {
      if (firstError != null) {
        summary.put("firstError", firstError);
      }
    }
    return summary;
  }

  /** One decimal place, enough for milliseconds and ratios alike; NaN stays NaN. */
  public static double round(double value) {
    return Double.isNaN(value) ? value : Math.round(value * 10) / 10.0;
  }

  /** Two decimal places, for ratios. */
  public static double ratio(double numerator, double denominator) {
    if (Double.isNaN(numerator) || Double.isNaN(denominator) || denominator == 0) {
      return Double.NaN;
    }
    return Math.round(numerator / denominator * 100) / 100.0;
  }
}
