package uk.crossline.bench.report;

import tools.jackson.databind.JsonNode;

/** The report a person reads: the targets first, then each measurement, from results.json. */
public final class MarkdownReport {

  private MarkdownReport() {}

  public static String of(JsonNode results) {
    StringBuilder md = new StringBuilder();
    JsonNode run = results.path("run");
    JsonNode machine = results.path("machine");
    md.append("# Crossline benchmark, ")
        .append(run.path("mode").asString())
        .append(" mode, ")
        .append(run.path("startedAt").asString())
        .append("\n\n");
    md.append("Machine: ")
        .append(machine.path("nproc").asInt())
        .append(" cores (")
        .append(machine.path("cpu").asString())
        .append("), ")
        .append(machine.path("memoryMiB").asLong())
        .append(" MiB, ")
        .append(machine.path("jdk").asString())
        .append(". Versions: ")
        .append(inline(results.path("versions")))
        .append(".\n\n");
    md.append("Load average (1, 5, 15 min) at each stage: ")
        .append(inline(results.path("loadAverage")))
        .append(". ")
        .append(run.path("note").asString())
        .append("\n\n");
    md.append("## Against the targets\n\n| Target | Goal | Measured | Met |\n|---|---|---|---|\n");
    for (JsonNode target : results.path("targets")) {
      md.append("| ")
          .append(target.path("name").asString())
          .append(" | ")
          .append(target.path("goal").asString())
          .append(" | ")
          .append(target.path("measured").asString())
          .append(" | ")
          .append(
              target.path("met").isBoolean()
                  ? (target.path("met").asBoolean() ? "yes" : "**no**")
                  : "n/a")
          .append(" |\n");
    }
    md.append("\n![Search latency against load](search-latency.png)\n\n");
    md.append("![Ingest throughput over time](ingest-throughput.png)\n\n");
    section(md, "Data set", results.path("dataSet"));
    section(md, "Raw Kafka producer ceiling", results.path("rawKafka"));
    section(md, "Raw Elasticsearch bulk ceiling", results.path("rawElasticsearch"));
    section(md, "End-to-end ingest (intake bulk endpoint to searchable)", results.path("ingest"));
    cpu(
        md,
        "Where the CPU went during end-to-end ingest (per event)",
        results.path("ingestCpuPerEvent"));
    cpu(
        md,
        "Where the CPU went during the raw Elasticsearch bulk (per document)",
        results.path("rawElasticsearchCpuPerDocument"));
    section(
        md,
        "Elasticsearch's own time during end-to-end ingest (ms, counts)",
        results.path("ingestElasticsearchWork"));
    section(
        md,
        "Elasticsearch's own time during the raw bulk (ms, counts)",
        results.path("rawElasticsearchWork"));
    section(md, "Time to searchable at a steady rate", results.path("timeToSearchable"));
    phases(md, results.path("timeToSearchable").path("phases"));
    JsonNode search = results.path("search");
    md.append("## Search under load\n\n");
    md.append("On ")
        .append(search.path("eventsInIndex").asLong())
        .append(" events; each level runs ")
        .append(search.path("secondsPerLevel").asInt())
        .append(" s through the hub, then the same searches straight to Elasticsearch without the")
        .append(" access filter. Latencies in ms.\n\n");
    md.append(
        "| Analysts | Hub p50 | Hub p95 | Hub p99 | Hub /s | Raw p50 | Raw p95 | Raw p99 | Raw /s | p95 ratio | errors |\n");
    md.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (JsonNode level : search.path("levels")) {
      JsonNode hub = level.path("hub");
      JsonNode raw = level.path("rawElasticsearch");
      md.append("| ")
          .append(level.path("analysts").asInt())
          .append(" | ")
          .append(hub.path("p50Ms"))
          .append(" | ")
          .append(hub.path("p95Ms"))
          .append(" | ")
          .append(hub.path("p99Ms"))
          .append(" | ")
          .append(hub.path("searchesPerSecond"))
          .append(" | ")
          .append(raw.path("p50Ms"))
          .append(" | ")
          .append(raw.path("p95Ms"))
          .append(" | ")
          .append(raw.path("p99Ms"))
          .append(" | ")
          .append(raw.path("searchesPerSecond"))
          .append(" | ")
          .append(level.path("p95Ratio"))
          .append(" | ")
          .append(hub.path("errors").asLong() + raw.path("errors").asLong())
          .append(" |\n");
    }
    md.append("\nCPU per search (ms of one core, by process, largest first):\n\n");
    for (JsonNode level : search.path("levels")) {
      md.append("- ")
          .append(level.path("analysts").asInt())
          .append(" analysts: through the hub ")
          .append(cpuInline(level.path("hubCpuPerSearch")))
          .append("; straight to Elasticsearch ")
          .append(cpuInline(level.path("rawCpuPerSearch")))
          .append(". Elasticsearch's own time over the level (ms, counts): through the hub ")
          .append(inline(level.path("hubElasticsearchWork")))
          .append("; straight ")
          .append(inline(level.path("rawElasticsearchWork")))
          .append('\n');
    }
    if (search.has("error")) {
      md.append("\nFailed: ").append(search.path("error").asString()).append('\n');
    }
    md.append('\n');
    section(md, "Alerts: submission to webhook delivery", results.path("alerts"));
    md.append("## Memory (MiB, process and its children, from /proc; live heap from jcmd)\n\n");
    md.append(
        "| Process | RSS at the end | Peak RSS | Live heap after a full collection |\n"
            + "|---|---|---|---|\n");
    for (var entry : results.path("memory").properties()) {
      JsonNode live = entry.getValue().path("liveHeapMiB");
      row(
          md,
          entry.getKey(),
          entry.getValue().path("rssMiB"),
          entry.getValue().path("peakRssMiB"),
          live.isMissingNode() ? "-" : live);
    }
    md.append("\nEvery figure, with the machine, is in results.json.\n");
    return md.toString();
  }

