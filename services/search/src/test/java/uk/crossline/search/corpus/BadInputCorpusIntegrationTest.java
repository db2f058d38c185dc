package uk.crossline.search.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.crossline.testsupport.CrosslineIntegrationTest;
import uk.crossline.testsupport.DemoTokens;
import uk.crossline.testsupport.corpus.BadInput;
import uk.crossline.testsupport.corpus.BadInput.Family;
import uk.crossline.testsupport.corpus.CorpusTally;

/**
 * The bad-input corpus at the search API (issue "Hardening"): query syntax and script fragments are
 * only words, disguised identifiers are refused naming {@code value}, hostile names in paths and
 * parameters are answered with a problem, and nothing is ever answered with a 5xx, a stack trace or
 * the value sent. Refusals of unknown parameters and vocabulary words, and the access rules, are
 * proven in each feature's own tests.
 */
@CrosslineIntegrationTest
@SpringBootTest
@AutoConfigureMockMvc
class BadInputCorpusIntegrationTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final CorpusTally TALLY = CorpusTally.of("search");
  private static final String PURPOSE = "bad-input corpus";

  @Autowired MockMvc mvc;

  @AfterAll
  static void writeTheTally() {
    TALLY.write();
  }

  /** Where a value goes, who sends it, and the field a refusal must name (null: the path). */
  record Place(
      String name,
      String user,
      Function<String, MockHttpServletRequestBuilder> request,
      String field) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<BadInput> queries() {
    return BadInput.of(Family.QUERY, Family.TEXT, Family.FORMULA, Family.PATH).stream();
  }

  static Stream<BadInput> identifiers() {
    return BadInput.of(Family.PHONE, Family.HANDLE, Family.EMAIL).stream();
  }

  static Stream<BadInput> documents() {
    return BadInput.of(Family.DOCUMENT).stream();
  }

  static Stream<BadInput> purposes() {
    return BadInput.of(Family.TEXT, Family.FORMULA).stream();
  }

  static Stream<Arguments> names() {
    var places =
        Stream.of(
            new Place(
                "event {eventId}",
                "police.analyst",
                v -> get("/api/v1/events/{eventId}", v).param("purpose", PURPOSE),
                null),
            new Place(
                "links {eventId}",
                "police.analyst",
                v -> get("/api/v1/events/{eventId}/links", v).param("purpose", PURPOSE),
                null),
            new Place(
                "access request approval {requestId}",
                "police.analyst",
                v ->
                    post("/api/v1/access-requests/{requestId}/approval", v)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"purpose\": \"" + PURPOSE + "\"}"),
                null),
            new Place(
                "search district",
                "police.analyst",
                v -> search().param("district", v),
                "district"),
            new Place("search after", "police.analyst", v -> search().param("after", v), "after"),
            new Place("search sort", "police.analyst", v -> search().param("sort", v), "sort"),
            new Place(
                "premises name",
                "ts.officer",
                v ->
                    get("/api/v1/premises")
                        .param("purpose", PURPOSE)
                        .param("name", v)
                        .param("postcode", "DY10 1AA"),
                "name"),
            new Place(
                "premises key",
                "ts.officer",
                v -> get("/api/v1/premises").param("purpose", PURPOSE).param("key", v),
                "key"),
            new Place(
                "statistics from",
                "scrutiny.panel",
                v -> get("/api/v1/statistics").param("purpose", PURPOSE).param("from", v),
                "from"),
            new Place(
                "audit user",
                "ig.auditor",
                v -> get("/api/v1/audit/records").param("purpose", PURPOSE).param("user", v),
                "user"),
            new Place(
                "audit after",
                "ig.auditor",
                v -> get("/api/v1/audit/records").param("purpose", PURPOSE).param("after", v),
                "after"));
    // Every path trick, a sample of the rest (every place times every input is too slow), and of
    // the huge ones the 4,001 characters: longer addresses stop at the web server.
    var inputs = new java.util.ArrayList<>(BadInput.of(Family.PATH));
    inputs.addAll(BadInput.first(4, Family.QUERY));
    inputs.addAll(BadInput.first(4, Family.FORMULA));
    inputs.addAll(BadInput.first(1, Family.HUGE));
    return places.flatMap(place -> inputs.stream().map(input -> Arguments.of(place, input)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queries")
  void searchTextIsMatchedAsWordsNeverAsQuerySyntax(BadInput input, DemoTokens tokens)
      throws Exception {
    // A word no document holds: matched as words (all of them), the answer must be empty; read as
    // syntax ("*:*", a script), it would not be.
    String nowhere = "nowhere" + UUID.randomUUID().toString().replace("-", "");

    var response =
        send(
            "search q",
            input,
            search().param("q", input.text() + " " + nowhere),
            tokens,
            "police.analyst");

    if (response.getStatus() == 200) {
      JsonNode answer = JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
      assertThat(answer.get("hits")).isEmpty();
    } else {
      assertRefused(response, 400, "q");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("purposes")
  void aPurposeIsPlainTextOrRefusedNamingIt(BadInput input, DemoTokens tokens) throws Exception {
    var response =
        send(
            "search purpose",
            input,
            get("/api/v1/search").param("purpose", "Checking " + input.text()),
            tokens,
            "police.analyst");

    // The access log shows purposes to auditors as written: nothing invisible may reorder or hide
    // what they read.
    if (hidesOrReorders(input.text()) || ("Checking " + input.text()).strip().length() > 500) {
      assertRefused(response, 400, "purpose");
    } else {
      assertThat(response.getStatus()).isEqualTo(200);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("identifiers")
  void aDisguisedIdentifierIsNotLookedUp(BadInput input, DemoTokens tokens) throws Exception {
    String type =
        switch (input.family()) {
          case PHONE -> "PHONE";
          case HANDLE -> "SOCIAL_MEDIA";
          default -> "EMAIL";
        };

    var response =
        send(
            "lookup value",
            input,
            post("/api/v1/lookups")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"purpose\": \""
                        + PURPOSE
                        + "\", \"type\": \""
                        + type
                        + "\", \"value\": \""
                        + input.jsonString()
                        + "\"}"),
            tokens,
            "police.analyst");

    assertRefused(response, 400, "value");
    assertThat(response.getContentAsString(StandardCharsets.UTF_8))
        .doesNotContain(input.text())
        .doesNotContain(input.jsonString());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documents")
  void aBodyThatIsNotALookUpIsRefused(BadInput input, DemoTokens tokens) throws Exception {
    var response =
        send(
            "lookup body",
            input,
            post("/api/v1/lookups").contentType(MediaType.APPLICATION_JSON).content(input.bytes()),
            tokens,
            "police.analyst");

    assertRefused(response, 400, null);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documents")
  void aBodyThatIsNotAnAccessRequestIsRefused(BadInput input, DemoTokens tokens) throws Exception {
    var response =
        send(
            "access request body",
            input,
            post("/api/v1/access-requests")
                .contentType(MediaType.APPLICATION_JSON)
                .content(input.bytes()),
            tokens,
            "police.analyst");

    assertRefused(response, 400, null);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("names")
  void aHostileNameOrParameterIsAnsweredWithoutAServerError(
      Place place, BadInput input, DemoTokens tokens) throws Exception {
    var response =
        send(place.name(), input, place.request().apply(input.text()), tokens, place.user());

    // Some are harmless words that find nothing (a district filter), others are refused.
    assertThat(response.getStatus()).isLessThan(500);
    if (response.getStatus() >= 400) {
      assertRefused(
          response, response.getStatus(), response.getStatus() == 400 ? place.field() : null);
    }
  }

  @org.junit.jupiter.api.Test
  void hundredsOfFilterValuesAreAnsweredWithoutAServerError(DemoTokens tokens) throws Exception {
    var request =
        search().header("Authorization", "Bearer " + tokens.accessToken("police.analyst"));
    for (int i = 0; i < 300; i++) {
      request.param("category", "DEAL_LINE").param("indicator", "NEW_PHONE");
    }

    var response = mvc.perform(request).andReturn().getResponse();

    // The same word many times is the word once; the access log takes the criteria whole.
    assertThat(response.getStatus()).isEqualTo(200);

    var districts =
        search().header("Authorization", "Bearer " + tokens.accessToken("police.analyst"));
    for (int i = 0; i < 300; i++) {
      districts.param("district", "district-" + i);
    }
    assertRefused(mvc.perform(districts).andReturn().getResponse(), 400, "district");
  }

  private MockHttpServletResponse send(
      String where,
      BadInput input,
      MockHttpServletRequestBuilder request,
      DemoTokens tokens,
      String user)
      throws Exception {
    request.header("Authorization", "Bearer " + tokens.accessToken(user));
    return TALLY.send(
        input,
        where,
        () -> mvc.perform(request).andReturn().getResponse(),
        MockHttpServletResponse::getStatus);
  }

  private static MockHttpServletRequestBuilder search() {
    return get("/api/v1/search").param("purpose", PURPOSE);
  }

  private static boolean hidesOrReorders(String text) {
    return text.codePoints()
        .anyMatch(
            c ->
                switch (Character.getType(c)) {
                  case Character.CONTROL, Character.FORMAT, Character.SURROGATE -> true;
                  default -> false;
                });
  }

  private static void assertRefused(MockHttpServletResponse response, int status, String field)
      throws Exception {
    assertThat(response.getStatus()).isEqualTo(status);
    assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    String body = response.getContentAsString(StandardCharsets.UTF_8);
    assertThat(body)
        .doesNotContain("Exception")
        .doesNotContain("\tat ")
        .doesNotContain("uk.crossline")
        .doesNotContain("jackson");
    JsonNode problem = JSON.readTree(body);
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    if (field != null) {
      assertThat(problem.path("errors").findValuesAsString("field")).contains(field);
    }
  }
}
