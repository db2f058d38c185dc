package uk.crossline.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
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
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.crossline.model.Topics;
import uk.crossline.model.event.EventId;
import uk.crossline.model.event.EventJson;
import uk.crossline.model.event.IntelligenceEvent;
import uk.crossline.model.event.IntelligenceReported;
import uk.crossline.testsupport.CrosslineIntegrationTest;
import uk.crossline.testsupport.DemoTokens;
import uk.crossline.testsupport.corpus.BadInput;
import uk.crossline.testsupport.corpus.BadInput.Family;
import uk.crossline.testsupport.corpus.CorpusTally;

/**
 * The bad-input corpus at the intake (issue "Hardening"): every input is refused with a problem
 * naming the field, or stored harmlessly; never a 5xx, never a stack trace or the value echoed, and
 * after a refusal nothing carrying the submission's marker reached Kafka (nothing reaches
 * Elasticsearch but through Kafka). Cases already proven elsewhere are not repeated: unknown fields
 * and values, grading, postcodes ({@link BadInputIntegrationTest}), mixed bulk files ({@link
 * BulkUploadIntegrationTest}), the personal-data canary.
 */
@CrosslineIntegrationTest
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("demo")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputCorpusIntegrationTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final CorpusTally TALLY = CorpusTally.of("intake");
  private static final String POLICE_PHONE =
      "{\"type\": \"PHONE\", \"value\": \"07700 900123\", \"dealLine\": true}";

  /**
   * The topic is read once, at the end ({@link #whatReachedKafkaIsWhatWasAcceptedAndNothingElse}):
   * other tests publish to it at the same time, so only records carrying a marker seeded here are
   * looked at.
   */
  private static TopicRecords topic;

  private static final Set<String> REFUSED = ConcurrentHashMap.newKeySet();
  private static final Map<String, Integer> EXPECTED = new ConcurrentHashMap<>();
  private static final Map<EventId, String> STORED = new ConcurrentHashMap<>();

  @Autowired MockMvc mvc;

  @BeforeAll
  static void markTheTopic() {
    topic = TopicRecords.from(Topics.INTELLIGENCE_EVENTS);
  }

  @AfterAll
  static void writeTheTally() {
    TALLY.write();
  }

  static Stream<BadInput> documents() {
    return BadInput.of(Family.DOCUMENT).stream();
  }

  static Stream<BadInput> texts() {
    return BadInput.of(Family.TEXT, Family.QUERY, Family.FORMULA, Family.PATH).stream();
  }

  static Stream<BadInput> identifiers() {
    return BadInput.of(Family.PHONE, Family.HANDLE, Family.EMAIL).stream();
  }

  static Stream<BadInput> names() {
    return BadInput.of(Family.PATH, Family.QUERY).stream();
  }

  static Stream<Arguments> huge() {
    // 4,001 and 100,000 characters break the field's own limit; 400 KB the body's.
    return Stream.of(
        Arguments.of(BadInput.of(Family.HUGE).get(0), 400),
        Arguments.of(BadInput.of(Family.HUGE).get(1), 400),
        Arguments.of(BadInput.of(Family.HUGE).get(2), 413));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documents")
  @Order(1)
  void aBodyThatIsNotAReportIsRefused(BadInput input, DemoTokens tokens) throws Exception {
    // Nothing of such a body can carry a marker: it is refused before anything is read from it.
    var response =
        send(
            "police report body",
            input,
            post("/api/v1/police/reports")
                .header("Authorization", "Bearer " + tokens.accessToken("police.analyst"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(input.bytes()));

    assertRefused(response, 400, null);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documents")
  @Order(1)
  void aBadLineInAnNdjsonUploadIsReportedAndTheGoodLinesArePublished(
      BadInput input, DemoTokens tokens) throws Exception {
    String marker = marker();
    String first = council(marker);
    String last = council(marker);
    // A line is a row: a document with line breaks in it would be several rows.
    byte[] line =
        input.text().contains("\n") ? "{} ".getBytes(StandardCharsets.UTF_8) : input.bytes();
    var body = new java.io.ByteArrayOutputStream();
    body.writeBytes((first + "\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(line);
    body.writeBytes(("\n" + last + "\n").getBytes(StandardCharsets.UTF_8));

    var response =
        send(
            "council NDJSON upload, line 2",
            input,
            post("/api/v1/council/reports/bulk")
                .header("Authorization", "Bearer " + tokens.accessToken("wyreforest.cso"))
                .contentType("application/x-ndjson")
                .content(body.toByteArray()));

    assertThat(response.getStatus()).isEqualTo(200);
    JsonNode report = JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    boolean blank = new String(line, StandardCharsets.UTF_8).isBlank();
    assertThat(report.path("accepted").asInt()).isEqualTo(2);
    assertThat(report.path("rejected").asInt()).isEqualTo(blank ? 0 : 1);
    if (!blank) {
      assertThat(report.path("errors").get(0).path("row").asInt()).isEqualTo(2);
      assertThat(report.path("errors").get(0).path("reason").asString()).isNotBlank();
    }
    EXPECTED.put(marker, 2);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("texts")
  @Order(1)
  void freeTextIsAcceptedAndStoredAsHarmlessText(BadInput input, DemoTokens tokens)
      throws Exception {
    String marker = marker();
    String report =
        Forms.police(Forms.reference())
            .replace(
                "Deal line advertised by text to users in Redditch town centre.",
                marker + " " + input.jsonString());

    var response =
        send(
            "police report summary",
            input,
            post("/api/v1/police/reports")
                .header("Authorization", "Bearer " + tokens.accessToken("police.analyst"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(report));

    assertThat(response.getStatus()).isEqualTo(201);
    EventId eventId =
        EventId.of(
            JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8))
                .path("eventId")
                .asString());
    STORED.put(eventId, marker);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("identifiers")
  @Order(1)
  void aDisguisedIdentifierIsRefusedNamingTheField(BadInput input, DemoTokens tokens)
      throws Exception {
    String marker = marker();
    String type = identifierType(input);
    String report =
        Forms.police(Forms.reference())
            .replace("Deal line advertised", marker + " Deal line advertised")
            .replace(
                POLICE_PHONE,
                "{\"type\": \"" + type + "\", \"value\": \"" + input.jsonString() + "\"}");

    var response =
        send(
            "police report identifiers[0].value",
            input,
            post("/api/v1/police/reports")
                .header("Authorization", "Bearer " + tokens.accessToken("police.analyst"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(report));

    assertRefused(response, 400, "identifiers[0].value");
    assertThat(response.getContentAsString(StandardCharsets.UTF_8))
        .doesNotContain(input.text())
        .doesNotContain(input.jsonString());
    REFUSED.add(marker);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("identifiers")
  @Order(1)
  void aDisguisedIdentifierInACsvUploadRefusesItsRowOnly(BadInput input, DemoTokens tokens)
      throws Exception {
    String marker = marker();
    String type = identifierType(input);
    String csv =
        "reference,observedAt.at,observedAt.precision,where.postcode,concern,summary,marking.tlp,"
            + "identifiers\n"
            + councilRow(marker, "PHONE:07700 900555")
            + councilRow(marker, type + ":" + input.text().replace("\"", "\"\""))
            + councilRow(marker, "");

    var response =
        send(
            "council CSV upload identifiers, row 3",
            input,
            post("/api/v1/council/reports/bulk")
                .header("Authorization", "Bearer " + tokens.accessToken("redditch.cso"))
                .contentType("text/csv")
                .content(csv.getBytes(StandardCharsets.UTF_8)));

    assertThat(response.getStatus()).isEqualTo(200);
    JsonNode report = JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    assertThat(report.path("accepted").asInt()).isEqualTo(2);
    assertThat(report.path("rejected").asInt()).isEqualTo(1);
    assertThat(report.path("errors").get(0).path("row").asInt()).isEqualTo(3);
    assertThat(report.path("errors").get(0).path("field").asString())
        .isEqualTo("identifiers[0].value");
    EXPECTED.put(marker, 2);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documents")
  @Order(1)
  void aCsvCellThatBreaksTheFileKeepsTheRowsBeforeIt(BadInput input, DemoTokens tokens)
      throws Exception {
    String marker = marker();
    var csv = new java.io.ByteArrayOutputStream();
    csv.writeBytes(
        ("reference,observedAt.at,observedAt.precision,where.postcode,concern,summary,marking.tlp,"
                + "identifiers\n"
                + councilRow(marker, "")
                + Forms.reference()
                + ",2026-11-01T00:00:00Z,WEEK,B98 7AA,CUCKOOING,\"")
            .getBytes(StandardCharsets.UTF_8));
    // The cell quoted as a CSV writer would, whatever bytes it holds.
    for (byte b : input.bytes()) {
      if (b == '"') {
        csv.write('"');
      }
      csv.write(b);
    }
    csv.writeBytes("\",GREEN,\n".getBytes(StandardCharsets.UTF_8));

    var response =
        send(
            "council CSV upload summary, row 3",
            input,
            post("/api/v1/council/reports/bulk")
                .header("Authorization", "Bearer " + tokens.accessToken("redditch.cso"))
                .contentType("text/csv")
                .content(csv.toByteArray()));

    // Either the row is read (and accepted or refused on its own), or reading stops there and the
    // answer says so; the row before it is published either way.
    assertThat(response.getStatus()).isEqualTo(200);
    JsonNode report = JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    assertThat(report.path("accepted").asInt()).isGreaterThanOrEqualTo(1);
    if (report.path("accepted").asInt() == 1) {
      assertThat(report.path("errors").get(0).path("row").asInt()).isEqualTo(3);
      assertThat(report.path("errors").get(0).path("reason").asString()).isNotBlank();
    }
    EXPECTED.put(marker, 1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  @Order(1)
  void aHostileEventIdInThePathIsAnsweredWithAProblem(BadInput input, DemoTokens tokens)
      throws Exception {

    var response =
        send(
            "retraction {eventId}",
            input,
            post("/api/v1/reports/{eventId}/retraction", input.text())
                .header("Authorization", "Bearer " + tokens.accessToken("police.analyst"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\": \"ENTERED_IN_ERROR\"}"));

    assertThat(response.getStatus()).isBetween(400, 499);
    assertNoInternals(response);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("huge")
  @Order(1)
  void aHugeSummaryIsRefused(BadInput input, int status, DemoTokens tokens) throws Exception {
    String marker = marker();
    String report =
        Forms.police(Forms.reference())
            .replace(
                "Deal line advertised by text to users in Redditch town centre.",
                marker + input.jsonString());

    var response =
        send(
            "police report summary",
            input,
            post("/api/v1/police/reports")
                .header("Authorization", "Bearer " + tokens.accessToken("police.analyst"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(report));

    assertRefused(response, status, status == 400 ? "summary" : "");
    REFUSED.add(marker);
  }

  @Test
  @Order(2)
  void whatReachedKafkaIsWhatWasAcceptedAndNothingElse() {
    List<String> values =
        topic.records().stream()
            .filter(r -> r.value() != null)
            .map(r -> new String(r.value(), StandardCharsets.UTF_8))
            .filter(v -> v.contains("corpus"))
            .toList();
    var soft = new SoftAssertions();
    for (String marker : REFUSED) {
      soft.assertThat(values)
          .as("records of a refused submission")
          .noneMatch(v -> v.contains(marker));
    }
    EXPECTED.forEach(
        (marker, count) ->
            soft.assertThat(values.stream().filter(v -> v.contains(marker)).count())
                .as("good rows of an upload with a bad one")
                .isEqualTo(count.longValue()));
    Map<EventId, IntelligenceEvent> events = new HashMap<>();
    values.stream()
        .map(v -> EventJson.read(v.getBytes(StandardCharsets.UTF_8)))
        .forEach(e -> events.put(e.eventId(), e));
    STORED.forEach(
        (eventId, marker) -> {
          soft.assertThat(events).as("free text accepted").containsKey(eventId);
          if (events.get(eventId) instanceof IntelligenceReported reported) {
            String summary = reported.report().summary();
            soft.assertThat(summary).startsWith(marker);
            soft.check(() -> assertHarmless(summary));
          }
        });
    soft.assertAll();
  }

  private MockHttpServletResponse send(
      String where, BadInput input, MockHttpServletRequestBuilder request) throws Exception {
    return TALLY.send(
        input,
        where,
        () -> mvc.perform(request).andReturn().getResponse(),
        MockHttpServletResponse::getStatus);
  }

  private static String council(String marker) {
    return Forms.council(Forms.reference())
        .replace("Tenant reports", marker + " Tenant reports")
        .replace("\n", " ");
  }

  private static String councilRow(String marker, String identifiers) {
    return Forms.reference()
        + ",2026-11-01T00:00:00Z,WEEK,B98 7AA,CUCKOOING,"
        + marker
        + " Visitors at all hours.,GREEN,\""
        + identifiers
        + "\"\n";
  }

  private static void assertRefused(MockHttpServletResponse response, int status, String field)
      throws Exception {
    assertThat(response.getStatus()).isEqualTo(status);
    assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    assertNoInternals(response);
    JsonNode problem = JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(problem.path("errors").get(0).path("reason").asString()).isNotBlank();
    if (field != null) {
      assertThat(problem.path("errors").findValuesAsString("field")).contains(field);
    }
  }

  private static void assertNoInternals(MockHttpServletResponse response) throws Exception {
    assertThat(response.getContentAsString(StandardCharsets.UTF_8))
        .doesNotContain("Exception")
        .doesNotContain("\tat ")
        .doesNotContain("uk.crossline")
        .doesNotContain("jackson");
  }

  /**
   * What reached the topic is text a person can read as written: no invisible, bidi or control
   * characters that could hide or reorder it, no unpaired surrogates, no phone number slipped past
   * redaction.
   */
  private static void assertHarmless(String text) {
    assertThat(text.codePoints())
        .allSatisfy(
            c -> {
              int type = Character.getType(c);
              assertThat(type)
                  .as("character U+%04X", c)
                  .isNotIn((int) Character.FORMAT, (int) Character.SURROGATE);
              assertThat(c == '\n' || c == '\t' || !Character.isISOControl(c))
                  .as("control character U+%04X", c)
                  .isTrue();
            });
    assertThat(text).doesNotContain("900321").doesNotContain("900 321");
  }

  private static String marker() {
    return "corpus" + UUID.randomUUID().toString().replace("-", "");
  }

  /** The identifier type a disguised value of this family pretends to be. */
  private static String identifierType(BadInput input) {
    return switch (input.family()) {
      case PHONE -> "PHONE";
      case HANDLE -> "SOCIAL_MEDIA";
      default -> "EMAIL";
    };
  }
}
