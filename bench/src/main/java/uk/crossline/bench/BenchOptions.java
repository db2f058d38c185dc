package uk.crossline.bench;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What to measure and where the hub is: the addresses come from ./crossline bench, which starts the
 * benchmark's own stack.
 *
 * @param mode short (a couple of minutes, a smaller data set) or full (100k and 1M events)
 */
record BenchOptions(
    Mode mode,
    String kafka,
    URI elasticsearch,
    URI issuer,
    URI intake,
    URI search,
    URI alerts,
    Path runDir,
    Path out,
    Map<String, String> versions,
    String password) {

  static final String USAGE =
      """
      usage: java -jar bench.jar [--short|--full] --kafka HOST:PORT --elasticsearch URL --issuer URL
             --intake URL --search URL --alerts URL --run-dir DIR --out DIR [--version NAME=VALUE]...
      Run it with ./crossline bench, which starts the stack it measures.
      """;

  /** The sizes of a run. */
  enum Mode {
    SHORT(20_000, List.of(), 20, 8, 30, 2),
    FULL(100_000, List.of(900_000), 60, 30, 120, 4);

    /** Events ingested and timed before the first search measurement. */
    final int events;

    /** Events added after it, each followed by another search measurement (100k, then 1M). */
    final List<Integer> more;

    final int steadySeconds;
    final int searchSeconds;
    final int alertReports;
    final int alertReportsPerSecond;

    Mode(
        int events,
        List<Integer> more,
        int steadySeconds,
        int searchSeconds,
        int alertReports,
        int alertReportsPerSecond) {
      this.events = events;
      this.more = more;
      this.steadySeconds = steadySeconds;
      this.searchSeconds = searchSeconds;
      this.alertReports = alertReports;
      this.alertReportsPerSecond = alertReportsPerSecond;
    }
  }

  static final class UsageException extends RuntimeException {
    UsageException(String message) {
      super(message);
    }
  }

  static BenchOptions parse(String[] args, String password) {
    Mode mode = Mode.SHORT;
    Map<String, String> values = new HashMap<>();
    Map<String, String> versions = new java.util.LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--short" -> mode = Mode.SHORT;
        case "--full" -> mode = Mode.FULL;
        case "--version" -> {
          String pair = value(args, ++i, arg);
          int equals = pair.indexOf('=');
          if (equals < 1) {
            throw new UsageException("--version takes NAME=VALUE");
          }
          versions.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
        case "--kafka",
            "--elasticsearch",
            "--issuer",
            "--intake",
            "--search",
            "--alerts",
            "--run-dir",
            "--out" ->
            values.put(arg.substring(2), value(args, ++i, arg));
        default -> throw new UsageException("unknown argument " + arg);
      }
    }
    for (String required :
        List.of(
            "kafka", "elasticsearch", "issuer", "intake", "search", "alerts", "run-dir", "out")) {
      if (!values.containsKey(required)) {
        throw new UsageException("--" + required + " is required");
      }
    }
    return new BenchOptions(
        mode,
        values.get("kafka"),
        URI.create(values.get("elasticsearch")),
        URI.create(values.get("issuer")),
        URI.create(values.get("intake")),
        URI.create(values.get("search")),
        URI.create(values.get("alerts")),
        Path.of(values.get("run-dir")),
        Path.of(values.get("out")),
        versions,
        password == null || password.isBlank() ? "Crossline-Demo-1" : password);
  }

  private static String value(String[] args, int i, String name) {
    if (i >= args.length) {
      throw new UsageException(name + " needs a value");
    }
    return args[i];
  }
}
