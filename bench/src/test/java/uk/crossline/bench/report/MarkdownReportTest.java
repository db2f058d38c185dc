package uk.crossline.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class MarkdownReportTest {

  @Test
  void theReportLeadsWithTheTargetsAndShowsTheMachine() {
    var results =
        JsonMapper.builder()
            .build()
            .readTree(
                """
                {"run": {"mode": "short", "startedAt": "2026-11-25T19:00:00Z", "note": "noisy"},
                 "machine": {"nproc": 2, "cpu": "x", "memoryMiB": 24000, "jdk": "25"},
                 "versions": {"kafka": "4.2.1"}, "loadAverage": {"start": "2.0 2.1 2.2"},
                 "targets": [{"name": "Alert p99", "goal": "< 2000 ms", "measured": "900 ms", "met": true},
                             {"name": "Ingest", "goal": ">= 0.7x", "measured": "0.5x", "met": false}],
                 "search": {"eventsInIndex": 100, "secondsPerLevel": 8, "levels": [
                   {"analysts": 1, "hub": {"p50Ms": 10.0, "p95Ms": 20.0, "p99Ms": 30.0, "searchesPerSecond": 50.0, "errors": 0},
                    "rawElasticsearch": {"p50Ms": 5.0, "p95Ms": 10.0, "p99Ms": 15.0, "searchesPerSecond": 100.0, "errors": 0},
                    "p95Ratio": 2.0,
                    "hubCpuPerSearch": {"search": {"cpuMsPerItem": 4.0}, "elasticsearch": {"cpuMsPerItem": 9.0},
                                        "keycloak": {"cpuMsPerItem": 0.0}, "total": {"cpuMsPerItem": 13.0}}}]},
                 "ingestCpuPerEvent": {"elasticsearch": {"cpuSeconds": 6.0, "cpuMsPerItem": 3.0, "share": 0.5},
                                       "total": {"cpuSeconds": 12.0, "cpuMsPerItem": 6.0, "share": 1.0}},
                 "timeToSearchable": {"p99Ms": 900.0, "phases": {
                   "acknowledgedToProjected": {"p50Ms": 300.0, "p95Ms": 500.0, "p99Ms": 700.0}}},
                 "memory": {"kafka": {"rssMiB": 500, "peakRssMiB": 600}}}
                """);
    String md = MarkdownReport.of(results);
    assertThat(md)
        .contains("2 cores")
        .contains("| Alert p99 | < 2000 ms | 900 ms | yes |")
        .contains("| Ingest | >= 0.7x | 0.5x | **no** |")
        .contains("| 1 | 10.0 | 20.0 | 30.0 | 50.0 | 5.0 | 10.0 | 15.0 | 100.0 | 2.0 | 0 |")
        .contains("| kafka | 500 | 600 |")
        .contains("| elasticsearch | 6.0 | 3.0 | 50% |")
        .contains("| total | 12.0 | 6.0 | 100% |")
        .contains("| acknowledgedToProjected | 300.0 | 500.0 | 700.0 |")
        .doesNotContain("- phases:")
        .contains("- 1 analysts: through the hub total 13.0 (search 4.0, elasticsearch 9.0);")
        .contains("straight to Elasticsearch not measured")
        .contains("2.0 2.1 2.2");
  }
}
