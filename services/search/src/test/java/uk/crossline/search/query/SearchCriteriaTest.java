package uk.crossline.search.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import uk.crossline.kit.problem.ProblemException;

class SearchCriteriaTest {

  @Test
  void gradingFiltersAreReadAsTheProjectionStoresThemAndMarkedAsGradingDetail() {
    SearchCriteria criteria =
        SearchCriteria.read(
            parameters(
                "source", "1,UNTESTED", "intelligence", "A", "handling", "C", "graded", "TRUE"));

    assertThat(criteria.filters())
        .containsEntry("grading.source", List.of("1", "2"))
        .containsEntry("grading.intelligence", List.of("A"))
        .containsEntry("grading.handling", List.of("C"))
        .containsEntry("grading.graded", List.of("true"));
    assertThat(criteria.gradingDetail()).containsExactly("handling", "intelligence", "source");
  }

  @Test
  void gradedAloneIsNotGradingDetail() {
    assertThat(SearchCriteria.read(parameters("graded", "false")).gradingDetail()).isEmpty();
  }

  @Test
  void badGradingValuesAreRefusedNamingTheField() {
    assertRefused(parameters("source", "4"), "source");
    assertRefused(parameters("intelligence", "F"), "intelligence");
    assertRefused(parameters("handling", "X"), "handling");
    assertRefused(parameters("graded", "maybe"), "graded");
  }

  @Test
  void sortIsNewestByDefaultAndRelevanceNeedsText() {
    assertThat(SearchCriteria.read(parameters()).sort()).isEqualTo(SearchCriteria.Sort.NEWEST);
    assertThat(SearchCriteria.read(parameters("sort", "Oldest")).sort())
        .isEqualTo(SearchCriteria.Sort.OLDEST);
    assertThat(SearchCriteria.read(parameters("sort", "relevance", "q", "vapes")).sort())
        .isEqualTo(SearchCriteria.Sort.RELEVANCE);
    assertRefused(parameters("sort", "relevance"), "sort");
    assertRefused(parameters("sort", "random"), "sort");
  }

  @Test
  void mapNeedsABoundedZoomAndTakesNoPagingParameters() {
    assertThat(SearchCriteria.readForMap(parameters("zoom", "14")).zoom()).isEqualTo(14);
    assertRefused(() -> SearchCriteria.readForMap(parameters()), "zoom");
    assertRefused(() -> SearchCriteria.readForMap(parameters("zoom", "15")), "zoom");
    assertRefused(() -> SearchCriteria.readForMap(parameters("zoom", "10", "after", "x")), "after");
  }

  @Test
  void mapTileCentreIsInsideItsTile() {
    // tile 12/2025/1347 covers Redditch
    MapResult.Point centre = MapResult.Point.ofTile("12/2025/1347");

    assertThat(centre.lat()).isBetween(52.2, 52.4);
    assertThat(centre.lon()).isBetween(-2.0, -1.8);
  }

  private static void assertRefused(MultiValueMap<String, String> parameters, String field) {
    assertRefused(() -> SearchCriteria.read(parameters), field);
  }

  private static void assertRefused(Runnable read, String field) {
    assertThatThrownBy(read::run)
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.errors()).extracting("field").contains(field));
  }

  private static MultiValueMap<String, String> parameters(String... namesAndValues) {
    MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
    parameters.add("purpose", "unit test of criteria");
    for (int i = 0; i < namesAndValues.length; i += 2) {
      parameters.add(namesAndValues[i], namesAndValues[i + 1]);
    }
    return parameters;
  }
}