  /** "total 6.0 (elasticsearch 3.0, intake 2.0, …)": the processes that used any CPU. */
  private static String cpuInline(JsonNode figures) {
    if (figures.isMissingNode() || figures.isEmpty()) {
      return "not measured";
    }
    StringBuilder text =
        new StringBuilder("total ").append(figures.path("total").path("cpuMsPerItem"));
    String separator = " (";
    for (var entry : figures.properties()) {
      double ms = entry.getValue().path("cpuMsPerItem").asDouble();
      if (!entry.getKey().equals("total") && ms >= 0.05) {
        text.append(separator).append(entry.getKey()).append(' ').append(ms);
        separator = ", ";
      }
    }
    return separator.equals(", ") ? text.append(')').toString() : text.toString();
  }

  /** Where the probes' time to searchable went, phase by phase, from the hub's own stamps. */
  private static void phases(StringBuilder md, JsonNode phases) {
    if (phases.isMissingNode() || phases.isEmpty()) {
      return;
    }
    md.append(
            "Where the time went (ms; from the intake's and the indexer's stamps on each probe):\n\n")
        .append("| Phase | p50 | p95 | p99 |\n|---|---|---|---|\n");
    for (var entry : phases.properties()) {
      row(
          md,
          entry.getKey(),
          entry.getValue().path("p50Ms"),
          entry.getValue().path("p95Ms"),
          entry.getValue().path("p99Ms"));
    }
    md.append('\n');
  }

  /**
   * Each process's CPU time over a stage, per item: with every core busy, the sum of the column is
   * what one item costs, and the throughput is the cores over that sum.
   */
  private static void cpu(StringBuilder md, String title, JsonNode figures) {
    md.append("## ").append(title).append("\n\n");
    if (figures.isMissingNode() || figures.isNull()) {
      md.append("Not measured.\n\n");
      return;
    }
    md.append("| Process | CPU s | ms of one core per item | Share |\n|---|---|---|---|\n");
    for (var entry : figures.properties()) {
      row(
          md,
          entry.getKey(),
          entry.getValue().path("cpuSeconds"),
          entry.getValue().path("cpuMsPerItem"),
          Math.round(entry.getValue().path("share").asDouble() * 100) + "%");
    }
    md.append('\n');
  }

  /** One row of a Markdown table. */
  private static void row(StringBuilder md, Object... cells) {
    md.append('|');
    for (Object cell : cells) {
      md.append(' ').append(cell).append(" |");
    }
    md.append('\n');
  }

  private static void section(StringBuilder md, String title, JsonNode figures) {
    md.append("## ").append(title).append("\n\n");
    if (figures.isMissingNode() || figures.isNull()) {
      md.append("Not measured.\n\n");
      return;
    }
    for (var entry : figures.properties()) {
      if (entry.getKey().startsWith("series") || entry.getKey().equals("phases")) {
        continue; // the time series is for the plot and results.json; phases have a table
      }
      md.append("- ")
          .append(entry.getKey())
          .append(": ")
          .append(text(entry.getValue()))
          .append('\n');
    }
    md.append('\n');
  }

  private static String inline(JsonNode node) {
    StringBuilder text = new StringBuilder();
    for (var entry : node.properties()) {
      if (!text.isEmpty()) {
        text.append(", ");
      }
      text.append(entry.getKey()).append(" ").append(text(entry.getValue()));
    }
    return text.toString();
  }

  private static String text(JsonNode value) {
    if (value.isString()) {
      return value.asString();
    }
    return value.toString();
  }
}
