package uk.crossline.bench.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Resident memory of each service and component, from /proc: the process a pid file names and its
 * descendants (Elasticsearch's launcher runs the server as a child, Keycloak's script its JVM).
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
                for (long each : pids) {
                  rss += kibibytes(each, "VmRSS:");
                  peak += kibibytes(each, "VmHWM:");
                }
                if (rss > 0) {
                  figures.put(name, Map.of("rssMiB", rss / 1024, "peakRssMiB", peak / 1024));
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
