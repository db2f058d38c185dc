package uk.crossline.bench.measure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import uk.crossline.demo.report.Form;
import uk.crossline.demo.report.Submitter;

/**
 * End-to-end ingest: the data set through the intake's bulk endpoints, several agencies uploading
 * at once, timed from the first request to the last event being counted in the search projection
 * (Elasticsearch counts only refreshed, so searchable, documents).
 */
public final class Ingest {

  /** Rows per upload: a large agency export sent in parts. */
  static final int ROWS_PER_UPLOAD = 1_000;

  /**
   * @param series seconds since the start, events acknowledged by the intake, events searchable
   */
  public record Result(
      int events, double seconds, double ackSeconds, List<double[]> series, long failedUploads) {

    public double eventsPerSecond() {
      return events / seconds;
    }

    public Map<String, Object> figures() {
      Map<String, Object> figures = new LinkedHashMap<>();
      figures.put("events", events);
      figures.put("uploaders", CONCURRENCY);
      figures.put("rowsPerUpload", ROWS_PER_UPLOAD);
      figures.put("secondsToSearchable", Latencies.round(seconds));
      figures.put("eventsPerSecond", Latencies.round(eventsPerSecond()));
      figures.put("secondsToAcknowledged", Latencies.round(ackSeconds));
      figures.put("acknowledgedPerSecond", Latencies.round(events / ackSeconds));
      figures.put("failedUploads", failedUploads);
      figures.put(
          "series",
          series.stream()
              .map(p -> List.of(Latencies.round(p[0]), (long) p[1], (long) p[2]))
              .toList());
      figures.put("seriesColumns", List.of("seconds", "acknowledged", "searchable"));
      return figures;
    }
  }

  /** Uploads in flight at once: a few agencies' systems sending together. */
  static final int CONCURRENCY = 4;

  private final Hub hub;
  private final Elastic elastic;
  private final Progress progress;

  public Ingest(Hub hub, Elastic elastic, Progress progress) {
    this.hub = hub;
    this.elastic = elastic;
    this.progress = progress;
  }

  /**
   * A few thousand events sent first and not timed: the services' code compiled, their connections
   * and producers open, and the projection's monthly indices created, as on a hub that has been
   * running a while.
   */
  public void warmUp(Workload workload, int events) throws InterruptedException {
    progress.line("warming up with %,d events (not timed)", events);
    run(workload, events);
    settle(elastic, progress);
  }

  public Result run(Workload workload, int events) throws InterruptedException {
    long baseline = elastic.hubCount();
    var pool =
        new ThreadPoolExecutor(
            CONCURRENCY,
            CONCURRENCY,
            1,
            TimeUnit.MINUTES,
            new ArrayBlockingQueue<>(CONCURRENCY * 2),
            new ThreadPoolExecutor.CallerRunsPolicy());
    AtomicLong acknowledged = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    AtomicReference<RuntimeException> firstFailure = new AtomicReference<>();
    AtomicLong lastAck = new AtomicLong();
    java.util.concurrent.atomic.AtomicBoolean stop =
        new java.util.concurrent.atomic.AtomicBoolean();
    List<double[]> series = new ArrayList<>();
    Map<Submitter, List<Form>> firstRound = workload.next(Math.min(events, Workload.ROUND));
    long started = System.nanoTime();
    Thread feeder =
        Thread.ofPlatform()
            .name("bench-ingest-feeder")
            .start(
                () -> {
                  Map<Submitter, List<Form>> round = firstRound;
                  int sent = 0;
                  while (true) {
                    for (Upload upload : uploads(round)) {
                      if (stop.get()) {
                        break;
                      }
                      pool.execute(
                          () -> {
                            try {
                              acknowledged.addAndGet(
                                  hub.upload(upload.user(), upload.formPath(), upload.forms()));
                              lastAck.set(System.nanoTime());
                            } catch (RuntimeException e) {
                              failed.incrementAndGet();
                              firstFailure.compareAndSet(null, e);
                            }
                          });
                    }
                    sent += round.values().stream().mapToInt(List::size).sum();
                    if (sent >= events || stop.get()) {
                      break;
                    }
                    round = workload.next(Math.min(events - sent, Workload.ROUND));
                  }
                  pool.shutdown();
                });
    long deadline = started + TimeUnit.SECONDS.toNanos(Math.max(180, events / 50));
    long searchable = 0;
    long lastShown = 0;
    while (System.nanoTime() < deadline) {
      Thread.sleep(250); // sampling the count as it grows; there is no event to wait on
      try {
        searchable = elastic.hubCount() - baseline;
      } catch (RuntimeException e) {
        // A month's index being created answers 503 for a moment: the next sample counts it.
      }
      double t = (System.nanoTime() - started) / 1e9;
      series.add(new double[] {t, acknowledged.get(), searchable});
      if (System.nanoTime() - lastShown > TimeUnit.SECONDS.toNanos(5)) {
        lastShown = System.nanoTime();
        progress.line(
            "%.0fs: %,d acknowledged, %,d searchable of %,d",
            t, acknowledged.get(), searchable, events);
      }
      boolean uploaded = !feeder.isAlive() && pool.isTerminated();
      if (uploaded && searchable >= acknowledged.get()) {
        break;
      }
      if (uploaded && acknowledged.get() == 0) {
        break;
      }
    }
    stop.set(true);
    feeder.join();
    pool.shutdownNow();
    pool.awaitTermination(1, TimeUnit.MINUTES);
    if (firstFailure.get() != null) {
      progress.line(
          "%d uploads failed, the first: %s", failed.get(), firstFailure.get().getMessage());
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    double ackSeconds = (Math.max(lastAck.get(), started + 1) - started) / 1e9;
    return new Result(
        (int) Math.min(searchable, acknowledged.get()), seconds, ackSeconds, series, failed.get());
  }

  /**
   * Waits until the projection stops growing (nothing left in flight from an earlier stage), so a
   * measurement never shares the machine with the tail of the one before; the count it settled at.
   */
  public static long settle(Elastic elastic, Progress progress) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    long last = -1;
    long steadySince = System.nanoTime();
    while (System.nanoTime() < deadline) {
      long count;
      try {
        count = elastic.hubCount();
      } catch (RuntimeException e) {
        count = last;
      }
      if (count != last) {
        last = count;
        steadySince = System.nanoTime();
      } else if (System.nanoTime() - steadySince > TimeUnit.SECONDS.toNanos(4)) {
        return count;
      }
      Thread.sleep(500); // sampling the count until it is still; there is no event to wait on
    }
    progress.line("the projection was still growing after 5 minutes; measuring anyway");
    return last;
  }

  /** One upload: a part of one agency's reports, sent by its demo user. */
  record Upload(String user, String formPath, List<Form> forms) {}

  /** The round cut into uploads, the agencies' parts interleaved as they would arrive. */
  static List<Upload> uploads(Map<Submitter, List<Form>> round) {
    List<List<Upload>> perAgency = new ArrayList<>();
    round.forEach(
        (submitter, forms) -> {
          List<Upload> parts = new ArrayList<>();
          for (int i = 0; i < forms.size(); i += ROWS_PER_UPLOAD) {
            parts.add(
                new Upload(
                    submitter.username(),
                    submitter.formPath(),
                    forms.subList(i, Math.min(forms.size(), i + ROWS_PER_UPLOAD))));
          }
          perAgency.add(parts);
        });
    List<Upload> interleaved = new ArrayList<>();
    for (int i = 0; ; i++) {
      boolean any = false;
      for (List<Upload> parts : perAgency) {
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
