package uk.crossline.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineChartTest {

  @Test
  void writesAPngHeadless(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("chart.png");
    new LineChart("t", "analysts", "ms")
        .logX()
        .add(
            new LineChart.Series(
                "hub p95",
                List.of(new double[] {1, 10}, new double[] {8, 40}, new double[] {32, 150}),
                false))
        .add(
            new LineChart.Series(
                "raw p95", List.of(new double[] {1, 5}, new double[] {8, Double.NaN}), true))
        .write(file);
    assertThat(Files.size(file)).isPositive();
    assertThat(ImageIO.read(file.toFile()).getWidth()).isEqualTo(900);
  }

  @Test
  void axesEndOnRoundNumbers() {
    assertThat(LineChart.niceCeiling(137)).isEqualTo(200.0);
    assertThat(LineChart.niceCeiling(0.9)).isEqualTo(1.0);
    assertThat(LineChart.niceCeiling(2400)).isEqualTo(2500.0);
  }
}
