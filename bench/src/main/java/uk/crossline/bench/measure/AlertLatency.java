package uk.crossline.bench.measure;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import uk.crossline.demo.report.Form;
import uk.crossline.demo.report.Submitter;
import uk.crossline.model.vocabulary.Category;

/**
 * Alerts with 1,000 subscriptions: partners' subscriptions on areas and categories, a few of which
 * match the reports sent here and post to a webhook receiver in the benchmark. The time runs from
 * the submission of a report to the arrival of each webhook post about it.
 */
public final class AlertLatency {

  /** The category the matching subscriptions ask for; the others ask for anything else. */
  static final Category MATCHED = Category.DRUG_DEALING;

  static final List<String> SUBSCRIBERS =
      List.of("police.analyst", "ts.officer", "redditch.cso", "bromsgrove.cso", "wyreforest.cso");

  static final List<String> AREAS =
      List.of("redditch", "bromsgrove", "wyre-forest", "birmingham", "dudley", "solihull");

  public record Result(
      int subscriptions, int matching, int reports, int expected, Latencies latencies) {

    public Map<String, Object> figures() {
      Map<String, Object> figures = new LinkedHashMap<>();
      figures.put("subscriptions", subscriptions);
      figures.put("matchingSubscriptions", matching);
      figures.put("reports", reports);
      figures.put("webhookPostsExpected", expected);
      figures.put("webhookPostsReceived", latencies.count());
      figures.putAll(latencies.summary());
      return figures;
    }
  }

  private final Hub hub;
  private final Progress progress;

  public AlertLatency(Hub hub, Progress progress) {
    this.hub = hub;
    this.progress = progress;
  }

  public Result run(Workload workload, int subscriptions, int matching, int reports, int perSecond)
      throws Exception {
    Map<String, List<Long>> arrivals = new ConcurrentHashMap<>();
    AtomicInteger received = new AtomicInteger();
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    receiver.createContext(
        "/hook",
        exchange -> {
          long at = System.nanoTime();
          try (exchange) {
            JsonNode body = Http.JSON.readTree(exchange.getRequestBody().readAllBytes());
            String eventId = body.path("eventId").asString("");
            arrivals.computeIfAbsent(eventId, k -> new ArrayList<>());
            synchronized (arrivals.get(eventId)) {
              arrivals.get(eventId).add(at);
            }
            received.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
          } catch (IOException | RuntimeException e) {
            exchange.sendResponseHeaders(400, -1);
          }
        });
    receiver.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    receiver.start();
    String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    try {
      subscribe(subscriptions, matching, url);
      List<Form> forms = workload.alertable(reports + 1, MATCHED);
      // One report first, until its alerts arrive: every subscription is then being matched.
      String warmUp =
          hub.submit(
              Submitter.POLICE_ANALYST.username(),
              Submitter.POLICE_ANALYST.formPath(),
              forms.getFirst());
      long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      int seen = 0;
      long steadySince = System.nanoTime();
      while (System.nanoTime() < waitUntil) {
        Thread.sleep(200); // waiting for webhook posts; the receiver counts them
        int now = arrivals.getOrDefault(warmUp, List.of()).size();
        if (now != seen) {
          seen = now;
          steadySince = System.nanoTime();
        }
        // A subscriber is not alerted to its own agency's reports, so fewer may come.
        if (seen >= matching
            || (seen > 0 && System.nanoTime() - steadySince > TimeUnit.SECONDS.toNanos(5))) {
          break;
        }
      }
      int perReport = seen;
      progress.line(
          "warm-up report: %d webhook posts from %d matching subscriptions", perReport, matching);
      Map<String, Long> submitted = new ConcurrentHashMap<>();
      long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
      try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
        long next = System.nanoTime();
        for (Form form : forms.subList(1, forms.size())) {
          long now = System.nanoTime();
          if (next > now) {
            TimeUnit.NANOSECONDS.sleep(next - now); // a steady rate of reports
          }
          next += interval;
          senders.execute(
              () -> {
                long at = System.nanoTime();
                try {
                  submitted.put(
                      hub.submit(
                          Submitter.POLICE_ANALYST.username(),
                          Submitter.POLICE_ANALYST.formPath(),
                          form),
                      at);
                } catch (RuntimeException e) {
                  progress.line("a report was refused: %s", e.getMessage());
                }
              });
        }
      }
      int expected = submitted.size() * perReport;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (delivered(arrivals, submitted) < expected && System.nanoTime() < deadline) {
        Thread.sleep(250); // waiting for the last webhook posts
      }
      Latencies latencies = new Latencies();
      submitted.forEach(
          (eventId, at) -> {
            for (long arrival : arrivals.getOrDefault(eventId, List.of())) {
              latencies.record(arrival - at);
            }
          });
      return new Result(subscriptions, matching, submitted.size(), expected, latencies);
    } finally {
      receiver.stop(0);
    }
  }

  private static int delivered(Map<String, List<Long>> arrivals, Map<String, Long> submitted) {
    return submitted.keySet().stream()
        .mapToInt(id -> arrivals.getOrDefault(id, List.of()).size())
        .sum();
  }

  /**
   * {@code matching} subscriptions on the matched category in the areas the reports fall in, the
   * rest on other categories, spread over the partners who may subscribe.
   */
  private void subscribe(int count, int matching, String url) throws Exception {
    var random = new SplittableRandom(11);
    List<Category> others =
        java.util.Arrays.stream(Category.values()).filter(c -> c != MATCHED).toList();
    List<String> bodies = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      List<String> areas = new ArrayList<>();
      List<String> categories = new ArrayList<>();
      if (i < matching) {
        areas.addAll(AREAS);
        categories.add(MATCHED.name());
      } else {
        areas.add(AREAS.get(random.nextInt(AREAS.size())));
        int n = 1 + random.nextInt(3);
        for (int c = 0; c < n; c++) {
          String category = others.get(random.nextInt(others.size())).name();
          if (!categories.contains(category)) {
            categories.add(category);
          }
        }
      }
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("name", "Benchmark " + i);
      body.put("purpose", "Benchmark: partnership tasking alerts");
      body.put(
          "areas", areas.stream().map(d -> Map.of("type", "DISTRICT", "district", d)).toList());
      body.put("categories", categories);
      body.put("channel", "WEBHOOK");
      body.put("webhook", Map.of("url", url));
      body.put("maxAlertsPerHour", 10_000);
      bodies.add(Http.JSON.writeValueAsString(body));
    }
    AtomicInteger made = new AtomicInteger();
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < bodies.size(); i++) {
        String user = SUBSCRIBERS.get(i % SUBSCRIBERS.size());
        String body = bodies.get(i);
        done.add(
            pool.submit(
                () -> {
                  hub.subscribe(user, body);
                  if (made.incrementAndGet() % 250 == 0) {
                    progress.line("%d subscriptions", made.get());
                  }
                }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    }
  }
}
