package uk.crossline.bench.measure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import uk.crossline.model.projection.IntelligenceIndex;

/**
 * Search under load: 1, 8 and 32 analysts of different agencies searching at once, each sending the
 * next search as soon as the last is answered, through the hub (token, access filter, facets, audit
 * record), then the same searches sent to Elasticsearch directly without the access filter.
 */
public final class SearchLoad {

  /** The analysts who may search, one agency each; analyst n is user n modulo their number. */
  static final List<String> ANALYSTS =
      List.of(
          "police.analyst",
          "wmp.analyst",
          "ts.officer",
          "redditch.cso",
          "bromsgrove.cso",
          "wyreforest.cso");

  static final List<String> POLICE = List.of("police.analyst", "wmp.analyst");

  static final List<String> DISTRICTS =
      List.of("redditch", "bromsgrove", "wyre-forest", "birmingham", "dudley");

  static final List<String> CATEGORIES =
      List.of(
          "DRUG_DEALING",
          "CUCKOOING",
          "EXPLOITATION_CONCERN",
          "ILLICIT_VAPES",
          "VAPE_SUPPLY_TO_MINORS",
          "ANTI_SOCIAL_BEHAVIOUR",
          "MISSING_EPISODE");

  /** The facets search answers with (IntelligenceSearch.FACETS), and police's grading ones. */
  static final Map<String, String> FACETS =
      ordered(
          "category", "category",
          "priority", "priority",
          "district", "location.district",
          "ward", "location.ward",
          "outward", "location.outwardPostcode",
          "agencyType", "agency.type",
          "indicator", "indicators",
          "graded", "grading.graded");

  static final Map<String, String> GRADING_FACETS =
      ordered(
          "source", "grading.source",
          "intelligence", "grading.intelligence",
          "handling", "grading.handling");

  static final int PAGE = 20;

  /**
   * A search service minutes old is still compiling its hot paths, and the stage before leaves work
   * behind: 10 s lets both settle before anything is timed (with 3 s the first level cost the
   * service 10-11 ms of CPU per search, against 3-5 ms later at the same rate; docs/decisions.md).
   */
  static final int WARM_UP_SECONDS = 10;

  /** One level of load: through the hub and straight to Elasticsearch. */
  public record Level(
      int analysts,
      Latencies hub,
      double hubPerSecond,
      Latencies raw,
      double rawPerSecond,
      Map<String, Object> hubCpuPerSearch,
      Map<String, Object> rawCpuPerSearch,
      Map<String, Long> hubElasticsearchWork,
      Map<String, Long> rawElasticsearchWork) {

    public Map<String, Object> figures() {
      Map<String, Object> figures = new LinkedHashMap<>();
      figures.put("analysts", analysts);
      Map<String, Object> viaHub = new LinkedHashMap<>(hub.summary());
      viaHub.put("searchesPerSecond", Latencies.round(hubPerSecond));
      figures.put("hub", viaHub);
      Map<String, Object> direct = new LinkedHashMap<>(raw.summary());
      direct.put("searchesPerSecond", Latencies.round(rawPerSecond));
      figures.put("rawElasticsearch", direct);
      figures.put("p50Ratio", Latencies.ratio(hub.percentileMillis(50), raw.percentileMillis(50)));
      figures.put("p95Ratio", Latencies.ratio(hub.percentileMillis(95), raw.percentileMillis(95)));
      figures.put("p99Ratio", Latencies.ratio(hub.percentileMillis(99), raw.percentileMillis(99)));
      figures.put("throughputRatio", Latencies.ratio(hubPerSecond, rawPerSecond));
      figures.put("hubCpuPerSearch", hubCpuPerSearch);
      figures.put("rawCpuPerSearch", rawCpuPerSearch);
      figures.put("hubElasticsearchWork", hubElasticsearchWork);
      figures.put("rawElasticsearchWork", rawElasticsearchWork);
      return figures;
    }
  }

  /** One search: who asks and with which parameters (purpose, text, filters). */
  record Search(String analyst, Map<String, String> parameters) {}

  private final Hub hub;
  private final Elastic elastic;
  private final Progress progress;
  private final java.nio.file.Path runDir;

  /** The run directory's pid files name the processes whose CPU each level reports. */
  public SearchLoad(Hub hub, Elastic elastic, Progress progress, java.nio.file.Path runDir) {
    this.hub = hub;
    this.elastic = elastic;
    this.progress = progress;
    this.runDir = runDir;
  }

  public List<Level> run(List<Integer> levels, int seconds, List<String> words)
      throws InterruptedException {
    // Warm both paths up (connections, compiled code) before anything is timed.
    measure(4, WARM_UP_SECONDS, words, true);
    measure(4, WARM_UP_SECONDS, words, false);
    List<Level> results = new ArrayList<>();
    for (int analysts : levels) {
      Measured viaHub = measure(analysts, seconds, words, true);
      Measured direct = measure(analysts, seconds, words, false);
      Level level =
          new Level(
              analysts,
              viaHub.latencies(),
              viaHub.perSecond(),
              direct.latencies(),
              direct.perSecond(),
              viaHub.cpuPerSearch(),
              direct.cpuPerSearch(),
              viaHub.elasticsearchWork(),
              direct.elasticsearchWork());
      results.add(level);
      progress.line(
          "%2d analysts: hub p50 %.0f / p95 %.0f / p99 %.0f ms, %.0f/s; Elasticsearch alone p95 %.0f ms, %.0f/s",
          analysts,
          viaHub.latencies().percentileMillis(50),
          viaHub.latencies().percentileMillis(95),
          viaHub.latencies().percentileMillis(99),
          viaHub.perSecond(),
          direct.latencies().percentileMillis(95),
          direct.perSecond());
    }
    return results;
  }

