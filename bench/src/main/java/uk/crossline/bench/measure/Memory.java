package uk.crossline.bench.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Resident memory of each service and component, from /proc: the process a pid file names and its
 * descendants (Elasticsearch's launcher runs the server as a child, Keycloak's script its JVM). For
 * a JVM this benchmark may attach to (its own user's), also the live heap after a full collection:
 * what the service holds, where the resident size is mostly what the JVM has not handed back.
 */
public final class Memory {

  private Memory() {}

  /**
   * Each pid file of the directory by name, with the RSS and peak RSS of its process tree in MiB.
   */
  public static Map<String, Object> of(Path runDir) {
    Map<String, Object> figures = new LinkedHashMap<>();
    try {
      trees(runDir)
          .forEach(
              (name, pids) -> {
                long rss = 0;
                long peak = 0;
                long live = 0;
                for (long each : pids) {
                  rss += kibibytes(each, "VmRSS:");
                  peak += kibibytes(each, "VmHWM:");
                  live += liveHeapBytes(each);
                }
                if (rss > 0) {
                  Map<String, Object> process = new LinkedHashMap<>();
                  process.put("rssMiB", rss / 1024);
                  process.put("peakRssMiB", peak / 1024);
                  if (live > 0) {
                    process.put("liveHeapMiB", live / (1024 * 1024));
                  }
                  figures.put(name, process);
                }
              });
    } catch (IOException | NumberFormatException e) {
      figures.put("error", String.valueOf(e.getMessage()));
    }
    return figures;
  }

  /** Each pid file of the directory by name, with the pids of its process and descendants. */
  static Map<String, List<Long>> trees(Path runDir) throws IOException {
    Map<String, List<Long>> trees = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(runDir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".pid")).sorted().toList()) {
        String name = file.getFileName().toString().replace(".pid", "");
        trees.put(name, tree(Long.parseLong(Files.readString(file).strip())));
      }
    }
    return trees;
  }

  static List<Long> tree(long pid) {
    List<Long> all = new ArrayList<>();
    all.add(pid);
    for (int i = 0; i < all.size(); i++) {
      long parent = all.get(i);
      ProcessHandle.of(parent).ifPresent(p -> p.children().forEach(child -> all.add(child.pid())));
    }
    return all;
  }

  /**
   * The bytes of every object a full collection leaves, from {@code jcmd GC.class_histogram} (which
   * collects first); 0 when the process is no JVM or not this user's.
   */
  static long liveHeapBytes(long pid) {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    Path output = null;
    try {
      output = Files.createTempFile("crossline-bench-jcmd", ".txt");
      Process process =
          new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.class_histogram")
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return 0;
      }
      if (process.exitValue() != 0) {
        return 0;
      }
      for (String line : Files.readAllLines(output).reversed()) {
        String[] fields = line.strip().split("\\s+");
        if (fields.length == 3 && fields[0].equals("Total")) {
          return Long.parseLong(fields[2]);
        }
      }
      return 0;
    } catch (IOException | RuntimeException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    } finally {
      if (output != null) {
        output.toFile().delete();
      }
    }
  }

  static long kibibytes(long pid, String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith(field)) {
          return Long.parseLong(line.substring(field.length()).replace("kB", "").strip());
        }
      }
    } catch (IOException | RuntimeException e) {
      return 0;
    }
    return 0;
  }
}
