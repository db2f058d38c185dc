package uk.crossline.bench.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The machine the figures were measured on, and how busy it was. */
public final class Machine {

  private Machine() {}

  public static Map<String, Object> describe() {
    Map<String, Object> machine = new LinkedHashMap<>();
    machine.put("nproc", Runtime.getRuntime().availableProcessors());
    machine.put("cpu", firstValue(Path.of("/proc/cpuinfo"), "model name"));
    machine.put("memoryMiB", kibibytes("MemTotal:") / 1024);
    machine.put("memoryAvailableMiBAtStart", kibibytes("MemAvailable:") / 1024);
    machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    machine.put(
        "jdk",
        System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"));
    return machine;
  }

  /** The 1, 5 and 15 minute load averages, as /proc/loadavg has them. */
  public static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static long kibibytes(String field) {
    String value = firstValue(Path.of("/proc/meminfo"), field.replace(":", ""));
    try {
      return Long.parseLong(value.replace("kB", "").strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String firstValue(Path file, String key) {
    try {
      for (String line : Files.readAllLines(file)) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).strip().equals(key)) {
          return line.substring(colon + 1).strip();
        }
      }
    } catch (IOException e) {
      return "unknown";
    }
    return "unknown";
  }
}
