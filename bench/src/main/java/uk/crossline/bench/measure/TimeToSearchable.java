package uk.crossline.bench.measure;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import uk.crossline.demo.report.Form;
import uk.crossline.demo.report.Submitter;

/**
 * Time to searchable at a steady rate: every half second one agency uploads half a second's worth
 * of reports (each upload is one Kafka transaction at the intake, so fewer, larger uploads keep the
 * intake's fixed cost per upload from setting the rate); one report of each upload by an agency
 * that may search carries a word of its own. Elasticsearch is asked every 100 ms which words it has
 * indexed; for each, its submitter searches the hub for it (a real, audited search). The time runs
 * from the intake's answer to the upload to the hub's answer that returns the event. Every other
 * probe is a live report (observed a minute before it is sent, so in the current month's index),
 * the others keep the generator's date, mostly in past months, whose indices refresh less often
 * (the indexer's {@code past-months-refresh}): each kind has its own figures too.
 */
public final class TimeToSearchable {

  static final int TICKS_PER_SECOND = 2;

  /** Submitters who may search, so each probe is looked for by the agency that sent it. */
  static final Set<Submitter> SEARCHERS =
      Set.of(
          Submitter.POLICE_ANALYST,
          Submitter.WMP_ANALYST,
          Submitter.TS_OFFICER,
          Submitter.REDDITCH_CSO,
          Submitter.BROMSGROVE_CSO,
          Submitter.WYRE_FOREST_CSO);

  static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  public record Result(
      int offeredPerSecond,
      double achievedPerSecond,
      int seconds,
      Latencies latencies,
      Latencies live,
      Latencies pastMonths,
      int lost,
      Map<String, Latencies> phases) {

    public Map<String, Object> figures() {
      Map<String, Object> figures = new LinkedHashMap<>();
      figures.put("offeredEventsPerSecond", offeredPerSecond);
      figures.put("acknowledgedEventsPerSecond", Latencies.round(achievedPerSecond));
      figures.put("seconds", seconds);
      figures.put("probes", latencies.count() + lost);
      figures.put("probesNotFoundIn30s", lost);
      figures.put("pollIntervalMs", POLL_NANOS / 1_000_000);
      figures.putAll(latencies.summary());
      figures.put("liveReports", live.summary());
      figures.put("pastMonthReports", pastMonths.summary());
      Map<String, Object> byPhase = new LinkedHashMap<>();
      phases.forEach((phase, times) -> byPhase.put(phase, times.summary()));
      figures.put("phases", byPhase);
      return figures;
    }
  }

  private final Hub hub;
  private final Elastic elastic;
  private final Progress progress;
  private final String run;

  /**
   * Probes acknowledged and not yet returned by search: marker, its searcher, when acknowledged
   * (monotonic, and on the wall clock the hub's own stamps are on).
   */
  private record Probe(
      String marker, String username, boolean live, long acknowledgedAt, long acknowledgedAtMs) {}

  /** A probe the hub returned: when Elasticsearch first had it and when the hub answered. */
  private record Found(Probe probe, long visibleAtMs, long answeredAtMs) {}

  private final List<Found> found = java.util.Collections.synchronizedList(new ArrayList<>());

  private final java.util.Map<String, Probe> outstanding =
      new java.util.concurrent.ConcurrentHashMap<>();

  public TimeToSearchable(Hub hub, Elastic elastic, Progress progress, String run) {
    this.hub = hub;
    this.elastic = elastic;
    this.progress = progress;
    this.run = run;
  }

