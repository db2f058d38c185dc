package uk.crossline.search.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.crossline.model.event.Grading;
import uk.crossline.model.event.IntelligenceReported;
import uk.crossline.model.vocabulary.HandlingCode;
import uk.crossline.model.vocabulary.IntelligenceAssessment;
import uk.crossline.model.vocabulary.SourceEvaluation;
import uk.crossline.model.vocabulary.Tlp;
import uk.crossline.testsupport.CrosslineIntegrationTest;
import uk.crossline.testsupport.DemoTokens;

/** Grading filters and facets, sort orders with their cursors, and map tiles, on the real stack. */
@CrosslineIntegrationTest
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchQueryIntegrationTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired MockMvc mvc;
  @Autowired ElasticsearchClient client;

  private final String marker = TestEvents.marker("query");
  private final List<IntelligenceReported> seeded = new ArrayList<>();
  private IntelligenceReported hidden;

  @BeforeAll
  void seed() throws Exception {
    seeded.add(
        event(0, "2026-11-01", "2026-11-20", grade(SourceEvaluation.RELIABLE, "A", "P"))
            .by(TestEvents.WEST_MERCIA)
            .point(52.30, -1.94)
            .build());
    seeded.add(
        TestEvents.event(marker, 1)
            .by(TestEvents.TRADING_STANDARDS)
            .observed(Instant.parse("2026-11-03T10:00:00Z"))
            .submitted(Instant.parse("2026-11-10T10:00:00Z"))
            .point(52.335, -2.06)
            .build());
    seeded.add(
        event(2, "2026-11-05", "2026-11-06", grade(SourceEvaluation.UNTESTED, "B", "C"))
            .by(TestEvents.REDDITCH)
            .point(52.31, -1.95)
            .build());
    seeded.add(
        event(3, "2026-11-07", "2026-11-08", grade(SourceEvaluation.NOT_RELIABLE, "E", "P"))
            .point(52.39, -2.25)
            .build());
    seeded.add(
        event(4, "2026-11-11", "2026-11-12", grade(SourceEvaluation.RELIABLE, "C", "P"))
            .point(52.30, -1.94)
            .build());
    hidden =
        event(5, "2026-11-09", "2026-11-09", grade(SourceEvaluation.RELIABLE, "A", "P"))
            .by(TestEvents.WEST_MIDLANDS)
            .tlp(Tlp.RED)
            .point(52.30, -1.94)
            .build();
    List<IntelligenceReported> all = new ArrayList<>(seeded);
    all.add(hidden);
    TestEvents.index(client, all);
  }

  @Test
  void policeAnalystFiltersAndFacetsOnGradingDetail(DemoTokens tokens) throws Exception {
    JsonNode answer = ok(search("police.analyst", tokens).param("source", "1"));

    assertThat(ids(answer)).containsExactlyInAnyOrder(id(0), id(4));
    assertThat(answer.at("/facets/source/1").asLong()).isEqualTo(2);
    assertThat(answer.at("/facets/intelligence").properties()).isNotEmpty();

    JsonNode handledWithConditions =
        ok(search("police.analyst", tokens).param("handling", "C").param("intelligence", "B"));
    assertThat(ids(handledWithConditions)).containsExactly(id(2));
  }

  @Test
  void councilIsRefusedGradingDetailFiltersNamingTheFieldAndGetsNoGradingFacets(DemoTokens tokens)
      throws Exception {
    for (String field : List.of("source", "intelligence", "handling")) {
      mvc.perform(search("redditch.cso", tokens).param(field, field.equals("source") ? "1" : "C"))
          .andExpect(status().isForbidden())
          .andExpect(jsonPath("$.errors[0].field").value(field));
    }
    JsonNode answer = ok(search("redditch.cso", tokens));
    assertThat(answer.get("facets").has("source")).isFalse();
    assertThat(answer.get("facets").has("intelligence")).isFalse();
    assertThat(answer.get("facets").has("handling")).isFalse();
  }

  @Test
  void gradedFilterIsOpenToEveryoneWhoSearches(DemoTokens tokens) throws Exception {
    JsonNode ungraded = ok(search("redditch.cso", tokens).param("graded", "false"));
    JsonNode graded = ok(search("redditch.cso", tokens).param("graded", "true"));

    assertThat(ids(ungraded)).containsExactly(id(1));
    assertThat(ids(graded)).containsExactlyInAnyOrder(id(0), id(2), id(3), id(4));
    assertThat(ok(search("redditch.cso", tokens)).at("/facets/graded/true").asLong()).isEqualTo(4);
  }

  @Test
  void sortOrdersByObservedBothWaysBySubmissionAndByRelevance(DemoTokens tokens) throws Exception {
    List<String> newest = ids(ok(search("police.analyst", tokens)));
    List<String> oldest = ids(ok(search("police.analyst", tokens).param("sort", "oldest")));
    List<String> submitted = ids(ok(search("police.analyst", tokens).param("sort", "submitted")));

    assertThat(newest).containsExactly(id(4), id(3), id(2), id(1), id(0));
    assertThat(oldest).containsExactly(id(0), id(1), id(2), id(3), id(4));
    assertThat(submitted)
        .isEqualTo(
            seeded.stream()
                .sorted(Comparator.comparing(IntelligenceReported::submittedAt).reversed())
                .map(e -> e.eventId().value())
                .toList());
    assertThat(ids(ok(search("police.analyst", tokens).param("sort", "relevance")))).hasSize(5);
    mvc.perform(
            get("/api/v1/search")
                .header("Authorization", "Bearer " + tokens.accessToken("police.analyst"))
                .param("purpose", "sort check")
                .param("sort", "relevance"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("sort"));
  }

  @Test
  void cursorPagesItsOwnSortAndIsRefusedForAnother(DemoTokens tokens) throws Exception {
    List<String> paged = new ArrayList<>();
    String after = null;
    do {
      var request = search("police.analyst", tokens).param("sort", "oldest").param("size", "2");
      if (after != null) {
        request.param("after", after);
      }
      JsonNode page = ok(request);
      paged.addAll(ids(page));
      after = page.hasNonNull("next") ? page.get("next").asString() : null;
    } while (after != null);
    assertThat(paged).containsExactly(id(0), id(1), id(2), id(3), id(4));

    String newestCursor =
        ok(search("police.analyst", tokens).param("size", "2")).get("next").asString();
    mvc.perform(
            search("police.analyst", tokens)
                .param("sort", "oldest")
                .param("size", "2")
                .param("after", newestCursor))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("after"));
  }

  @Test
  void mapTilesCountExactlyTheVisibleEvents(DemoTokens tokens) throws Exception {
    for (String user : List.of("police.analyst", "redditch.cso", "wmp.analyst")) {
      JsonNode search = ok(search(user, tokens));
      JsonNode map =
          ok(
              get("/api/v1/search/map")
                  .header("Authorization", "Bearer " + tokens.accessToken(user))
                  .param("purpose", "map check " + marker)
                  .param("q", marker)
                  .param("zoom", "12"));

      long sum = 0;
      for (JsonNode tile : map.get("tiles")) {
        sum += tile.get("count").asLong();
        assertThat(tile.at("/centre/lat").asDouble()).isBetween(52.0, 53.0);
      }
      assertThat(sum).as(user).isEqualTo(search.get("total").asLong());
      assertThat(map.get("total").asLong()).as(user).isEqualTo(search.get("total").asLong());
      assertThat(map.get("located").asLong()).isEqualTo(sum);
    }
    long policeTotal = ok(search("police.analyst", tokens)).get("total").asLong();
    long wmpTotal = ok(search("wmp.analyst", tokens)).get("total").asLong();
    assertThat(policeTotal).isEqualTo(5);
    assertThat(wmpTotal).isEqualTo(6);
  }

  @Test
  void mapZoomIsRequiredAndBounded(DemoTokens tokens) throws Exception {
    for (String zoom : List.of("0", "15", "street")) {
      mvc.perform(
              get("/api/v1/search/map")
                  .header("Authorization", "Bearer " + tokens.accessToken("police.analyst"))
                  .param("purpose", "map check")
                  .param("zoom", zoom))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.errors[0].field").value("zoom"));
    }
    mvc.perform(
            get("/api/v1/search/map")
                .header("Authorization", "Bearer " + tokens.accessToken("redditch.cso"))
                .param("purpose", "map check")
                .param("zoom", "10")
                .param("source", "1"))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.errors[0].field").value("source"));
  }

  @Test
  void openApiDescribesSearchMapLinksAndPremises() throws Exception {
    JsonNode paths = ok(get("/v3/api-docs")).get("paths");

    assertThat(paths.has("/api/v1/search")).isTrue();
    assertThat(paths.has("/api/v1/search/map")).isTrue();
    assertThat(paths.has("/api/v1/events/{eventId}/links")).isTrue();
    assertThat(paths.has("/api/v1/premises")).isTrue();
  }

  private TestEvents.Builder event(int n, String observed, String submitted, Grading grading) {
    return TestEvents.event(marker, n)
        .observed(Instant.parse(observed + "T10:00:00Z"))
        .submitted(Instant.parse(submitted + "T10:00:00Z"))
        .grading(grading);
  }

  private static Grading grade(SourceEvaluation source, String intelligence, String handling) {
    HandlingCode code = HandlingCode.valueOf(handling);
    return new Grading(
        source,
        IntelligenceAssessment.valueOf(intelligence),
        code,
        code == HandlingCode.C
            ? Optional.of("Not to be shared beyond the partnership")
            : Optional.empty());
  }

  private MockHttpServletRequestBuilder search(String user, DemoTokens tokens) {
    return get("/api/v1/search")
        .header("Authorization", "Bearer " + tokens.accessToken(user))
        .param("purpose", "query test " + marker)
        .param("q", marker);
  }

  private JsonNode ok(MockHttpServletRequestBuilder request) throws Exception {
    return JSON.readTree(
        mvc.perform(request)
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString());
  }

  private static List<String> ids(JsonNode answer) {
    return answer.get("hits").findValuesAsString("eventId");
  }

  private String id(int n) {
    return seeded.get(n).eventId().value();
  }
}
