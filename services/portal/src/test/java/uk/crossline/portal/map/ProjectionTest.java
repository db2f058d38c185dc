package uk.crossline.portal.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectionTest {

  private static Shape square(double west, double south, double size) {
    return new Shape(
        "square",
        "Square",
        List.of(
            List.of(
                new double[] {west, south},
                new double[] {west + size, south},
                new double[] {west + size, south + size},
                new double[] {west, south + size},
                new double[] {west, south})));
  }

  @Test
  void cornersOfTheShapesLandOnTheMarginsWithNorthAtTheTop() {
    Projection projection = Projection.fitting(List.of(square(-2.5, 52.0, 1.0)), 640, 8);

    assertThat(projection.x(-2.5)).isCloseTo(8, within(1e-9));
    assertThat(projection.x(-1.5)).isCloseTo(632, within(1e-9));
    assertThat(projection.y(53.0)).isCloseTo(8, within(1e-9));
    assertThat(projection.y(52.0)).isGreaterThan(projection.y(52.5));
  }

  @Test
  void aDegreeOfLongitudeIsShorterByTheCosineOfTheLatitude() {
    // a one-degree square around latitude 60 is drawn twice as tall as it is wide (cos 60 = 1/2)
    Projection projection = Projection.fitting(List.of(square(10, 59.5, 1)), 208, 4);

    double width = projection.x(11) - projection.x(10);
    double height = projection.y(59.5) - projection.y(60.5);
    assertThat(height / width).isCloseTo(1 / Math.cos(Math.toRadians(60)), within(1e-9));
    assertThat(projection.height()).isEqualTo(Math.ceil(height + 8));
  }

  @Test
  void pathHasOneClosedSubpathPerRingToOneDecimal() {
    Shape shape = square(0, 0, 1);
    Projection projection = Projection.fitting(List.of(shape), 100, 0);

    String path = projection.path(shape);

    assertThat(path).startsWith("M0.0 100.0L100.0 100.0L100.0 0.0L0.0 0.0L0.0 100.0Z");
  }

  @Test
  void evenOddContainmentLeavesAHoleOutside() {
    Shape withHole =
        new Shape(
            "ring",
            "Ring",
            List.of(square(0, 0, 10).rings().getFirst(), square(4, 4, 2).rings().getFirst()));

    assertThat(withHole.contains(1, 1)).isTrue();
    assertThat(withHole.contains(5, 5)).isFalse();
    assertThat(withHole.contains(11, 5)).isFalse();
  }
}
