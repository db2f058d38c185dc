package uk.crossline.alerts.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.crossline.alerts.AlertsApi;
import uk.crossline.model.Topics;
import uk.crossline.testsupport.CrosslineIntegrationTest;
import uk.crossline.testsupport.CrosslineStack;
import uk.crossline.testsupport.DemoTokens;
import uk.crossline.testsupport.TopicReader;
import uk.crossline.testsupport.corpus.BadInput;
import uk.crossline.testsupport.corpus.BadInput.Family;
import uk.crossline.testsupport.corpus.CorpusTally;

/**
 * The bad-input corpus at the alerts API (issue "Hardening"): a subscription's name and purpose are
 * plain text or refused naming the field, webhook addresses that are not https URLs are refused,
 * hostile ids in paths and parameters are answered with a problem; never a 5xx, a stack trace or
 * the value sent, and nothing of a refused subscription reaches its topic. Area, category, grading
 * and pacing refusals and the access rules are proven in {@code SubscriptionApiIntegrationTest}.
 */
@CrosslineIntegrationTest
@SpringBootTest
@AutoConfigureMockMvc
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputCorpusIntegrationTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final CorpusTally TALLY = CorpusTally.of("alerts");
  private static final String PATH = "/api/v1/subscriptions";
  private static final String USER = "bromsgrove.cso";
  private static final String GROUP =
      AlertsApi.groupAtEnd(CrosslineStack.get().kafkaBootstrapServers());

  private static final Set<String> REFUSED = ConcurrentHashMap.newKeySet();
  private static TopicReader.Mark start;

  @Autowired MockMvc mvc;

  @DynamicPropertySource
  static void matchingGroup(DynamicPropertyRegistry registry) {
    registry.add("crossline.alerts.group-id", () -> GROUP);
  }

  @BeforeAll
  static void markTheTopic() {
    start = TopicReader.mark(Topics.ALERT_SUBSCRIPTIONS);
  }

  @AfterAll
  static void writeTheTally() {
    TALLY.write();
  }

  /** Where a value goes and the field a refusal must name (null: the path). */
  record Place(String name, Function<String, MockHttpServletRequestBuilder> request, String field) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<BadInput> texts() {
    return BadInput.of(Family.TEXT, Family.FORMULA, Family.QUERY, Family.PATH).stream();
  }

  static Stream<BadInput> documents() {
    return BadInput.of(Family.DOCUMENT).stream();
  }

  static Stream<BadInput> addresses() {
    return BadInput.of(Family.PATH, Family.QUERY, Family.FORMULA, Family.TEXT).stream();
  }

  static Stream<Arguments> names() {
    var places =
        Stream.of(
            new Place("subscription {subscriptionId}", v -> get(PATH + "/{id}", v), null),
            new Place("end subscription {subscriptionId}", v -> delete(PATH + "/{id}", v), null),
            new Place(
                "new webhook secret {subscriptionId}",
                v -> post(PATH + "/{id}/webhook/secret", v),
                null),
            new Place("alert read {alertId}", v -> post("/api/v1/alerts/{id}/read", v), null),
            new Place(
                "inbox subscription", v -> get("/api/v1/alerts").param("subscription", v), null),
            new Place("inbox limit", v -> get("/api/v1/alerts").param("limit", v), "limit"),
            new Place(
                "stream position", v -> get("/api/v1/alerts/stream").param("after", v), null));
    // Every path trick, a sample of the rest (every place times every input is too slow), and of
    // the huge ones the 4,001 characters: longer addresses stop at the web server.
    var inputs = new java.util.ArrayList<>(BadInput.of(Family.PATH));
    inputs.addAll(BadInput.first(4, Family.QUERY));
    inputs.addAll(BadInput.first(1, Family.HUGE));
    return places.flatMap(place -> inputs.stream().map(input -> Arguments.of(place, input)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documents")
  @Order(1)
  void aBodyThatIsNotASubscriptionIsRefused(BadInput input, DemoTokens tokens) throws Exception {
    var response =
        send(
            "subscription body",
            input,
            post(PATH).contentType(MediaType.APPLICATION_JSON).content(input.bytes()),
            tokens);

    assertRefused(response, 400, null);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("texts")
  @Order(1)
  void aNameIsPlainTextOrRefusedNamingIt(BadInput input, DemoTokens tokens) throws Exception {
    String marker = marker();
    var response =
        send(
            "subscription name",
            input,
            post(PATH)
                .contentType(MediaType.APPLICATION_JSON)
                .content(AlertsApi.district(marker + " " + input.jsonString(), "redditch")),
            tokens);

    expectPlainTextOrRefusal(
        response, input, marker, "name", marker + " " + input.text(), 100, tokens);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("texts")
  @Order(1)
  void aPurposeIsPlainTextOrRefusedNamingIt(BadInput input, DemoTokens tokens) throws Exception {
    String marker = marker();
    var response =
        send(
            "subscription purpose",
            input,
            post(PATH)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    AlertsApi.district(marker, "redditch")
                        .replace(
                            "Community safety patrol planning",
                            "Patrol planning " + input.jsonString())),
            tokens);

    expectPlainTextOrRefusal(
        response, input, marker, "purpose", "Patrol planning " + input.text(), 500, tokens);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("addresses")
  @Order(1)
  void aWebhookAddressThatIsNotAnHttpsUrlIsRefused(BadInput input, DemoTokens tokens)
      throws Exception {
    String marker = marker();
    var response =
        send(
            "webhook url",
            input,
            post(PATH)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    AlertsApi.district(marker, "redditch")
                        .replace(
                            "\"areas\"",
                            "\"channel\": \"WEBHOOK\", \"webhook\": {\"url\": \""
                                + input.jsonString()
                                + "\"}, \"areas\"")),
            tokens);

    assertRefused(response, 400, "webhook.url");
    REFUSED.add(marker);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  @Order(1)
  void aHostileIdOrParameterIsAnsweredWithAProblem(Place place, BadInput input, DemoTokens tokens)
      throws Exception {
    var response = send(place.name(), input, place.request().apply(input.text()), tokens);

    assertThat(response.getStatus()).isBetween(400, 499);
    assertRefused(
        response, response.getStatus(), response.getStatus() == 400 ? place.field() : null);
  }

  @Test
  @Order(2)
  void nothingOfARefusedSubscriptionReachedItsTopic() {
    List<String> values =
        TopicReader.recordsSince(start).stream()
            .filter(r -> r.value() != null)
            .map(r -> new String(r.value(), StandardCharsets.UTF_8))
            .filter(v -> v.contains("corpus"))
            .toList();
    var soft = new SoftAssertions();
    for (String marker : REFUSED) {
      soft.assertThat(values)
          .as("records of a refused subscription")
          .noneMatch(v -> v.contains(marker));
    }
    soft.assertAll();
  }

  private void expectPlainTextOrRefusal(
      MockHttpServletResponse response,
      BadInput input,
      String marker,
      String field,
      String value,
      int max,
      DemoTokens tokens)
      throws Exception {
    String text = input.text();
    // Names and purposes are shown to people (the inbox, auditors) as written: nothing invisible
    // may hide or reorder what they read.
    if (hidesOrReorders(text)) {
      assertRefused(response, 400, field);
      REFUSED.add(marker);
    } else if (value.strip().length() > max) {
      assertRefused(response, 400, field);
      REFUSED.add(marker);
    } else {
      assertThat(response.getStatus()).isEqualTo(201);
      JsonNode created = JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
      assertThat(created.path(field).asString()).contains(text.strip());
      // Seeded here, so ended here: the corpus leaves no live subscription behind.
      mvc.perform(
          delete(PATH + "/{id}", created.path("subscriptionId").asString())
              .header("Authorization", "Bearer " + tokens.accessToken(USER)));
    }
  }

  private MockHttpServletResponse send(
      String where, BadInput input, MockHttpServletRequestBuilder request, DemoTokens tokens)
      throws Exception {
    request.header("Authorization", "Bearer " + tokens.accessToken(USER));
    return TALLY.send(
        input,
        where,
        () -> mvc.perform(request).andReturn().getResponse(),
        MockHttpServletResponse::getStatus);
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

  private static String marker() {
    return "corpus" + UUID.randomUUID().toString().replace("-", "");
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
