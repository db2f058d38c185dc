package uk.crossline.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.crossline.model.AgencyId;
import uk.crossline.model.AgencyType;
import uk.crossline.model.Caller;
import uk.crossline.model.Role;
import uk.crossline.model.access.AccessPolicy;
import uk.crossline.model.access.EventAccess;
import uk.crossline.model.event.EventId;
import uk.crossline.model.event.Grading;
import uk.crossline.model.event.IdentifierRef;
import uk.crossline.model.event.IntelligenceReport;
import uk.crossline.model.event.IntelligenceReported;
import uk.crossline.model.event.Location;
import uk.crossline.model.event.Marking;
import uk.crossline.model.event.ObservedAt;
import uk.crossline.model.event.OriginatingAgency;
import uk.crossline.model.event.SharingScope;
import uk.crossline.model.projection.IntelligenceDocuments;
import uk.crossline.model.projection.IntelligenceIndex;
import uk.crossline.model.pseudonymisation.KeyRing;
import uk.crossline.model.pseudonymisation.Pseudonymiser;
import uk.crossline.model.vocabulary.Category;
import uk.crossline.model.vocabulary.HandlingCode;
import uk.crossline.model.vocabulary.IdentifierType;
import uk.crossline.model.vocabulary.IntelligenceAssessment;
import uk.crossline.model.vocabulary.SourceEvaluation;
import uk.crossline.model.vocabulary.Tlp;
import uk.crossline.testsupport.CrosslineIntegrationTest;
import uk.crossline.testsupport.DemoTokens;

/**
 * The leak test, first cut: a seeded set covering every marking, every scope and every agreement,
 * searched by every demo agency through the real service on the real Elasticsearch with real
 * tokens. The ids, the total and the category counts each caller gets must be exactly those the
 * policy's in-memory decision allows.
 */
