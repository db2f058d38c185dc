package uk.crossline.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SearchLoadTest {

  @Test
  void theRawQueryIsTheHubsQueryWithoutTheAccessFilter() {
    // given a police analyst's search for a word in a category
    var search =
        new SearchLoad.Search(
            "police.analyst",
            Map.of("purpose", "p", "q", "phone", "category", "DRUG_DEALING", "size", "20"));
    // when it is written for Elasticsearch directly
    JsonNode query = Http.JSON.readTree(SearchLoad.rawQuery(search));
    // then it has the text, the filter, the page, the sort, every facet, and nothing else filtered
    assertThat(query.at("/query/bool/must/0/match/summary/query").asString()).isEqualTo("phone");
    assertThat(query.at("/query/bool/filter")).hasSize(1);
    assertThat(query.at("/query/bool/filter/0/terms/category/0").asString())
        .isEqualTo("DRUG_DEALING");
    assertThat(query.path("size").asInt()).isEqualTo(20);
    assertThat(query.path("track_total_hits").asBoolean()).isTrue();
    assertThat(query.path("sort")).hasSize(2);
    assertThat(query.path("aggs").propertyNames())
        .containsAll(SearchLoad.FACETS.keySet())
        .containsAll(SearchLoad.GRADING_FACETS.keySet())
        .contains("month");
  }

  @Test
  void councilsGetNoGradingFacetsAsInTheHub() {
    var search =
        new SearchLoad.Search("redditch.cso", Map.of("purpose", "p", "district", "redditch"));
    JsonNode query = Http.JSON.readTree(SearchLoad.rawQuery(search));
    assertThat(query.path("aggs").propertyNames())
        .doesNotContainAnyElementsOf(SearchLoad.GRADING_FACETS.keySet());
    assertThat(query.at("/query/bool/must").isMissingNode()).isTrue();
  }

  @Test
  void everySearchHasAPurpose() {
    var random = new SplittableRandom(1);
    for (int i = 0; i < 100; i++) {
      assertThat(SearchLoad.draw("ts.officer", random, List.of("phone", "vape")).parameters())
          .containsKey("purpose")
          .containsEntry("size", "20");
    }
  }
}
