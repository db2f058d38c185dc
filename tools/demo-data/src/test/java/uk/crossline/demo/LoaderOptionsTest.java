package uk.crossline.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class LoaderOptionsTest {

  @Test
  void noArgumentsThenTheDevStack() {
    var options = LoaderOptions.parse(new String[0], null);

    assertThat(options.intake()).isEqualTo(URI.create("http://127.0.0.1:8081"));
    assertThat(options.issuer()).isEqualTo(URI.create("http://127.0.0.1:8180/realms/crossline"));
    assertThat(options.reports()).isEqualTo(600);
    assertThat(options.seed()).isEqualTo(42);
    assertThat(options.asOf()).isEqualTo(LoaderOptions.DEFAULT_AS_OF);
    assertThat(options.password()).isEqualTo("Crossline-Demo-1");
    assertThat(options.dryRun()).isFalse();
  }

  @Test
  void optionsGivenThenRead() {
    var options =
        LoaderOptions.parse(
            new String[] {
              "--intake",
              "http://127.0.0.1:18081",
              "--issuer=http://127.0.0.1:18180/realms/crossline",
              "--reports",
              "50",
              "--seed",
              "7",
              "--as-of",
              "2027-01-31",
              "--singles",
              "0",
              "--dry-run"
            },
            "secret");

    assertThat(options.intake().getPort()).isEqualTo(18081);
    assertThat(options.issuer().getPort()).isEqualTo(18180);
    assertThat(options.reports()).isEqualTo(50);
    assertThat(options.seed()).isEqualTo(7);
    assertThat(options.asOf()).isEqualTo(LocalDate.of(2027, 1, 31));
    assertThat(options.singles()).isZero();
    assertThat(options.password()).isEqualTo("secret");
    assertThat(options.dryRun()).isTrue();
    assertThat(options.toString()).doesNotContain("secret");
  }

  @Test
  void badArgumentsThenSaidWhy() {
    assertThatThrownBy(() -> LoaderOptions.parse(new String[] {"--reports", "many"}, null))
        .hasMessageContaining("--reports");
    assertThatThrownBy(() -> LoaderOptions.parse(new String[] {"--intake"}, null))
        .hasMessageContaining("needs a value");
    assertThatThrownBy(() -> LoaderOptions.parse(new String[] {"--intake", "localhost"}, null))
        .hasMessageContaining("http");
    assertThatThrownBy(() -> LoaderOptions.parse(new String[] {"--frobnicate"}, null))
        .hasMessageContaining("unknown option");
  }

  @Test
  void dryRunThenTheShapeAndNothingSent() {
    var out = new java.io.ByteArrayOutputStream();
    int status =
        new DemoLoader(new java.io.PrintStream(out, true), System.err)
            .run(new String[] {"--dry-run", "--intake", "http://127.0.0.1:1"}, null);

    assertThat(status).isEqualTo(DemoLoader.OK);
    assertThat(out.toString())
        .contains("600 reports, seed 42")
        .contains("police.analyst: 180 reports")
        .doesNotContain("Submitting");
  }
}
