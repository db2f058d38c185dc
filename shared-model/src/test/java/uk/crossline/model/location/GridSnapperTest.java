package uk.crossline.model.location;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class GridSnapperTest {

  // Redditch town centre, in the middle of the partnership.
  private static final GeoPoint REDDITCH = new GeoPoint(52.3069, -1.9456);

  @Test
  void cellIsNoFinerThan500MetresAcrossThePartnershipAndBeyond() {
    // given the south-west corner of the cell around each point, and its neighbours to the north
    // and east, at the partnership's latitude and at the far north of the UK
    for (var lat : new double[] {50.0, 52.3, 60.8}) {
      var corner = new GeoPoint(lat, -2.0);
      var north = new GeoPoint(lat + GridSnapper.LAT_CELL_DEGREES, -2.0);
      var east = new GeoPoint(lat, -2.0 + GridSnapper.LON_CELL_DEGREES);

      // then the cell is at least 500 m tall and wide
      assertThat(Haversine.metres(corner, north)).as("height at %s", lat).isGreaterThan(500);
      assertThat(Haversine.metres(corner, east)).as("width at %s", lat).isGreaterThan(500);
    }
  }

  @Test
  void neighbouringCellCentresInThePartnershipAreAboutOneKilometreApart() {
    // given
    var centre = GridSnapper.snap(REDDITCH);

    // when
    var north =
        GridSnapper.snap(new GeoPoint(centre.lat() + GridSnapper.LAT_CELL_DEGREES, centre.lon()));
    var east =
        GridSnapper.snap(new GeoPoint(centre.lat(), centre.lon() + GridSnapper.LON_CELL_DEGREES));

    // then
    assertThat(Haversine.metres(centre, north)).isBetween(1_000.0, 1_200.0);
    assertThat(Haversine.metres(centre, east)).isBetween(950.0, 1_100.0);
  }

  @Test
  void snappingTwiceGivesTheSameCentreAsSnappingOnce() {
    // given points scattered over England, the boundaries of the grid and the edges of the world
    var random = new Random(42);
    for (var i = 0; i < 10_000; i++) {
      var point = new GeoPoint(50 + random.nextDouble() * 5, -5 + random.nextDouble() * 7);

      // when
      var once = GridSnapper.snap(point);

      // then
      assertThat(GridSnapper.snap(once)).isEqualTo(once);
    }
    for (var edge :
        new GeoPoint[] {
          new GeoPoint(52.30, -1.95),
          new GeoPoint(90, 180),
          new GeoPoint(-90, -180),
          new GeoPoint(0, 0)
        }) {
      var once = GridSnapper.snap(edge);
      assertThat(GridSnapper.snap(once)).as("%s", edge).isEqualTo(once);
    }
  }

  @Test
  void samePointAlwaysSnapsToTheSameCentre() {
    assertThat(GridSnapper.snap(REDDITCH))
        .isEqualTo(GridSnapper.snap(new GeoPoint(52.3069, -1.9456)));
  }

  @Test
  void twoPointsAHundredMetresApartInOneCellSnapTogether() {
    // given two points 100 m apart, east to west, well inside one cell
    var centre = GridSnapper.snap(REDDITCH);
    var west = new GeoPoint(centre.lat(), centre.lon() - 0.00073);
    var east = new GeoPoint(centre.lat(), centre.lon() + 0.00073);
    assertThat(Haversine.metres(west, east)).isCloseTo(100, within(5.0));

    // when / then
    assertThat(GridSnapper.snap(west)).isEqualTo(GridSnapper.snap(east)).isEqualTo(centre);
  }

  @Test
  void snappedPointIsTheCentreOfItsCellAndWithinHalfACellOfTheOriginal() {
    // when
    var snapped = GridSnapper.snap(REDDITCH);

    // then
    assertThat(snapped.lat()).isCloseTo(52.305, within(1e-9));
    assertThat(snapped.lon()).isCloseTo(-1.9425, within(1e-9));
    assertThat(Math.abs(snapped.lat() - REDDITCH.lat()))
        .isLessThanOrEqualTo(GridSnapper.LAT_CELL_DEGREES / 2);
    assertThat(Math.abs(snapped.lon() - REDDITCH.lon()))
        .isLessThanOrEqualTo(GridSnapper.LON_CELL_DEGREES / 2);
  }

  @Test
  void pointsAtThePolesAndTheAntimeridianStayValid() {
    assertThat(GridSnapper.snap(new GeoPoint(90, 180)).lat()).isLessThanOrEqualTo(90);
    assertThat(GridSnapper.snap(new GeoPoint(90, 180)).lon()).isLessThanOrEqualTo(180);
    assertThat(GridSnapper.snap(new GeoPoint(-90, -180)).lat()).isGreaterThanOrEqualTo(-90);
  }
}
