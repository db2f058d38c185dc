package uk.crossline.model.location;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GazetteerTest {

  private final Gazetteer gazetteer = Gazetteer.bundled();

  @Test
  void bundledGazetteerIsReadOnceAndShared() {
    assertThat(Gazetteer.bundled()).isSameAs(gazetteer);
  }

  @Test
  void memberAndNeighbourDistrictsCarryTheirOnsCodes() {
    assertThat(gazetteer.districts())
        .extracting(District::id, District::onsCode)
        .contains(
            tuple("redditch", "E07000236"),
            tuple("bromsgrove", "E07000234"),
            tuple("wyre-forest", "E07000239"),
            tuple("worcester", "E07000237"),
            tuple("wychavon", "E07000238"),
            tuple("malvern-hills", "E07000235"),
            tuple("stratford-on-avon", "E07000221"),
            tuple("birmingham", "E08000025"),
            tuple("dudley", "E08000027"),
            tuple("solihull", "E08000029"),
            tuple("sandwell", "E08000028"));
    assertThat(gazetteer.district("wyre-forest")).map(District::name).contains("Wyre Forest");
    assertThat(gazetteer.district("atlantis")).isEmpty();
    assertThat(gazetteer.district(null)).isEmpty();
  }

  @ParameterizedTest(name = "{0} lies mostly in {1}")
  @CsvSource({
    "B97, redditch",
    "b98, redditch",
    "B60, bromsgrove",
    "B61, bromsgrove",
    "B48, bromsgrove",
    "DY10, wyre-forest",
    "dy11, wyre-forest",
    "DY13, wyre-forest",
    "WR1, worcester",
    "WR9, wychavon",
    "WR14, malvern-hills",
    "CV37, stratford-on-avon",
    "B80, stratford-on-avon",
    "CV34, warwick",
    "B91, solihull",
    "DY8, dudley",
    "B70, sandwell",
    "B72, birmingham",
    "DY14, shropshire"
  })
  void outwardCodeGivesTheDistrictHoldingMostOfIt(String outward, String districtId) {
    assertThat(gazetteer.districtOfOutward(outward)).map(District::id).contains(districtId);
  }

  @Test
  void splitOutwardCodeGivesItsMainDistrictAndListsItUnderEachDistrictItTouches() {
    // B45 is Rednal and Frankley in Birmingham but Barnt Green, Cofton and Lickey in Bromsgrove;
    // B96 is Astwood Bank in Redditch but Feckenham in Wychavon.
    assertThat(gazetteer.districtOfOutward("B45")).map(District::id).contains("birmingham");
    assertThat(gazetteer.districtOfOutward("B96")).map(District::id).contains("redditch");
    assertThat(gazetteer.outwardCodesOf("bromsgrove")).contains("B45", "B60", "B61", "DY9");
    assertThat(gazetteer.outwardCodesOf("birmingham")).contains("B45");
    assertThat(gazetteer.outwardCodesOf("wychavon")).contains("B96", "WR9");
    assertThat(gazetteer.outwardCodesOf(null)).isEmpty();
  }

  @Test
  void outwardCodesOfTheBriefAreAllKnown() {
    assertThat(gazetteer.knowsOutward("B45")).isTrue();
    assertThat(gazetteer.knowsOutward("B98")).isTrue();
    for (var n = 8; n <= 14; n++) {
      assertThat(gazetteer.knowsOutward("DY" + n)).as("DY%d", n).isTrue();
    }
    for (var n = 1; n <= 15; n++) {
      assertThat(gazetteer.knowsOutward("WR" + n)).as("WR%d", n).isTrue();
    }
    for (var n = 31; n <= 37; n++) {
      assertThat(gazetteer.knowsOutward("CV" + n)).as("CV%d", n).isTrue();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"B1", "SW1A", "B55", "not an outward code", "B97 4AB", ""})
  void outwardCodeOutsideTheGazetteerIsUnknown(String text) {
    assertThat(gazetteer.knowsOutward(text)).isFalse();
    assertThat(gazetteer.districtOfOutward(text)).isEmpty();
    assertThat(gazetteer.centroidOfOutward(text)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"redditch", "bromsgrove", "wyre-forest", "worcester", "wychavon"})
  void everyMemberDistrictAndCloseNeighbourHasWards(String districtId) {
    assertThat(gazetteer.wardsOf(districtId)).isNotEmpty().doesNotHaveDuplicates();
  }

  @Test
  void wardsAreTheDistrictsOwn() {
    assertThat(gazetteer.wardsOf("redditch"))
        .contains("Abbey", "Batchley and Brockhill", "Winyates");
    assertThat(gazetteer.wardsOf("bromsgrove")).contains("Hagley West", "Rubery North", "Sidemoor");
    assertThat(gazetteer.wardsOf("wyre-forest")).contains("Broadwaters", "Mitton", "Lickhill");
    assertThat(gazetteer.wardsOf("redditch")).doesNotContain("Broadwaters");
    assertThat(gazetteer.wardsOf("birmingham")).isEmpty();
    assertThat(gazetteer.wardsOf("atlantis")).isEmpty();
  }

  @ParameterizedTest(name = "sector {0} lies mostly in ward {1}")
  @CsvSource({
    "B97 6, Batchley and Brockhill",
    "b974, Central",
    "B98 9, Church Hill",
    "B61 8, Bromsgrove Central",
    "DY9 0, Hagley West",
    "DY11 5, Franche and Habberley North",
    "DY13 8, Mitton",
    "WR9 8, Droitwich Central"
  })
  void sectorGivesTheWardHoldingMostOfIt(String sector, String ward) {
    assertThat(gazetteer.wardOfSector(sector)).contains(ward);
  }

  @Test
  void sectorWithoutDataGivesNoWard() {
    assertThat(gazetteer.wardOfSector("B45 9")).isEmpty();
    assertThat(gazetteer.wardOfSector("nonsense")).isEmpty();
  }

  @Test
  void wardCentreIsFoundWhateverTheSpellingOfAnd() {
    var written = gazetteer.centroidOfWard("wyre-forest", "Foley Park and Hoobrook");

    assertThat(written).isPresent();
    assertThat(gazetteer.centroidOfWard("wyre-forest", "foley park & hoobrook")).isEqualTo(written);
    assertThat(gazetteer.centroidOfWard("worcester", "St Peters Parish")).isPresent();
    assertThat(gazetteer.centroidOfWard("redditch", "Foley Park and Hoobrook")).isEmpty();
  }

  @Test
  void everyCentreLiesNearItsDistrict() {
    // given hand-typed centroids, where a slipped digit would put a ward in the wrong county:
    // 30 km reaches Hartlebury, the far northern tip of Wychavon, and 60 km the edge of Shropshire
    for (var district : gazetteer.districts()) {
      for (var ward : gazetteer.wardsOf(district.id())) {
        var centre = gazetteer.centroidOfWard(district.id(), ward).orElseThrow();
        assertThat(Haversine.metres(centre, district.centroid()))
            .as("%s in %s", ward, district.name())
            .isLessThan(30_000);
      }
      for (var outward : gazetteer.outwardCodesOf(district.id())) {
        var centre = gazetteer.centroidOfOutward(outward).orElseThrow();
        assertThat(Haversine.metres(centre, district.centroid()))
            .as("%s and %s", outward, district.name())
            .isLessThan(60_000);
      }
    }
  }

  @Test
  void dataThatContradictsItselfIsRefusedNamingTheLine() {
    // given a ward whose outward code lies in another district
    var districts =
        """
        # comment
        id,name,ons_code,lat,lon
        redditch,Redditch,E07000236,52.29,-1.94
        dudley,Dudley,E08000027,52.48,-2.10
        """;
    var outwards =
        """
        outward,district,lat,lon,also_in,note
        B97,redditch,52.30,-1.96,,
        DY8,dudley,52.46,-2.15,,
        """;
    var wards =
        """
        district,ward,outward_codes,lat,lon
        redditch,Abbey,DY8,52.31,-1.93
        """;
    var sectors = "sector,district,ward\n";

    // when / then
    assertThatThrownBy(() -> Gazetteer.fromCsv(districts, outwards, wards, sectors))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("wards.csv line 2")
        .hasMessageContaining("does not touch district redditch");
  }

  @Test
  void swappedLatitudeAndLongitudeAreRefused() {
    var districts = "id,name,ons_code,lat,lon\nredditch,Redditch,E07000236,-1.94,52.29\n";

    assertThatThrownBy(
            () ->
                Gazetteer.fromCsv(
                    districts,
                    "outward,district,lat,lon,also_in,note\n",
                    "district,ward,outward_codes,lat,lon\n",
                    "sector,district,ward\n"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("districts.csv line 2")
        .hasMessageContaining("United Kingdom");
  }

  @Test
  void reorderedColumnsAreRefused() {
    assertThatThrownBy(
            () ->
                Gazetteer.fromCsv(
                    "id,ons_code,name,lat,lon\n",
                    "outward,district,lat,lon,also_in,note\n",
                    "district,ward,outward_codes,lat,lon\n",
                    "sector,district,ward\n"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("header must be id,name,ons_code,lat,lon");
  }
}