@CrosslineIntegrationTest
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchAccessIntegrationTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String CONDITIONS = "Not to be disclosed to the subject's family";

  /** The demo users of the realm that may search, as their tokens describe them. */
  private static final Map<String, Caller> SEARCHERS =
      Map.of(
          "police.analyst",
              caller(
                  "police.analyst",
                  "west-mercia-police",
                  AgencyType.POLICE,
                  Role.SEARCH,
                  Role.LINK_ANALYSIS),
          "wmp.analyst",
              caller(
                  "wmp.analyst",
                  "west-midlands-police",
                  AgencyType.POLICE,
                  Role.SEARCH,
                  Role.LINK_ANALYSIS),
          "ts.officer",
              caller(
                  "ts.officer",
                  "worcs-trading-standards",
                  AgencyType.TRADING_STANDARDS,
                  Role.SEARCH,
                  Role.FLAG_PREMISES),
          "redditch.cso",
              caller("redditch.cso", "redditch-bc", AgencyType.LOCAL_AUTHORITY, Role.SEARCH),
          "bromsgrove.cso",
              caller("bromsgrove.cso", "bromsgrove-dc", AgencyType.LOCAL_AUTHORITY, Role.SEARCH),
          "wyreforest.cso",
              caller("wyreforest.cso", "wyre-forest-dc", AgencyType.LOCAL_AUTHORITY, Role.SEARCH));

  @Autowired MockMvc mvc;
  @Autowired ElasticsearchClient client;
  @Autowired AccessPolicy policy;

  private final String marker = "leakcheck" + UUID.randomUUID().toString().replace("-", "");
  private final List<IntelligenceReported> seeded = new ArrayList<>();

  @BeforeAll
  void seed() throws Exception {
    var pseudonymiser = new Pseudonymiser(KeyRing.demo());
    List<OriginatingAgency> originators =
        List.of(
            agency("west-mercia-police", AgencyType.POLICE, "redditch"),
            agency("west-midlands-police", AgencyType.POLICE, "birmingham"),
            agency("worcs-trading-standards", AgencyType.TRADING_STANDARDS, "redditch"),
            agency("redditch-bc", AgencyType.LOCAL_AUTHORITY, "redditch"),
            agency("nw-schools-safeguarding", AgencyType.EDUCATION, "bromsgrove"));
    List<SharingScope> scopes =
        List.of(
            SharingScope.none(),
            new SharingScope(Set.of(AgencyId.of("redditch-bc")), Set.of()),
            new SharingScope(Set.of(AgencyId.of("west-midlands-police")), Set.of()),
            new SharingScope(Set.of(), Set.of(AgencyType.LOCAL_AUTHORITY)),
            new SharingScope(Set.of(), Set.of(AgencyType.TRADING_STANDARDS, AgencyType.POLICE)));
    int n = 0;
    for (OriginatingAgency originator : originators) {
      for (Tlp tlp : Tlp.values()) {
        for (SharingScope scope : scopes) {
          if (!scope.isEmpty() && tlp != Tlp.AMBER && tlp != Tlp.AMBER_STRICT) {
            continue;
          }
          if (tlp == Tlp.AMBER_STRICT && !scope.agencyTypes().isEmpty()) {
            continue;
          }
          for (Category category : List.of(Category.DEAL_LINE, Category.VAPE_SUPPLY_TO_MINORS)) {
            seeded.add(event(originator, tlp, scope, category, n++, pseudonymiser));
          }
        }
      }
    }
    String index = liveIndex();
    List<BulkOperation> operations = new ArrayList<>();
    for (IntelligenceReported event : seeded) {
      Map<String, Object> source = IntelligenceDocuments.source(event, Instant.now());
      operations.add(
          BulkOperation.of(
              b -> b.index(i -> i.index(index).id(event.eventId().value()).document(source))));
    }
    var response = client.bulk(BulkRequest.of(b -> b.operations(operations).refresh(Refresh.True)));
    assertThat(response.errors()).isFalse();
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
    Caller caller = SEARCHERS.get(user);
    Set<String> expected = new HashSet<>();
    Map<String, Long> expectedByCategory = new HashMap<>();
    for (IntelligenceReported event : seeded) {
      if (policy.canSee(caller, EventAccess.of(event))) {
        expected.add(event.eventId().value());
        expectedByCategory.merge(event.report().category().name(), 1L, Long::sum);
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
    Caller caller = SEARCHERS.get(user);
    String token = tokens.accessToken(user);
    for (int i = 0; i < seeded.size(); i += 2) {
      IntelligenceReported event = seeded.get(i);
      boolean visible = policy.canSee(caller, EventAccess.of(event));
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
    Caller council = SEARCHERS.get("redditch.cso");
    IntelligenceReported conditional =
        seeded.stream()
            .filter(e -> e.report().grading().orElseThrow().handling() == HandlingCode.C)
            .filter(e -> policy.canSee(council, EventAccess.of(e)))
            .findFirst()
            .orElseThrow();

    mvc.perform(
            get("/api/v1/events/" + conditional.eventId())
                .header("Authorization", "Bearer " + tokens.accessToken("redditch.cso"))
                .param("purpose", "handling conditions check"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.grading.conditions").value(CONDITIONS))
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

  private IntelligenceReported event(
      OriginatingAgency originator,
      Tlp tlp,
      SharingScope scope,
      Category category,
      int n,
      Pseudonymiser pseudonymiser) {
    String originRefHash = marker + "-" + n;
    var report =
        new IntelligenceReport(
            new ObservedAt(
                Instant.parse("2026-11-05T10:00:00Z").plusSeconds(n), ObservedAt.Precision.DAY),
            category,
            Set.of(),
            "Seeded report " + marker + " number " + n,
            new Location(
                originator.homeDistricts().getFirst(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty()),
            Optional.empty(),
            List.of(),
            List.of(
                new IdentifierRef(
                    IdentifierType.PHONE,
                    pseudonymiser.token(IdentifierType.PHONE, "07700 900555"),
                    true)),
            Optional.of(
                n % 2 == 0
                    ? new Grading(
                        SourceEvaluation.UNTESTED,
                        IntelligenceAssessment.B,
                        HandlingCode.C,
                        Optional.of(CONDITIONS))
                    : new Grading(
                        SourceEvaluation.UNTESTED,
                        IntelligenceAssessment.B,
                        HandlingCode.P,
                        Optional.empty())),
            Marking.official(tlp),
            scope);
    return new IntelligenceReported(
        1,
        EventId.derive(originator.id(), originRefHash),
        1,
        originator,
        Instant.parse("2026-11-06T10:00:00Z"),
        originRefHash,
        report);
  }

  /** The November index of the generation search reads now, created with the alias if needed. */
  private String liveIndex() throws Exception {
    int generation = 1;
    try {
      generation =
          client
              .indices()
              .getAlias(a -> a.name(IntelligenceIndex.READ_ALIAS))
              .result()
              .keySet()
              .stream()
              .map(IntelligenceIndex::parse)
              .flatMap(Optional::stream)
              .mapToInt(IntelligenceIndex.Parsed::generation)
              .max()
              .orElse(1);
    } catch (co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
      // no alias yet: generation 1
    }
    String index = IntelligenceIndex.name(generation, Instant.parse("2026-11-05T10:00:00Z"));
    if (!client.indices().exists(e -> e.index(index)).value()) {
      client.indices().create(c -> c.index(index).aliases(IntelligenceIndex.READ_ALIAS, a -> a));
    }
    return index;
  }

  private static OriginatingAgency agency(String id, AgencyType type, String district) {
    return new OriginatingAgency(AgencyId.of(id), type, List.of(district));
  }

  private static Caller caller(String username, String agency, AgencyType type, Role... roles) {
    return new Caller(username, username, AgencyId.of(agency), type, Set.of(roles));
  }
}
