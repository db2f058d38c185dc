package uk.crossline.model.location;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class LocationGeneraliserTest {

  private final Gazetteer gazetteer = Gazetteer.bundled();
  private final LocationGeneraliser generaliser = new LocationGeneraliser(gazetteer);

  private static LocationInput input(
      String postcode, String districtId, String ward, GeoPoint point, boolean sectorAllowed) {
    return new LocationInput(
        Optional.ofNullable(postcode),
        Optional.ofNullable(districtId),
        Optional.ofNullable(ward),
        Optional.ofNullable(point),
        sectorAllowed);
  }

  private InvalidLocationException refusal(LocationInput input) {
    return (InvalidLocationException)
        assertThatThrownBy(() -> generaliser.generalise(input))
            .isInstanceOf(InvalidLocationException.class)
            .isInstanceOf(IllegalArgumentException.class)
            .actual();
  }

  @Test
  void fullPostcodeKeepsOnlyItsOutwardCodeWhenSectorNotAllowed() {
    // given a home postcode in Redditch
    var input = LocationInput.ofPostcode("b97 4ab");

    // when
    var location = generaliser.generalise(input);

    // then
    assertThat(location.district().id()).isEqualTo("redditch");
    assertThat(location.outwardPostcode()).contains("B97");
    assertThat(location.postcodeSector()).isEmpty();
    assertThat(location.toString()).doesNotContain("4AB").doesNotContain("B97 4");
  }

  @Test
  void sectorIsKeptOnlyWhenAllowed() {
    // when
    var allowed = generaliser.generalise(input("B97 4AB", null, null, null, true));
    var refused = generaliser.generalise(input("B97 4AB", null, null, null, false));

    // then
    assertThat(allowed.postcodeSector()).contains("B97 4");
    assertThat(refused.postcodeSector()).isEmpty();
    assertThat(allowed.toString()).doesNotContain("4AB");
  }

  @Test
  void wardIsTakenFromTheSectorEvenWhenTheSectorItselfIsNotKept() {
    // when
    var location = generaliser.generalise(input("B97 6AA", null, null, null, false));

    // then
    assertThat(location.ward()).contains("Batchley and Brockhill");
    assertThat(location.postcodeSector()).isEmpty();
    assertThat(location.point())
        .contains(
            GridSnapper.snap(
                gazetteer.centroidOfWard("redditch", "Batchley and Brockhill").orElseThrow()));
  }

  @Test
  void outwardCodeAloneGivesDistrictAndOutwardCentreButNoSector() {
    // when
    var location = generaliser.generalise(input("dy10", null, null, null, true));

    // then
    assertThat(location.district().id()).isEqualTo("wyre-forest");
    assertThat(location.outwardPostcode()).contains("DY10");
    assertThat(location.postcodeSector()).isEmpty();
    assertThat(location.ward()).isEmpty();
    assertThat(location.point())
        .contains(GridSnapper.snap(gazetteer.centroidOfOutward("DY10").orElseThrow()));
  }

  @Test
  void givenPointIsKeptOnlySnapped() {
    // given the exact point of a front door in Bromsgrove
    var door = new GeoPoint(52.33517, -2.06143);

    // when
    var location = generaliser.generalise(input("B61 8AA", null, null, door, false));

    // then
    assertThat(location.point()).contains(GridSnapper.snap(door));
    assertThat(location.point().orElseThrow()).isNotEqualTo(door);
  }

  @Test
  void districtAloneGivesTheDistrictCentreSnapped() {
    // when
    var location = generaliser.generalise(LocationInput.ofDistrict("bromsgrove"));

    // then
    var bromsgrove = gazetteer.district("bromsgrove").orElseThrow();
    assertThat(location.district()).isEqualTo(bromsgrove);
    assertThat(location.outwardPostcode()).isEmpty();
    assertThat(location.point()).contains(GridSnapper.snap(bromsgrove.centroid()));
  }

  @Test
  void givenWardWinsOverTheSectorsWardAndIsWrittenAsTheGazetteerWritesIt() {
    // when
    var location =
        generaliser.generalise(input("DY11 6AA", null, "foley park & hoobrook", null, false));

    // then
    assertThat(location.ward()).contains("Foley Park and Hoobrook");
    assertThat(location.point())
        .contains(
            GridSnapper.snap(
                gazetteer.centroidOfWard("wyre-forest", "Foley Park and Hoobrook").orElseThrow()));
  }

  @Test
  void sectorInTheMinorDistrictOfASplitOutwardCodeGivesThatDistrict() {
    // given B45 mostly Birmingham, but B45 8 is Barnt Green in Bromsgrove
    // when
    var barntGreen = generaliser.generalise(LocationInput.ofPostcode("B45 8AA"));
    var rednal = generaliser.generalise(LocationInput.ofPostcode("B45 9AA"));

    // then
    assertThat(barntGreen.district().id()).isEqualTo("bromsgrove");
    assertThat(barntGreen.ward()).contains("Barnt Green and Hopwood");
    assertThat(rednal.district().id()).isEqualTo("birmingham");
    assertThat(rednal.ward()).isEmpty();
  }

  @Test
  void submittersDistrictWinsWhereTheOutwardCodeIsSplit() {
    // given B45 9 mostly Birmingham, B96 6 mostly Redditch, both spilling into the named district
    // when
    var rubery =
        generaliser.generalise(input("B45 9AA", "bromsgrove", "Rubery South", null, false));
    var feckenham = generaliser.generalise(input("B96 6AA", "wychavon", null, null, true));

    // then
    assertThat(rubery.district().id()).isEqualTo("bromsgrove");
    assertThat(rubery.ward()).contains("Rubery South");
    assertThat(feckenham.district().id()).isEqualTo("wychavon");
    assertThat(feckenham.ward()).as("B96 6's ward is Redditch's, not Wychavon's").isEmpty();
    assertThat(feckenham.postcodeSector()).contains("B96 6");
  }

  @Test
  void districtTheOutwardCodeDoesNotTouchIsRefusedNamingTheDistrict() {
    // given a Redditch postcode reported as Wyre Forest
    var refusal = refusal(input("B97 4AB", "wyre-forest", null, null, false));

    // then
    assertThat(refusal.field()).isEqualTo("district");
    assertThat(refusal)
        .hasMessageStartingWith("district ")
        .hasMessageContaining("B97")
        .hasMessageNotContaining("4AB");
  }

  @Test
  void unknownDistrictIsRefusedNamingTheDistrict() {
    var refusal = refusal(LocationInput.ofDistrict("atlantis"));

    assertThat(refusal.field()).isEqualTo("district");
    assertThat(refusal).hasMessageContaining("not a district");
  }

  @Test
  void neitherPostcodeNorDistrictIsRefusedNamingTheDistrict() {
    var refusal = refusal(input(null, null, "Abbey", new GeoPoint(52.3, -1.9), false));

    assertThat(refusal.field()).isEqualTo("district");
    assertThat(refusal).hasMessageContaining("required");
  }

  @Test
  void postcodeOutsideTheGazetteerIsRefusedWithoutRepeatingIt() {
    // given a Birmingham city centre postcode, outside the gazetteer's B45-B98
    var refusal = refusal(LocationInput.ofPostcode("B1 1BB"));

    // then
    assertThat(refusal.field()).isEqualTo("postcode");
    assertThat(refusal).hasMessageContaining("outside").hasMessageNotContaining("1BB");
  }

  @Test
  void malformedPostcodeIsRefusedWithoutRepeatingIt() {
    var refusal = refusal(LocationInput.ofPostcode("B97 4CB"));

    assertThat(refusal.field()).isEqualTo("postcode");
    assertThat(refusal).hasMessageStartingWith("postcode ").hasMessageNotContaining("4CB");
  }

  @Test
  void wardOfAnotherDistrictIsRefusedNamingTheWard() {
    var refusal = refusal(input(null, "redditch", "Broadwaters", null, false));

    assertThat(refusal.field()).isEqualTo("ward");
    assertThat(refusal).hasMessageStartingWith("ward ").hasMessageContaining("Redditch");
  }

  @Test
  void wardOfADistrictWhoseWardsTheGazetteerLacksIsRefused() {
    var refusal = refusal(input(null, "birmingham", "Longbridge and West Heath", null, false));

    assertThat(refusal.field()).isEqualTo("ward");
  }

  @Test
  void blankFieldsCountAsNotGiven() {
    // when
    var location = generaliser.generalise(input("  ", "redditch", "", null, true));

    // then
    assertThat(location.district().id()).isEqualTo("redditch");
    assertThat(location.outwardPostcode()).isEmpty();
    assertThat(location.ward()).isEmpty();
  }

  @Test
  void premisesKeepTheirSectorButTheEventStillGetsOnlyASnappedPoint() {
    // given a shop's exact point
    var shop = new GeoPoint(52.38862, -2.24875);

    // when
    var location = generaliser.forPremises("DY10 1AA", Optional.of(shop));

    // then
    assertThat(location.district().id()).isEqualTo("wyre-forest");
    assertThat(location.postcodeSector()).contains("DY10 1");
    assertThat(location.ward()).contains("Offmore and Comberton");
    assertThat(location.point()).contains(GridSnapper.snap(shop));
  }

  @Test
  void inputNeverShowsItsPostcodeOrPointWhenPrinted() {
    var input = input("B97 4AB", "redditch", null, new GeoPoint(52.30, -1.95), false);

    assertThat(input.toString()).doesNotContain("4AB").doesNotContain("52.3").contains("redditch");
  }
}