  public Result run(Workload workload, int perSecond, int seconds, int probesPerSecond)
      throws InterruptedException {
    int perTick = perSecond / TICKS_PER_SECOND;
    int ticks = seconds * TICKS_PER_SECOND;
    List<Batch> batches = batches(workload.next(perTick * ticks), perTick);
    int probeEvery = Math.max(1, TICKS_PER_SECOND / probesPerSecond);
    Latencies latencies = new Latencies();
    Latencies live = new Latencies();
    Latencies pastMonths = new Latencies();
    AtomicInteger lost = new AtomicInteger();
    AtomicInteger probed = new AtomicInteger();
    AtomicLong acknowledged = new AtomicLong();
    AtomicInteger probes = new AtomicInteger();
    AtomicInteger next = new AtomicInteger();
    AtomicInteger inFlight = new AtomicInteger();
    AtomicLong lastAck = new AtomicLong(System.nanoTime() + 1);
    ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    boolean[] pending = {false};
    ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor();
    watcher.scheduleWithFixedDelay(
        () -> watch(latencies, live, pastMonths, lost, senders),
        0,
        POLL_NANOS,
        TimeUnit.NANOSECONDS);
    long started = System.nanoTime();
    clock.scheduleAtFixedRate(
        () -> {
          int i = next.getAndIncrement();
          if (i >= batches.size()) {
            return;
          }
          Batch batch = batches.get(i);
          if (i % probeEvery == 0) {
            pending[0] = true;
          }
          boolean probe = pending[0] && SEARCHERS.contains(batch.submitter());
          if (probe) {
            pending[0] = false;
          }
          String marker = Workload.marker(run, probes.getAndIncrement());
          List<Form> forms = batch.forms();
          boolean liveProbe = probe && probed.getAndIncrement() % 2 == 0;
          if (probe) {
            forms = new ArrayList<>(forms);
            Form.When observedAt =
                liveProbe
                    ? new Form.When(Instant.now().minus(1, ChronoUnit.MINUTES), "EXACT")
                    : forms.getFirst().observedAt();
            forms.set(0, Workload.withMarker(forms.getFirst(), marker, observedAt));
          }
          List<Form> sent = forms;
          inFlight.incrementAndGet();
          senders.execute(
              () -> {
                try {
                  acknowledged.addAndGet(
                      hub.upload(batch.submitter().username(), batch.submitter().formPath(), sent));
                  lastAck.accumulateAndGet(System.nanoTime(), Math::max);
                } catch (RuntimeException e) {
                  progress.line("an upload failed: %s", e.getMessage());
                  inFlight.decrementAndGet();
                  return;
                }
                if (probe) {
                  outstanding.put(
                      marker,
                      new Probe(
                          marker,
                          batch.submitter().username(),
                          liveProbe,
                          System.nanoTime(),
                          System.currentTimeMillis()));
                }
                inFlight.decrementAndGet();
              });
        },
        0,
        1_000_000 / TICKS_PER_SECOND,
        TimeUnit.MICROSECONDS);
    for (int s = 1; s <= seconds; s++) {
      Thread.sleep(1_000); // the run lasts as long as it lasts; progress once a second
      if (s % 5 == 0) {
        progress.line(
            "%ds: %,d acknowledged, %d probes found, p99 so far %.0f ms",
            s, acknowledged.get(), latencies.count(), latencies.percentileMillis(99));
      }
    }
    clock.shutdown();
    clock.awaitTermination(10, TimeUnit.SECONDS);
    long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while ((inFlight.get() > 0 || !outstanding.isEmpty()) && System.nanoTime() < waitUntil) {
      Thread.sleep(100); // the watcher settles the last probes
    }
    // What the intake took: every upload of the run over the time until the last was answered.
    double achieved = acknowledged.get() / ((lastAck.get() - started) / 1e9);
    watcher.shutdown();
    watcher.awaitTermination(10, TimeUnit.SECONDS);
    senders.shutdown();
    senders.awaitTermination(60, TimeUnit.SECONDS);
    return new Result(
        perSecond, achieved, seconds, latencies, live, pastMonths, lost.get(), phases());
  }

  /**
   * Where each found probe's time went, from the stamps the hub put on its document (the intake's
   * {@code submittedAt}, the indexer's {@code indexedAt}; one machine, one clock): the intake's
   * answer after it made the event, Kafka and the indexer's queue, the bulk write and refresh (to
   * the watcher's 100 ms), and the hub's search.
   */
  private Map<String, Latencies> phases() {
    Map<String, Latencies> phases = new LinkedHashMap<>();
    for (String phase :
        List.of(
            "madeToAcknowledged",
            "acknowledgedToProjected",
            "projectedToVisible",
            "visibleToHubAnswer")) {
      phases.put(phase, new Latencies());
    }
    List<Found> probes = List.copyOf(found);
    try {
      for (int from = 0; from < probes.size(); from += 100) {
        List<Found> part = probes.subList(from, Math.min(probes.size(), from + 100));
        var stamps = elastic.stampsOf(part.stream().map(f -> f.probe().marker()).toList());
        for (int i = 0; i < part.size() && i < stamps.size(); i++) {
          Found probe = part.get(i);
          stamps
              .get(i)
              .ifPresent(
                  stamp -> {
                    long ack = probe.probe().acknowledgedAtMs();
                    record(phases, "madeToAcknowledged", ack - stamp.submittedAt());
                    record(phases, "acknowledgedToProjected", stamp.indexedAt() - ack);
                    record(phases, "projectedToVisible", probe.visibleAtMs() - stamp.indexedAt());
                    record(
                        phases, "visibleToHubAnswer", probe.answeredAtMs() - probe.visibleAtMs());
                  });
        }
      }
    } catch (RuntimeException e) {
      phases.values().forEach(times -> times.error(e));
    }
    return phases;
  }

