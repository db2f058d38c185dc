package uk.crossline.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

class DemoLoaderTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final DemoLoader loader =
      new DemoLoader(new PrintStream(out, true), new PrintStream(err, true));

  @Test
  void everyReportAcceptedThenProgressPerUserAndExitZero() {
    try (var hub = new FakeHub()) {
      hub.answer("/api/v1/police/reports/bulk", r -> bulk(r.body().lines().count(), 0));
      hub.answer("/api/v1/trading-standards/reports/bulk", r -> bulk(r.body().lines().count(), 0));
      hub.answer("/api/v1/safeguarding/concerns/bulk", r -> bulk(r.body().lines().count(), 0));
      hub.answer("/api/v1/council/reports/bulk", r -> bulk(r.body().lines().count(), 0));
      for (String form :
          new String[] {
            "police/reports",
            "trading-standards/reports",
            "safeguarding/concerns",
            "council/reports"
          }) {
        hub.answer("/api/v1/" + form, r -> new FakeHub.Answer(201, "{\"duplicate\":false}"));
      }

      int status = loader.run(args(hub, "100"), null);

      assertThat(status).isEqualTo(DemoLoader.OK);
      assertThat(out.toString())
          .contains(
              "  police.analyst: 30/30 reports accepted (27 in one bulk upload, 3 one at a time)")
          .contains("  wyreforest.cso: ")
          .contains("100 accepted, 0 already loaded, 0 refused");
      assertThat(hub.received("/api/v1/police/reports/bulk")).hasSize(2);
      assertThat(hub.received("/api/v1/police/reports/bulk").getFirst().headers())
          .containsEntry("Authorization", java.util.List.of("Bearer token-for-test"));
    }
  }

  @Test
  void aRowRefusedThenItsReferenceAndReasonPrintedAndExitOne() {
    try (var hub = new FakeHub()) {
      hub.answer("/api/v1/police/reports/bulk", r -> bulk(r.body().lines().count(), 1));
      hub.answer("/api/v1/trading-standards/reports/bulk", r -> bulk(r.body().lines().count(), 0));
      hub.answer("/api/v1/safeguarding/concerns/bulk", r -> bulk(r.body().lines().count(), 0));
      hub.answer("/api/v1/council/reports/bulk", r -> bulk(r.body().lines().count(), 0));

      int status =
          loader.run(
              new String[] {
                "--intake",
                hub.uri("").toString(),
                "--issuer",
                hub.uri("/realms/crossline").toString(),
                "--reports",
                "20",
                "--singles",
                "0"
              },
              null);

      assertThat(status).isEqualTo(DemoLoader.REFUSED);
      assertThat(out.toString())
          .contains("1 REFUSED")
          .contains("refused WMC/IR/D42/00001: where.postcode: lies outside the area");
    }
  }

  @Test
  void intakeNotThereThenExitThreeSayingWhy() {
    int status =
        loader.run(
            new String[] {"--intake", "http://127.0.0.1:1", "--wait", "0", "--reports", "10"},
            null);

    assertThat(status).isEqualTo(DemoLoader.CANNOT_LOAD);
    assertThat(err.toString()).contains("was not ready");
  }

  @Test
  void badArgumentThenExitTwoWithUsage() {
    assertThat(loader.run(new String[] {"--reports", "-3"}, null))
        .isEqualTo(DemoLoader.BAD_ARGUMENTS);
    assertThat(err.toString()).contains("--reports must be between").contains("Usage:");
  }

  private static String[] args(FakeHub hub, String reports) {
    return new String[] {
      "--intake", hub.uri("").toString(),
      "--issuer", hub.uri("/realms/crossline").toString(),
      "--reports", reports
    };
  }

  private static FakeHub.Answer bulk(long rows, int refusedFirst) {
    String errors =
        refusedFirst == 0
            ? "[]"
            : "[{\"row\":1,\"field\":\"where.postcode\",\"reason\":\"lies outside the area\"}]";
    return new FakeHub.Answer(
        200,
        "{\"rows\":%d,\"accepted\":%d,\"duplicates\":0,\"rejected\":%d,\"errors\":%s,\"errorsTruncated\":false}"
            .formatted(rows, rows - refusedFirst, refusedFirst, errors));
  }
}