  private record Measured(
      Latencies latencies,
      double perSecond,
      Map<String, Object> cpuPerSearch,
      Map<String, Long> elasticsearchWork) {}

  private Measured measure(int analysts, int seconds, List<String> words, boolean throughHub)
      throws InterruptedException {
    Latencies latencies = new Latencies();
    AtomicLong done = new AtomicLong();
    var cpuBefore = CpuTime.snapshot(runDir);
    var workBefore = elastic.workTotals();
    long started = System.nanoTime();
    long deadline = started + TimeUnit.SECONDS.toNanos(seconds);
    try (ExecutorService pool = Executors.newFixedThreadPool(analysts)) {
      for (int a = 0; a < analysts; a++) {
        int analyst = a;
        pool.execute(
            () -> {
              // Each analyst draws the same sequence of searches on both paths.
              var random = new SplittableRandom(analyst * 7_919L + 17);
              String user = ANALYSTS.get(analyst % ANALYSTS.size());
              while (System.nanoTime() < deadline) {
                Search search = draw(user, random, words);
                long asked = System.nanoTime();
                try {
                  if (throughHub) {
                    hub.search(search.analyst(), search.parameters());
                  } else {
                    elastic.search(IntelligenceIndex.READ_ALIAS, rawQuery(search));
                  }
                  latencies.record(System.nanoTime() - asked);
                  done.incrementAndGet();
                } catch (RuntimeException e) {
                  latencies.error(e);
                }
              }
            });
      }
    }
    double elapsed = (System.nanoTime() - started) / 1e9;
    return new Measured(
        latencies,
        done.get() / elapsed,
        CpuTime.perItem(cpuBefore, CpuTime.snapshot(runDir), done.get()),
        Elastic.growth(workBefore, elastic.workTotals()));
  }

  /** A day's mix: words alone, a district, a category in a district, words in a category. */
  static Search draw(String user, SplittableRandom random, List<String> words) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("purpose", "Benchmark: analyst workload, operation review");
    String word = words.get(random.nextInt(words.size()));
    String district = DISTRICTS.get(random.nextInt(DISTRICTS.size()));
    String category = CATEGORIES.get(random.nextInt(CATEGORIES.size()));
    int kind = random.nextInt(10);
    if (kind < 4) {
      parameters.put("q", word);
    } else if (kind < 6) {
      parameters.put("district", district);
    } else if (kind < 8) {
      parameters.put("category", category);
      parameters.put("district", district);
    } else {
      parameters.put("q", word);
      parameters.put("category", category);
    }
    parameters.put("size", Integer.toString(PAGE));
    return new Search(user, parameters);
  }

  /**
   * The search as the hub sends it to Elasticsearch (IntelligenceSearch): the same filters, text,
   * sort, page, facets and month histogram, but no access filter and no status filter.
   */
  static String rawQuery(Search search) {
    ObjectNode body = Http.JSON.createObjectNode();
    body.put("size", PAGE);
    body.put("track_total_hits", true);
    body.putObject("_source").putArray("excludes").add("originRefHash").add("grants");
    ObjectNode bool = body.putObject("query").putObject("bool");
    ArrayNode filter = bool.putArray("filter");
    Map<String, String> p = search.parameters();
    if (p.containsKey("district")) {
      filter.addObject().putObject("terms").putArray("location.district").add(p.get("district"));
    }
    if (p.containsKey("category")) {
      filter.addObject().putObject("terms").putArray("category").add(p.get("category"));
    }
    if (p.containsKey("q")) {
      bool.putArray("must")
          .addObject()
          .putObject("match")
          .putObject("summary")
          .put("query", p.get("q"))
          .put("operator", "and");
    }
    ArrayNode sort = body.putArray("sort");
    sort.addObject().putObject("observedAt").put("order", "desc");
    sort.addObject().putObject("eventId").put("order", "asc");
    ObjectNode aggs = body.putObject("aggs");
    Map<String, String> facets = new LinkedHashMap<>(FACETS);
    if (POLICE.contains(search.analyst())) {
      facets.putAll(GRADING_FACETS);
    }
    facets.forEach(
        (name, field) ->
            aggs.putObject(name).putObject("terms").put("field", field).put("size", 50));
    aggs.putObject("month")
        .putObject("date_histogram")
        .put("field", "observedAt")
        .put("calendar_interval", "month")
        .put("format", "yyyy-MM")
        .put("min_doc_count", 1);
    return Http.JSON.writeValueAsString(body);
  }

  private static Map<String, String> ordered(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return map;
  }
}
