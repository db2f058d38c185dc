package uk.crossline.portal.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.crossline.model.location.District;
import uk.crossline.model.location.Gazetteer;

class DistrictShapesTest {

  private final DistrictShapes shapes = new DistrictShapes();

  @Test
  void everyDistrictOfTheGazetteerHasItsBoundaryUnderItsIdAndName() {
    List<District> districts = Gazetteer.bundled().districts();

    assertThat(shapes.shapes())
        .extracting(Shape::id)
        .containsExactlyElementsOf(districts.stream().map(District::id).toList());
    assertThat(shapes.shapes())
        .extracting(Shape::name)
        .containsExactlyElementsOf(districts.stream().map(District::name).toList());
    assertThat(shapes.shapes()).allSatisfy(s -> assertThat(s.rings()).isNotEmpty());
  }

  @Test
  void thePartnershipsTownCentresLieInTheirOwnDistricts() {
    assertThat(shapes.districtAt(-1.940, 52.306).map(Shape::id)).contains("redditch");
    assertThat(shapes.districtAt(-2.058, 52.335).map(Shape::id)).contains("bromsgrove");
    assertThat(shapes.districtAt(-2.248, 52.388).map(Shape::id)).contains("wyre-forest");
    assertThat(shapes.districtAt(-1.898, 52.479).map(Shape::id)).contains("birmingham");
    assertThat(shapes.districtAt(0.0, 51.5)).isEmpty();
  }

  @Test
  void fileStaysSmallAndCarriesTheCrownCopyrightAttribution() throws Exception {
    try (InputStream in = DistrictShapes.class.getResourceAsStream(DistrictShapes.RESOURCE)) {
      assertThat(in.readAllBytes().length).isLessThan(200_000);
    }
    assertThat(shapes.attribution())
        .contains("Contains National Statistics data © Crown copyright and database right")
        .contains("Contains OS data © Crown copyright and database right");
  }
}
