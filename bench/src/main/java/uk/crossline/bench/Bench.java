package uk.crossline.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.crossline.bench.measure.AlertLatency;
import uk.crossline.bench.measure.CpuTime;
import uk.crossline.bench.measure.Elastic;
import uk.crossline.bench.measure.Http;
import uk.crossline.bench.measure.Hub;
import uk.crossline.bench.measure.Ingest;
import uk.crossline.bench.measure.Latencies;
import uk.crossline.bench.measure.Machine;
import uk.crossline.bench.measure.Memory;
import uk.crossline.bench.measure.Progress;
import uk.crossline.bench.measure.RawElasticsearch;
import uk.crossline.bench.measure.RawKafka;
import uk.crossline.bench.measure.SearchLoad;
import uk.crossline.bench.measure.TimeToSearchable;
import uk.crossline.bench.measure.Tokens;
import uk.crossline.bench.measure.Workload;
import uk.crossline.bench.report.LineChart;
import uk.crossline.bench.report.MarkdownReport;

/**
 * Runs every measurement in one go on a running hub and writes report.md, results.json and the
 * plots into a folder of its own. A measurement that fails is recorded as failed and the others
 * still run, so a run always leaves a report.
 */
public final class Bench {

  static final int STEADY_RATE = 1_000;
  static final int WARM_UP_EVENTS = 3_000;
  static final int SUBSCRIPTIONS = 1_000;
  static final int MATCHING_SUBSCRIPTIONS = 20;
  static final List<Integer> ANALYSTS = List.of(1, 8, 32);

  private final BenchOptions options;
  private final Progress progress = new Progress(System.out);
  private final Map<String, Object> results = new LinkedHashMap<>();
  private final Map<String, Object> load = new LinkedHashMap<>();

  Bench(BenchOptions options) {
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    BenchOptions options;
    try {
      options = BenchOptions.parse(args, System.getenv("CROSSLINE_DEMO_PASSWORD"));
    } catch (BenchOptions.UsageException e) {
      System.err.println("bench: " + e.getMessage());
      System.err.print(BenchOptions.USAGE);
      System.exit(2);
      return;
    }
    Path folder = new Bench(options).run();
    System.out.println();
    System.out.println("Report: " + folder.resolve("report.md"));
    System.exit(0);
  }

