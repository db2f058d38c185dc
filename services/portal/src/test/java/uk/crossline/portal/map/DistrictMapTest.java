package uk.crossline.portal.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;

class DistrictMapTest {

  private final DistrictShapes shapes = new DistrictShapes();

  @Test
  void districtsAreShadedByTheirCountsAndLinkToTheirSearch() {
    DistrictMap map =
        DistrictMap.draw(
            shapes, Map.of("redditch", 12L, "bromsgrove", 1L), List.of(), id -> "/search#" + id);

    DistrictMap.Area redditch = area(map, "redditch");
    assertThat(redditch.count()).isEqualTo(12);
    assertThat(redditch.colour()).isEqualTo(ColourScale.BLUES.getLast());
    assertThat(redditch.href()).isEqualTo("/search#redditch");
    assertThat(redditch.title()).isEqualTo("Redditch: 12 reports");
    assertThat(redditch.path()).startsWith("M").endsWith("Z");
    assertThat(area(map, "bromsgrove").title()).isEqualTo("Bromsgrove: 1 report");
    assertThat(area(map, "worcester").colour()).isEqualTo(ColourScale.NONE);
    assertThat(map.viewBox()).startsWith("0 0 640.0 ");
  }

  @Test
  void gridPointsAreSizedByCountNamedByTheirDistrictAndDroppedOffTheMap() {
    List<DistrictMap.Tile> tiles =
        List.of(
            new DistrictMap.Tile(2, 52.306, -1.940),
            new DistrictMap.Tile(8, 52.335, -2.058),
            new DistrictMap.Tile(5, 51.5, 0.0)); // London: not on this map

    DistrictMap map = DistrictMap.draw(shapes, Map.of(), tiles, id -> "");

    assertThat(map.points()).extracting(DistrictMap.Point::count).containsExactly(8L, 2L);
    assertThat(map.points().getFirst().r()).isEqualTo("14.0");
    assertThat(map.points().getFirst().title()).isEqualTo("8 reports near here, in Bromsgrove");
    assertThat(map.points().get(1).near()).isEqualTo("Redditch");
    assertThat(Double.parseDouble(map.points().get(1).r())).isBetween(3.0, 14.0);
  }

  @Test
  void searchLinkCarriesTheMapsFiltersAndTheDistrict() {
    var asked = new LinkedMultiValueMap<String, String>();
    asked.add("q", "free vapes");
    asked.add("category", "DEAL_LINE");
    asked.add("category", "CUCKOOING");

    assertThat(MapController.search(asked, "wyre-forest"))
        .isEqualTo(
            "/search?q=free%20vapes&category=DEAL_LINE&category=CUCKOOING&district=wyre-forest");
  }

  private static DistrictMap.Area area(DistrictMap map, String id) {
    return map.areas().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
  }
}
