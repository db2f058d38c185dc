package uk.crossline.portal.map;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ColourScaleTest {

  @Test
  void noReportsIsGreyAndTheLargestCountIsTheDarkestBlue() {
    ColourScale scale = ColourScale.upTo(17);

    assertThat(scale.colour(0)).isEqualTo(ColourScale.NONE);
    assertThat(scale.colour(1)).isEqualTo(ColourScale.BLUES.getFirst());
    assertThat(scale.colour(17)).isEqualTo(ColourScale.BLUES.getLast());
  }

  @Test
  void legendBandsFollowEachOtherWithoutGapsAndCoverTheLargest() {
    ColourScale scale = ColourScale.upTo(17);

    assertThat(scale.bands())
        .extracting(ColourScale.Band::label)
        .containsExactly("None", "1 to 3", "4 to 6", "7 to 10", "11 to 13", "14 to 17");
    for (ColourScale.Band band : scale.bands()) {
      assertThat(scale.colour(band.from())).isEqualTo(band.colour());
      assertThat(scale.colour(band.to())).isEqualTo(band.colour());
    }
  }

  @Test
  void fewReportsGetOneBandEachAndNoEmptyBands() {
    ColourScale scale = ColourScale.upTo(2);

    assertThat(scale.bands()).extracting(ColourScale.Band::label).containsExactly("None", "1", "2");
    assertThat(scale.colour(2)).isEqualTo(ColourScale.BLUES.getLast());
    assertThat(ColourScale.upTo(0).bands())
        .extracting(ColourScale.Band::label)
        .containsExactly("None");
  }
}
