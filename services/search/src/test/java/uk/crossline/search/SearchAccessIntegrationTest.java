package uk.crossline.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.crossline.model.Role;
import uk.crossline.model.access.AccessPolicy;
import uk.crossline.model.event.IntelligenceReported;
import uk.crossline.model.vocabulary.HandlingCode;
import uk.crossline.testsupport.CrosslineIntegrationTest;
import uk.crossline.testsupport.DemoTokens;

/**
 * The leak test of search and event detail: the {@link SeededPartnership} (every marking, scope,
 * agreement, grant and retraction) searched by every demo agency through the real service on the
 * real Elasticsearch with real tokens. The ids, the total and the category counts each caller gets
 * must be exactly those the policy's in-memory decision allows.
 */
@CrosslineIntegrationTest
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchAccessIntegrationTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired MockMvc mvc;
  @Autowired ElasticsearchClient client;
  @Autowired AccessPolicy policy;
  @Autowired JwtDecoder jwtDecoder;

  private SeededPartnership seeded;
  private String marker;

  @BeforeAll
  void seed() throws Exception {
    seeded = SeededPartnership.seed(client);
    marker = seeded.marker();
  }

  @Test
  void theFixturesDemoUsersAreTheRealmsAsTheirTokensSayIt(DemoTokens tokens) {
    SeededPartnership.USERS.forEach(
        (user, caller) -> {
          Jwt jwt = jwtDecoder.decode(tokens.accessToken(user));
          assertThat(jwt.getClaimAsString("agency")).as(user).isEqualTo(caller.agency().value());
          assertThat(jwt.getClaimAsString("agency_type"))
              .as(user)
              .isEqualTo(caller.agencyType().name());
          Set<String> roles = new HashSet<>(jwt.getClaimAsStringList("roles"));
          roles.retainAll(Arrays.stream(Role.values()).map(Enum::name).toList());
          assertThat(roles)
              .as(user)
              .isEqualTo(caller.roles().stream().map(Enum::name).collect(Collectors.toSet()));
        });
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "police.analyst",
        "wmp.analyst",
        "ts.officer",
        "redditch.cso",
        "bromsgrove.cso",
        "wyreforest.cso"
      })
  void everyAgencyGetsExactlyTheEventsThePolicyAllowsInHitsTotalAndFacets(
      String user, DemoTokens tokens) throws Exception {
    Set<String> expected = seeded.visibleTo(policy, user);
    Map<String, Long> expectedByCategory = new HashMap<>();
    for (SeededPartnership.Seeded event : seeded.events()) {
      if (expected.contains(event.id())) {
        expectedByCategory.merge(event.event().report().category().name(), 1L, Long::sum);
      }
    }

    Set<String> found = new HashSet<>();
    JsonNode first = null;
    String after = null;
    do {
      var request =
          get("/api/v1/search")
              .header("Authorization", "Bearer " + tokens.accessToken(user))
              .param("purpose", "leak test of the access rules")
              .param("q", marker)
              .param("size", "100");
      if (after != null) {
        request.param("after", after);
      }
      JsonNode page =
          JSON.readTree(
              mvc.perform(request)
                  .andExpect(status().isOk())
                  .andReturn()
                  .getResponse()
                  .getContentAsString());
      if (first == null) {
        first = page;
      }
      page.get("hits").forEach(hit -> found.add(hit.get("eventId").asString()));
      after = page.has("next") && !page.get("next").isNull() ? page.get("next").asString() : null;
    } while (after != null);

    assertThat(found).as("ids %s may see", user).isEqualTo(expected);
    assertThat(first.get("total").asLong()).as("total for %s", user).isEqualTo(expected.size());
    Map<String, Long> facet = new HashMap<>();
    first
        .get("facets")
        .get("category")
        .properties()
        .forEach(e -> facet.put(e.getKey(), e.getValue().asLong()));
    assertThat(facet).as("category facet for %s", user).isEqualTo(expectedByCategory);
  }

  @ParameterizedTest
  @ValueSource(strings = {"police.analyst", "wmp.analyst", "ts.officer", "redditch.cso"})
  void eventDetailAnswersOnlyForEventsThePolicyAllowsAndLooksTheSameOtherwise(
      String user, DemoTokens tokens) throws Exception {
    Set<String> visibleIds = seeded.visibleTo(policy, user);
    String token = tokens.accessToken(user);
    for (int i = 0; i < seeded.events().size(); i += 2) {
      IntelligenceReported event = seeded.events().get(i).event();
      boolean visible = visibleIds.contains(event.eventId().value());
      var answer =
          mvc.perform(
                  get("/api/v1/events/" + event.eventId())
                      .header("Authorization", "Bearer " + token)
                      .param("purpose", "leak test of event detail"))
              .andReturn()
              .getResponse();
      assertThat(answer.getStatus())
          .as("%s viewing %s", user, event.report().marking().tlp())
          .isEqualTo(visible ? 200 : 404);
      if (!visible) {
        assertThat(answer.getContentAsString()).doesNotContain(marker);
      }
    }
  }

  @Test
  void handlingConditionsAreShownWithTheEventToEveryoneWhoSeesIt(DemoTokens tokens)
      throws Exception {
    Set<String> visible = seeded.visibleTo(policy, "redditch.cso");
    IntelligenceReported conditional =
        seeded.events().stream()
            .map(SeededPartnership.Seeded::event)
            .filter(
                e ->
                    e.report()
                        .grading()
                        .filter(grading -> grading.handling() == HandlingCode.C)
                        .isPresent())
            .filter(e -> visible.contains(e.eventId().value()))
            .findFirst()
            .orElseThrow();

    mvc.perform(
            get("/api/v1/events/" + conditional.eventId())
                .header("Authorization", "Bearer " + tokens.accessToken("redditch.cso"))
                .param("purpose", "handling conditions check"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.grading.conditions").value(SeededPartnership.CONDITIONS))
        .andExpect(jsonPath("$.grading.source").doesNotExist());
  }

  @Test
  void nonPoliceCallerNeverSeesIdentifierTokensOrGradingDetail(DemoTokens tokens) throws Exception {
    var body =
        mvc.perform(
                get("/api/v1/search")
                    .header("Authorization", "Bearer " + tokens.accessToken("redditch.cso"))
                    .param("purpose", "field rule check")
                    .param("q", marker)
                    .param("size", "100"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(JSON.readTree(body).get("hits").size()).isPositive();
    assertThat(body).doesNotContain("\"token\"").doesNotContain("\"intelligence\"");
  }

  @Test
  void policeAnalystSeesIdentifierTokensAndGradingDetail(DemoTokens tokens) throws Exception {
    var body =
        mvc.perform(
                get("/api/v1/search")
                    .header("Authorization", "Bearer " + tokens.accessToken("police.analyst"))
                    .param("purpose", "field rule check")
                    .param("q", marker)
                    .param("size", "100"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(body).contains("\"token\"").contains("\"intelligence\"");
  }

  @Test
  void agenciesThatSubmitOnlyMayNotSearch(DemoTokens tokens) throws Exception {
    for (String user : List.of("school.lead", "youth.mentor", "wychavon.officer")) {
      mvc.perform(
              get("/api/v1/search")
                  .header("Authorization", "Bearer " + tokens.accessToken(user))
                  .param("purpose", "should not be allowed")
                  .param("q", marker))
          .andExpect(status().isForbidden());
    }
  }

  @Test
  void searchWithoutAPurposeIsRefused(DemoTokens tokens) throws Exception {
    mvc.perform(
            get("/api/v1/search")
                .header("Authorization", "Bearer " + tokens.accessToken("police.analyst"))
                .param("q", marker))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("purpose"));
  }

  @Test
  void unknownFilterBadDateAndQuerySyntaxAreRefusedOrHarmless(DemoTokens tokens) throws Exception {
    String token = tokens.accessToken("police.analyst");
    mvc.perform(
            get("/api/v1/search")
                .header("Authorization", "Bearer " + token)
                .param("purpose", "bad input check")
                .param("colour", "red"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("colour"));
    mvc.perform(
            get("/api/v1/search")
                .header("Authorization", "Bearer " + token)
                .param("purpose", "bad input check")
                .param("from", "last tuesday"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("from"));
    mvc.perform(
            get("/api/v1/search")
                .header("Authorization", "Bearer " + token)
                .param("purpose", "bad input check")
                .param("q", "marking.tlp:RED OR * {\"script\": \"1\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(0));
  }
}
