package uk.crossline.model.location;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Whoever builds a generalised location, it cannot carry a full postcode or an exact point. */
class GeneralisedLocationTest {

  private final District redditch = Gazetteer.bundled().district("redditch").orElseThrow();

  @Test
  void exactPointIsSnappedOnTheWayIn() {
    // given
    var door = new GeoPoint(52.30691, -1.94561);

    // when
    var location =
        new GeneralisedLocation(
            redditch, Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(door));

    // then
    assertThat(location.point()).contains(GridSnapper.snap(door));
  }

  @Test
  void fullPostcodeInPlaceOfAnOutwardCodeIsRefused() {
    assertThatThrownBy(
            () ->
                new GeneralisedLocation(
                    redditch,
                    Optional.empty(),
                    Optional.of("B97 4AB"),
                    Optional.empty(),
                    Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("outwardPostcode")
        .hasMessageNotContaining("4AB");
  }

  @Test
  void sectorOfAnotherOutwardCodeOrWithoutOneIsRefused() {
    assertThatThrownBy(
            () ->
                new GeneralisedLocation(
                    redditch,
                    Optional.empty(),
                    Optional.of("B97"),
                    Optional.of("B98 4"),
                    Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("postcodeSector");
    assertThatThrownBy(
            () ->
                new GeneralisedLocation(
                    redditch,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of("B97 4"),
                    Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("postcodeSector");
  }

  @Test
  void sectorWithItsOutwardCodeIsAccepted() {
    var location =
        new GeneralisedLocation(
            redditch,
            Optional.of("Central"),
            Optional.of("B97"),
            Optional.of("B97 4"),
            Optional.empty());

    assertThat(location.postcodeSector()).contains("B97 4");
  }
}
