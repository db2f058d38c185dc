package uk.crossline.testsupport.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.ToIntFunction;

/**
 * What each input of the corpus was answered with, per service: written at the end of a test class
 * to {@code target/bad-input-corpus/<service>.tsv} with a summary line, so the README's figures
 * come from a run, not from memory.
 */
public final class CorpusTally {

  private final String service;
  private final List<String> rows = new ArrayList<>();
  private final Map<Integer, Integer> byStatus = new TreeMap<>();

  private CorpusTally(String service) {
    this.service = service;
  }

  public static CorpusTally of(String service) {
    return new CorpusTally(service);
  }

  /** One input sent to one place, and the status it was answered with. */
  public synchronized void record(BadInput input, String where, int status) {
    rows.add(input.family() + "\t" + input.name() + "\t" + where + "\t" + status);
    byStatus.merge(status, 1, Integer::sum);
  }

  /**
   * Sends one input and records what it was answered with. An exception out of the request is the
   * server's (MockMvc passes on what no handler answered), which a real server would answer with
   * 500: recorded so, then thrown on.
   */
  public <R> R send(BadInput input, String where, Callable<R> request, ToIntFunction<R> status)
      throws Exception {
    R response;
    try {
      response = request.call();
    } catch (Exception e) {
      record(input, where, 500);
      throw e;
    }
    record(input, where, status.applyAsInt(response));
    return response;
  }

  /** How many were answered with a 5xx status. */
  public synchronized long serverErrors() {
    return byStatus.entrySet().stream()
        .filter(e -> e.getKey() >= 500)
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  /** "N inputs tried: 400 x12, 201 x3; 0 answered 5xx". */
  public synchronized String summary() {
    var parts = new ArrayList<String>();
    byStatus.forEach((status, count) -> parts.add(status + " x" + count));
    return service
        + ": "
        + rows.size()
        + " inputs tried: "
        + String.join(", ", parts)
        + "; "
        + serverErrors()
        + " answered 5xx";
  }

  /** Writes the rows and the summary under the module's {@code target}. */
  public synchronized void write() {
    try {
      Path dir = Path.of("target", "bad-input-corpus");
      Files.createDirectories(dir);
      var lines = new ArrayList<String>();
      lines.add("# " + summary());
      lines.add("family\tinput\tsent to\tstatus");
      lines.addAll(rows);
      Files.write(dir.resolve(service + ".tsv"), lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    System.out.println("[bad-input corpus] " + summary());
  }
}