  Path run() throws Exception {
    Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    String stamp =
        DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(started);
    Path folder = Files.createDirectories(options.out().resolve(stamp));
    long seed = started.getEpochSecond();
    String runWord = letters(seed);
    var http = new Http();
    var elastic = new Elastic(options.elasticsearch(), http);
    var tokens = new Tokens(options.issuer(), http, options.password());
    var hub = new Hub(options.intake(), options.search(), options.alerts(), http, tokens);
    var workload = new Workload(seed, LocalDate.now(ZoneOffset.UTC));

    Map<String, Object> run = new LinkedHashMap<>();
    run.put("startedAt", started.toString());
    run.put("mode", options.mode().name().toLowerCase());
    run.put("seed", seed);
    run.put(
        "note",
        "The machine is shared (other work was running; see the load averages), so the figures are"
            + " noisy: compare ratios measured in the same run rather than absolute figures across"
            + " runs.");
    results.put("run", run);
    results.put("machine", Machine.describe());
    Map<String, String> versions = new LinkedHashMap<>(options.versions());
    try {
      versions.put("elasticsearch", elastic.version());
    } catch (RuntimeException e) {
      versions.put("elasticsearch", "unknown");
    }
    results.put("versions", versions);
    results.put("loadAverage", load);
    load.put("start", Machine.loadAverage());

    progress.stage("Data set: the demo partnership's generator, seed " + seed);
    var shape = workload.shape(options.mode().events);
    Map<String, Object> dataSet = new LinkedHashMap<>();
    dataSet.put("generator", "tools/demo-data (North Worcestershire partnership and neighbours)");
    dataSet.put("perSubmitterPerMille", perMille(shape.perSubmitter(), s -> s.username()));
    dataSet.put("perCategoryPerMille", perMille(shape.perCategory(), Enum::name));
    dataSet.put("perTlpPerMille", perMille(shape.perTlp(), Enum::name));
    dataSet.put("distinctIdentifiers", shape.identifierAgencyTypes().size());
    dataSet.put(
        "identifiersReportedByMoreThanOneAgencyType",
        shape.identifierAgencyTypes().values().stream().filter(t -> t.size() > 1).count());
    dataSet.put("gradedPerMille", shape.graded() * 1000 / Math.max(1, shape.reports()));
    results.put("dataSet", dataSet);
    shape.describe().forEach(line -> progress.line("%s", line));

    Ingest.Result ingest = null;
    progress.stage(
        "End-to-end ingest: "
            + options.mode().events
            + " events through the intake's bulk endpoints to searchable");
    try {
      var stage = new Ingest(hub, elastic, progress);
      stage.warmUp(workload, WARM_UP_EVENTS);
      var cpuBefore = CpuTime.snapshot(options.runDir());
      var elasticBefore = elastic.workTotals();
      ingest = stage.run(workload, options.mode().events);
      results.put("ingest", ingest.figures());
      results.put(
          "ingestCpuPerEvent",
          CpuTime.perItem(cpuBefore, CpuTime.snapshot(options.runDir()), ingest.events()));
      results.put("ingestElasticsearchWork", Elastic.growth(elasticBefore, elastic.workTotals()));
      progress.line(
          "%.0f events/s to searchable (%.0f/s acknowledged)",
          ingest.eventsPerSecond(), ingest.events() / ingest.ackSeconds());
      chartIngest(ingest, folder.resolve("ingest-throughput.png"));
    } catch (Exception e) {
      results.put("ingest", failed(e));
    }
    load.put("ingest", Machine.loadAverage());

    progress.stage("Raw Kafka producer ceiling (acks=all, the hub's own records)");
    long kafkaRecords = Math.max(50_000, ingest == null ? 0 : ingest.events());
    try {
      RawKafka.Result kafka =
          new RawKafka(options.kafka(), progress).run(kafkaRecords, Duration.ofSeconds(30));
      results.put("rawKafka", kafka.figures());
      progress.line("%.0f records/s", kafka.recordsPerSecond());
    } catch (Exception e) {
      results.put("rawKafka", failed(e));
    }
    load.put("rawKafka", Machine.loadAverage());

    progress.stage("Raw Elasticsearch bulk ceiling (the hub's own documents)");
    List<String> words = List.of("phone", "vape", "shop", "car", "house");
    RawElasticsearch.Result raw = null;
    try {
      var documents =
          elastic.hubDocuments(Math.min(200_000, ingest == null ? 20_000 : ingest.events()));
      words = commonWords(documents.stream().map(Elastic.Source::json).toList());
      var cpuBefore = CpuTime.snapshot(options.runDir());
      var elasticBefore = elastic.workTotals();
      raw = new RawElasticsearch(elastic, progress).run(documents, false);
      results.put("rawElasticsearch", raw.figures());
      results.put(
          "rawElasticsearchCpuPerDocument",
          CpuTime.perItem(cpuBefore, CpuTime.snapshot(options.runDir()), raw.documents()));
      results.put("rawElasticsearchWork", Elastic.growth(elasticBefore, elastic.workTotals()));
      progress.line("%.0f documents/s into one index", raw.documentsPerSecond());
      var monthly = new RawElasticsearch(elastic, progress).run(documents, true);
      results.put("rawElasticsearchMonthlyIndices", monthly.figures());
      progress.line(
          "%.0f documents/s into %d monthly indices, as the hub lays them out",
          monthly.documentsPerSecond(), monthly.indices());
    } catch (Exception e) {
      results.put("rawElasticsearch", failed(e));
    }
    load.put("rawElasticsearch", Machine.loadAverage());
    double ingestRatio =
        ingest == null || raw == null
            ? Double.NaN
            : Latencies.ratio(ingest.eventsPerSecond(), raw.documentsPerSecond());
    results.put("ingestRatioToRawElasticsearch", ingestRatio);

    int rate = steadyRate(ingest);
    Ingest.settle(elastic, progress);
    progress.stage(
        "Time to searchable at "
            + rate
            + " events/s for "
            + options.mode().steadySeconds
            + " s"
            + (rate < STEADY_RATE
                ? " (below 1,000/s: more than the hub took end to end here)"
                : ""));
    TimeToSearchable.Result steady = null;
    try {
      steady =
          new TimeToSearchable(hub, elastic, progress, runWord)
              .run(workload, rate, options.mode().steadySeconds, 2);
      results.put("timeToSearchable", steady.figures());
      progress.line(
          "p50 %.0f ms, p99 %.0f ms at %.0f events/s acknowledged (live reports p50 %.0f, p99 %.0f;"
              + " past months p50 %.0f, p99 %.0f)",
          steady.latencies().percentileMillis(50),
          steady.latencies().percentileMillis(99),
          steady.achievedPerSecond(),
          steady.live().percentileMillis(50),
          steady.live().percentileMillis(99),
          steady.pastMonths().percentileMillis(50),
          steady.pastMonths().percentileMillis(99));
    } catch (Exception e) {
      results.put("timeToSearchable", failed(e));
    }
    load.put("timeToSearchable", Machine.loadAverage());

    List<Map<String, Object>> searches = new ArrayList<>();
    List<SearchLoad.Level> lastLevels = search(hub, elastic, words, searches, folder);
    for (int more : options.mode().more) {
      progress.stage("More events: " + more);
      try {
        results.put("ingestMore", new Ingest(hub, elastic, progress).run(workload, more).figures());
      } catch (Exception e) {
        results.put("ingestMore", failed(e));
      }
      lastLevels = search(hub, elastic, words, searches, folder);
    }
    results.put("search", searches.getLast());
    if (searches.size() > 1) {
      results.put("searchBySize", searches);
    }

    progress.stage(
        "Alerts: " + SUBSCRIPTIONS + " subscriptions, " + options.mode().alertReports + " reports");
    AlertLatency.Result alerts = null;
    try {
      alerts =
          new AlertLatency(hub, progress)
              .run(
                  workload,
                  SUBSCRIPTIONS,
                  MATCHING_SUBSCRIPTIONS,
                  options.mode().alertReports,
                  options.mode().alertReportsPerSecond);
      results.put("alerts", alerts.figures());
      progress.line(
          "%d webhook posts, p50 %.0f ms, p99 %.0f ms",
          alerts.latencies().count(),
          alerts.latencies().percentileMillis(50),
          alerts.latencies().percentileMillis(99));
    } catch (Exception e) {
      results.put("alerts", failed(e));
    }
    load.put("alerts", Machine.loadAverage());

    progress.stage("Resident memory");
    results.put("memory", Memory.of(options.runDir()));
    results.put("targets", targets(ingestRatio, steady, lastLevels, alerts));
    run.put("seconds", Duration.between(started, Instant.now()).toSeconds());

    Files.writeString(
        folder.resolve("results.json"),
        Http.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(results) + "\n");
    Files.writeString(
        folder.resolve("report.md"),
        MarkdownReport.of(Http.JSON.readTree(folder.resolve("results.json").toFile())));
    return folder;
  }

