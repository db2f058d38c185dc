package uk.crossline.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.crossline.bench.measure.Ingest;

class BenchTest {

  @Test
  void ratesAreTheCountsGrowthPerSecond() {
    // given a count growing by 100 every quarter second
    List<double[]> series = new ArrayList<>();
    for (int i = 0; i <= 20; i++) {
      series.add(new double[] {i * 0.25, i * 100, i * 50});
    }
    // then the rates are 400 and 200 a second
    assertThat(Bench.rates(series, 1, 1.0)).allSatisfy(p -> assertThat(p[1]).isEqualTo(400.0));
    assertThat(Bench.rates(series, 2, 1.0)).allSatisfy(p -> assertThat(p[1]).isEqualTo(200.0));
  }

  @Test
  void searchWordsAreCommonButNotTheCommonest() {
    List<String> sources = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      sources.add(
          "{\"summary\":\"runner phone cuckooed flat seen with vapes "
              + "word"
              + (char) ('a' + i % 26)
              + "xyz\"}");
    }
    List<String> words = Bench.commonWords(sources);
    assertThat(words).isNotEmpty().allSatisfy(w -> assertThat(w).matches("[a-z]{5,}"));
  }

  @Test
  void targetsSayMetOrNotAndUnknownWhenNotMeasured() {
    List<Map<String, Object>> targets = Bench.targets(0.8, null, List.of(), null);
    assertThat(targets.getFirst()).containsEntry("met", true);
    assertThat(targets.get(1)).containsEntry("met", null);
    assertThat(Bench.targets(0.5, null, List.of(), null).getFirst()).containsEntry("met", false);
  }

  @Test
  void optionsNeedEveryAddressAndKnowTheModes() {
    String[] args = {
      "--full",
      "--kafka",
      "k:1",
      "--elasticsearch",
      "http://e",
      "--issuer",
      "http://i",
      "--intake",
      "http://a",
      "--search",
      "http://s",
      "--alerts",
      "http://l",
      "--run-dir",
      "/tmp",
      "--out",
      "/tmp/out",
      "--version",
      "kafka=4.2.1"
    };
    BenchOptions options = BenchOptions.parse(args, null);
    assertThat(options.mode()).isEqualTo(BenchOptions.Mode.FULL);
    assertThat(options.versions()).containsEntry("kafka", "4.2.1");
    assertThat(options.password()).isEqualTo("Crossline-Demo-1");
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--short"}, null))
        .isInstanceOf(BenchOptions.UsageException.class)
        .hasMessageContaining("--kafka");
  }

  @Test
  void theSteadyRateIsAThousandOnlyWhenTheHubTookMoreThanThat() {
    assertThat(Bench.steadyRate(new Ingest.Result(20_000, 10, 5, List.of(), 0))).isEqualTo(1_000);
    assertThat(Bench.steadyRate(new Ingest.Result(20_000, 100, 50, List.of(), 0))).isEqualTo(140);
    assertThat(Bench.steadyRate(null)).isEqualTo(1_000);
  }

  @Test
  void seedLettersAreLettersOnly() {
    assertThat(Bench.letters(1_764_000_000L)).matches("[a-z]+");
  }
}