  /** A phase's time; clocks read a millisecond apart can make a short phase negative: 0. */
  private static void record(Map<String, Latencies> phases, String phase, long millis) {
    phases.get(phase).record(TimeUnit.MILLISECONDS.toNanos(Math.max(0, millis)));
  }

  /**
   * Every {@link #POLL_NANOS}: asks Elasticsearch in one multi-search which outstanding markers are
   * indexed, and for each that is, has its submitter search the hub for it (a real, audited search)
   * and times the answer that returns it. Asking the hub only once Elasticsearch has the event
   * keeps the benchmark's own polling from loading the hub it measures.
   */
  private void watch(
      Latencies latencies,
      Latencies live,
      Latencies pastMonths,
      AtomicInteger lost,
      ExecutorService senders) {
    try {
      List<Probe> probes = new ArrayList<>(outstanding.values());
      if (probes.isEmpty()) {
        return;
      }
      long now = System.nanoTime();
      for (Probe probe : probes) {
        if (now - probe.acknowledgedAt() > TimeUnit.SECONDS.toNanos(30)
            && outstanding.remove(probe.marker()) != null) {
          lost.incrementAndGet();
        }
      }
      probes.removeIf(probe -> !outstanding.containsKey(probe.marker()));
      List<Boolean> indexed = elastic.summariesContain(probes.stream().map(Probe::marker).toList());
      for (int i = 0; i < probes.size() && i < indexed.size(); i++) {
        Probe probe = probes.get(i);
        if (indexed.get(i) && outstanding.remove(probe.marker()) != null) {
          long visibleAtMs = System.currentTimeMillis();
          Latencies kind = probe.live() ? live : pastMonths;
          senders.execute(() -> confirm(probe, visibleAtMs, latencies, kind, lost));
        }
      }
    } catch (RuntimeException e) {
      latencies.error(e);
    }
  }

  /** Searches the hub for an indexed probe until the answer returns it (at once, normally). */
  private void confirm(
      Probe probe, long visibleAtMs, Latencies latencies, Latencies ofKind, AtomicInteger lost) {
    Map<String, String> parameters =
        Map.of(
            "q", probe.marker(), "purpose", "Benchmark: is my report searchable yet", "size", "1");
    long deadline = probe.acknowledgedAt() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      try {
        if (hub.search(probe.username(), parameters).path("total").asLong() > 0) {
          long took = System.nanoTime() - probe.acknowledgedAt();
          latencies.record(took);
          ofKind.record(took);
          found.add(new Found(probe, visibleAtMs, System.currentTimeMillis()));
          return;
        }
      } catch (RuntimeException e) {
        latencies.error(e);
      }
      try {
        TimeUnit.NANOSECONDS.sleep(POLL_NANOS); // indexed but not yet visible to the hub's search
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    lost.incrementAndGet();
  }

  /** One tick's upload: one agency's part. */
  record Batch(Submitter submitter, List<Form> forms) {}

  /** The reports cut into uploads of one tick each, the agencies' uploads interleaved. */
  static List<Batch> batches(Map<Submitter, List<Form>> forms, int perTick) {
    List<List<Batch>> perAgency = new ArrayList<>();
    forms.forEach(
        (submitter, list) -> {
          List<Batch> parts = new ArrayList<>();
          for (int i = 0; i + perTick <= list.size(); i += perTick) {
            parts.add(new Batch(submitter, list.subList(i, i + perTick)));
          }
          perAgency.add(parts);
        });
    List<Batch> interleaved = new ArrayList<>();
    for (int i = 0; ; i++) {
      boolean any = false;
      for (List<Batch> parts : perAgency) {
        if (i < parts.size()) {
          interleaved.add(parts.get(i));
          any = true;
        }
      }
      if (!any) {
        return interleaved;
      }
    }
  }
}
