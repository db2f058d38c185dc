package uk.crossline.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.crossline.model.Caller;
import uk.crossline.model.Role;
import uk.crossline.model.access.AccessPolicy;
import uk.crossline.model.policy.CorrelationPolicy;
import uk.crossline.search.SeededPartnership.Seeded;
import uk.crossline.testsupport.CrosslineIntegrationTest;
import uk.crossline.testsupport.DemoTokens;

/**
 * The leak test of links, premises timelines and map tiles: for every demo user who may search,
 * over the {@link SeededPartnership}, the ids, per-token totals, timelines and tile counts the
 * service answers equal the policy's in-memory decision (the oracle), cap included.
 */
@CrosslineIntegrationTest
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LinksPremisesMapLeakIntegrationTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired MockMvc mvc;
  @Autowired ElasticsearchClient client;
  @Autowired AccessPolicy policy;

  private final int cap = CorrelationPolicy.bundled().capPerToken();
  private SeededPartnership seeded;

  @BeforeAll
  void seed() throws Exception {
    seeded = SeededPartnership.seed(client);
  }

  static List<String> searchers() {
    return SeededPartnership.SEARCHERS;
  }

  @ParameterizedTest
  @MethodSource("searchers")
  void linksOfEveryVisibleEventAreExactlyTheOraclesWithTotalsAndCap(String user, DemoTokens tokens)
      throws Exception {
    Caller caller = SeededPartnership.USERS.get(user);
    Set<String> visible = seeded.visibleTo(policy, user);
    boolean analyst = caller.has(Role.LINK_ANALYSIS);
    String token = tokens.accessToken(user);
    // one anchor per phone, person and premises group at least
    List<Seeded> anchors =
        seeded.events().stream()
            .filter(e -> visible.contains(e.id()))
            .limit(SeededPartnership.PHONE_GROUPS * SeededPartnership.PREMISES_GROUPS)
            .toList();
    assertThat(anchors).as("visible anchors for %s", user).isNotEmpty();
    for (Seeded anchor : anchors) {
      String body =
          mvc.perform(
                  get("/api/v1/events/" + anchor.id() + "/links")
                      .header("Authorization", "Bearer " + token)
                      .param("purpose", "leak test of links"))
              .andReturn()
              .getResponse()
              .getContentAsString();
      JsonNode answer = JSON.readTree(body);
      List<String> vias = answer.get("links").findValuesAsString("via");
      assertThat(vias)
          .as("%s links of %s", user, anchor.n())
          .containsExactlyElementsOf(
              analyst ? List.of("IDENTIFIER", "SUBJECT", "PREMISES") : List.of("PREMISES"));
      for (JsonNode link : answer.get("links")) {
        // what the events hold, not the fixture's groups: equal tokens are what links follow
        Function<Seeded, Object> thing =
            switch (link.get("via").asString()) {
              case "IDENTIFIER" -> e -> e.event().report().identifiers().getFirst().token();
              case "SUBJECT" -> e -> e.event().report().subjects().getFirst().token();
              default -> e -> e.event().report().premises().orElseThrow().key();
            };
        Predicate<Seeded> shares = e -> thing.apply(e).equals(thing.apply(anchor));
        List<Seeded> expected =
            seeded.events().stream()
                .filter(e -> visible.contains(e.id()) && !e.id().equals(anchor.id()))
                .filter(shares)
                .sorted(
                    Comparator.comparing((Seeded e) -> e.event().report().observedAt().at())
                        .reversed()
                        .thenComparing(Seeded::id))
                .toList();
        String what = user + " " + link.get("via").asString() + " of " + anchor.n();
        assertThat(link.get("total").asLong()).as(what).isEqualTo(expected.size());
        assertThat(link.get("capped").asBoolean()).as(what).isEqualTo(expected.size() > cap);
        assertThat(link.get("events").findValuesAsString("eventId"))
            .as(what)
            .containsExactlyElementsOf(expected.stream().limit(cap).map(Seeded::id).toList());
      }
      if (!caller.agencyType().name().equals("POLICE")) {
        assertThat(body).as(user).doesNotContain("\"token\"");
        for (int group = 0; group < SeededPartnership.PHONE_GROUPS; group++) {
          assertThat(body).doesNotContain(seeded.phoneToken(group).value());
        }
      }
    }
    for (Seeded hidden : seeded.events()) {
      if (!visible.contains(hidden.id()) && hidden.n() % 3 == 0) {
        int status =
            mvc.perform(
                    get("/api/v1/events/" + hidden.id() + "/links")
                        .header("Authorization", "Bearer " + token)
                        .param("purpose", "leak test of links"))
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(status).as("%s links of hidden %s", user, hidden.n()).isEqualTo(404);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("searchers")
  void premisesTimelinesHoldExactlyTheOraclesFlagsOldestFirst(String user, DemoTokens tokens)
      throws Exception {
    Set<String> visible = seeded.visibleTo(policy, user);
    for (int group = 0; group < SeededPartnership.PREMISES_GROUPS; group++) {
      int premises = group;
      JsonNode answer =
          JSON.readTree(
              mvc.perform(
                      get("/api/v1/premises")
                          .header("Authorization", "Bearer " + tokens.accessToken(user))
                          .param("purpose", "leak test of premises")
                          .param("uprn", seeded.uprn(group)))
                  .andReturn()
                  .getResponse()
                  .getContentAsString());
      List<String> expected =
          seeded.events().stream()
              .filter(e -> visible.contains(e.id()) && e.premisesGroup() == premises)
              .sorted(
                  Comparator.comparing((Seeded e) -> e.event().report().observedAt().at())
                      .thenComparing(Seeded::id))
              .map(Seeded::id)
              .toList();
      assertThat(answer.get("events").findValuesAsString("eventId"))
          .as("%s premises %s", user, group)
          .containsExactlyElementsOf(expected);
      assertThat(answer.get("total").asLong()).isEqualTo(expected.size());
      long agencies =
          seeded.events().stream()
              .filter(e -> visible.contains(e.id()) && e.premisesGroup() == premises)
              .map(e -> e.event().agency().id())
              .distinct()
              .count();
      assertThat(answer.get("agencies").size()).isEqualTo(agencies);
      boolean mayLearn =
          seeded.events().stream()
              .filter(e -> e.premisesGroup() == premises)
              .anyMatch(e -> policy.mayLearnOfMatch(SeededPartnership.USERS.get(user), e.access()));
      assertThat(answer.at("/otherMatches/exists").asBoolean())
          .as("%s premises %s hit / no-hit", user, group)
          .isEqualTo(mayLearn);
    }
  }

  @ParameterizedTest
  @MethodSource("searchers")
  void mapTileCountsSumToTheOraclesVisibleTotal(String user, DemoTokens tokens) throws Exception {
    Set<String> visible = seeded.visibleTo(policy, user);
    long located =
        seeded.events().stream()
            .filter(e -> visible.contains(e.id()))
            .filter(e -> e.event().report().location().point().isPresent())
            .count();
    for (String zoom : List.of("6", "14")) {
      JsonNode map =
          JSON.readTree(
              mvc.perform(
                      get("/api/v1/search/map")
                          .header("Authorization", "Bearer " + tokens.accessToken(user))
                          .param("purpose", "leak test of the map")
                          .param("q", seeded.marker())
                          .param("zoom", zoom))
                  .andReturn()
                  .getResponse()
                  .getContentAsString());
      List<Long> counts = new ArrayList<>();
      map.get("tiles").forEach(tile -> counts.add(tile.get("count").asLong()));
      assertThat(map.get("total").asLong()).as("%s map total", user).isEqualTo(visible.size());
      assertThat(counts.stream().mapToLong(Long::longValue).sum())
          .as("%s tiles at zoom %s", user, zoom)
          .isEqualTo(located);
    }
  }
}