  /**
   * 1,000 events/s when the hub ingested faster than that end to end; otherwise 70% of what it did
   * take, since a rate above it only grows a queue, and time to searchable with it.
   */
  static int steadyRate(Ingest.Result ingest) {
    if (ingest == null || ingest.eventsPerSecond() >= STEADY_RATE / 0.7) {
      return STEADY_RATE;
    }
    return (int) Math.max(10, Math.round(ingest.eventsPerSecond() * 0.07) * 10);
  }

  private List<SearchLoad.Level> search(
      Hub hub,
      Elastic elastic,
      List<String> words,
      List<Map<String, Object>> searches,
      Path folder) {
    long events;
    try {
      events = Ingest.settle(elastic, progress);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    progress.stage(
        "Search: "
            + ANALYSTS
            + " analysts on "
            + events
            + " events, "
            + options.mode().searchSeconds
            + " s each, hub then Elasticsearch alone");
    Map<String, Object> search = new LinkedHashMap<>();
    search.put("eventsInIndex", events);
    search.put("secondsPerLevel", options.mode().searchSeconds);
    search.put("words", words.size());
    List<SearchLoad.Level> levels = List.of();
    try {
      levels =
          new SearchLoad(hub, elastic, progress, options.runDir())
              .run(ANALYSTS, options.mode().searchSeconds, words);
      search.put("levels", levels.stream().map(SearchLoad.Level::figures).toList());
      chartSearch(
          levels,
          events,
          folder.resolve(
              searches.isEmpty() ? "search-latency.png" : "search-latency-" + events + ".png"));
      if (!searches.isEmpty()) {
        Files.copy(
            folder.resolve("search-latency-" + events + ".png"),
            folder.resolve("search-latency.png"),
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (Exception e) {
      search.putAll(failed(e));
    }
    load.put("search" + (searches.isEmpty() ? "" : "At" + events), Machine.loadAverage());
    searches.add(search);
    return levels;
  }

  static List<Map<String, Object>> targets(
      double ingestRatio,
      TimeToSearchable.Result steady,
      List<SearchLoad.Level> levels,
      AlertLatency.Result alerts) {
    List<Map<String, Object>> targets = new ArrayList<>();
    targets.add(
        target(
            "End-to-end ingest / raw Elasticsearch bulk",
            ">= 0.7x",
            ingestRatio + "x",
            ingestRatio >= 0.7,
            Double.isNaN(ingestRatio)));
    double tts = steady == null ? Double.NaN : steady.latencies().percentileMillis(99);
    targets.add(
        target(
            "Time to searchable p99 at 1,000 events/s"
                + (steady != null && steady.offeredPerSecond() < STEADY_RATE
                    ? " (measured at " + steady.offeredPerSecond() + "/s, what the hub sustained)"
                    : ""),
            "< 2000 ms",
            steady == null
                ? "failed"
                : Latencies.round(tts)
                    + " ms (at "
                    + Math.round(steady.achievedPerSecond())
                    + " events/s acknowledged)",
            tts < 2000,
            Double.isNaN(tts)));
    SearchLoad.Level top =
        levels.stream().max(Comparator.comparingInt(SearchLoad.Level::analysts)).orElse(null);
    double p95 = top == null ? Double.NaN : top.hub().percentileMillis(95);
    double ratio = top == null ? Double.NaN : Latencies.ratio(p95, top.raw().percentileMillis(95));
    targets.add(
        target(
            "Search p95 at 32 analysts",
            "< 150 ms",
            Latencies.round(p95) + " ms",
            p95 < 150,
            Double.isNaN(p95)));
    targets.add(
        target(
            "Search p95 at 32 analysts / raw unfiltered query",
            "<= 1.5x",
            ratio + "x",
            ratio <= 1.5,
            Double.isNaN(ratio)));
    double alert = alerts == null ? Double.NaN : alerts.latencies().percentileMillis(99);
    targets.add(
        target(
            "Alert p99, submission to webhook, 1,000 subscriptions",
            "< 2000 ms",
            Latencies.round(alert) + " ms",
            alert < 2000,
            Double.isNaN(alert)));
    return targets;
  }

  private static Map<String, Object> target(
      String name, String goal, String measured, boolean met, boolean unknown) {
    Map<String, Object> target = new LinkedHashMap<>();
    target.put("name", name);
    target.put("goal", goal);
    target.put("measured", measured);
    target.put("met", unknown ? null : met);
    return target;
  }

  private void chartSearch(List<SearchLoad.Level> levels, long events, Path file) throws Exception {
    var chart =
        new LineChart(
                "Search latency against load (" + events + " events)", "concurrent analysts", "ms")
            .logX();
    for (int p : new int[] {50, 95, 99}) {
      chart.add(
          new LineChart.Series(
              "hub p" + p,
              levels.stream()
                  .map(l -> new double[] {l.analysts(), l.hub().percentileMillis(p)})
                  .toList(),
              false));
    }
    for (int p : new int[] {50, 95, 99}) {
      chart.add(
          new LineChart.Series(
              "ES alone p" + p,
              levels.stream()
                  .map(l -> new double[] {l.analysts(), l.raw().percentileMillis(p)})
                  .toList(),
              true));
    }
    chart.write(file);
  }

  private static void chartIngest(Ingest.Result ingest, Path file) throws Exception {
    new LineChart(
            "Ingest throughput over time (" + ingest.events() + " events)", "seconds", "events/s")
        .add(new LineChart.Series("acknowledged", rates(ingest.series(), 1, 5), false))
        .add(new LineChart.Series("searchable", rates(ingest.series(), 2, 5), false))
        .write(file);
  }

  /**
   * Per-second rates of a cumulative column, each over the last {@code window} seconds of samples
   * (uploads are acknowledged a thousand rows at a time, so a short window is all spikes).
   */
  static List<double[]> rates(List<double[]> series, int column, double window) {
    List<double[]> rates = new ArrayList<>();
    int from = 0;
    for (int i = 1; i < series.size(); i++) {
      while (series.get(i)[0] - series.get(from)[0] > window && from < i - 1) {
        from++;
      }
      double dt = series.get(i)[0] - series.get(from)[0];
      if (dt > 0) {
        rates.add(
            new double[] {
              series.get(i)[0], (series.get(i)[column] - series.get(from)[column]) / dt
            });
      }
    }
    return rates;
  }

  /** Words of the summaries that analysts would search for: common, but not the commonest. */
  static List<String> commonWords(List<String> sources) {
    Map<String, Long> counts =
        sources.stream()
            .map(json -> Http.JSON.readTree(json).path("summary").asString(""))
            .flatMap(summary -> java.util.Arrays.stream(summary.toLowerCase().split("[^a-z]+")))
            .filter(word -> word.length() >= 5 && !word.startsWith("benchprobe"))
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    List<String> ranked =
        counts.entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .map(Map.Entry::getKey)
            .toList();
    List<String> words = ranked.subList(Math.min(5, ranked.size()), Math.min(45, ranked.size()));
    return words.isEmpty() ? List.of("phone", "vape", "shop") : words;
  }

  private static <K> Map<String, Long> perMille(Map<K, Integer> counts, Function<K, String> name) {
    int total = counts.values().stream().mapToInt(Integer::intValue).sum();
    Map<String, Long> perMille = new LinkedHashMap<>();
    counts.forEach(
        (k, v) -> perMille.put(name.apply(k), Math.round(v * 1000.0 / Math.max(1, total))));
    return perMille;
  }

  private Map<String, Object> failed(Exception e) {
    progress.line("FAILED: %s", e);
    Map<String, Object> failed = new LinkedHashMap<>();
    failed.put("error", String.valueOf(e.getMessage() == null ? e : e.getMessage()));
    return failed;
  }

  /** The seed in letters, so the searchable markers are words the redactor leaves alone. */
  static String letters(long seed) {
    StringBuilder word = new StringBuilder();
    long value = Math.abs(seed);
    do {
      word.append((char) ('a' + value % 26));
      value /= 26;
    } while (value > 0);
    return word.toString();
  }
}
