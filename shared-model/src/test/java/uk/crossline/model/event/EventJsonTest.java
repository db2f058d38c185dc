package uk.crossline.model.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.throwable;
import static uk.crossline.model.event.EventFixtures.PERSON_TOKEN;
import static uk.crossline.model.event.EventFixtures.PHONE_TOKEN;
import static uk.crossline.model.event.EventFixtures.amended;
import static uk.crossline.model.event.EventFixtures.fullReport;
import static uk.crossline.model.event.EventFixtures.minimalReport;
import static uk.crossline.model.event.EventFixtures.reported;
import static uk.crossline.model.event.EventFixtures.retracted;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import uk.crossline.model.vocabulary.SourceEvaluation;
import uk.crossline.model.vocabulary.Tlp;

class EventJsonTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  static Stream<Arguments> everyKindWithOptionalsPresentAndAbsent() {
    return Stream.of(
        Arguments.argumentSet("report, every optional present", reported(fullReport())),
        Arguments.argumentSet("report, every optional absent", reported(minimalReport())),
        Arguments.argumentSet("amendment, every optional present", amended(fullReport())),
        Arguments.argumentSet("amendment, every optional absent", amended(minimalReport())),
        Arguments.argumentSet("retraction", retracted()));
  }

  @ParameterizedTest
  @MethodSource("everyKindWithOptionalsPresentAndAbsent")
  void eventReadsBackEqualToTheEventWritten(IntelligenceEvent event) {
    // when
    IntelligenceEvent read = EventJson.read(EventJson.write(event));

    // then
    assertThat(read).isEqualTo(event).hasSameClassAs(event);
    assertThat(EventJson.read(EventJson.writeString(event))).isEqualTo(event);
  }

  @Test
  void roundTripCasesReallyHaveEveryOptionalPresentAndAbsent() {
    // given
    IntelligenceReport full = fullReport();
    IntelligenceReport minimal = minimalReport();

    // then
    assertThat(full.premises()).hasValueSatisfying(p -> assertThat(p.uprn()).isPresent());
    assertThat(full.grading()).hasValueSatisfying(g -> assertThat(g.conditions()).isPresent());
    assertThat(full.subjects()).anySatisfy(s -> assertThat(s.token()).isPresent());
    assertThat(full.subjects()).anySatisfy(s -> assertThat(s.token()).isEmpty());
    assertThat(full.location().point()).isPresent();
    assertThat(full.location().postcodeSector()).isPresent();
    assertThat(full.scope().isEmpty()).isFalse();
    assertThat(full.indicators()).isNotEmpty();

    assertThat(minimal.premises()).isEmpty();
    assertThat(minimal.grading()).isEmpty();
    assertThat(minimal.subjects()).isEmpty();
    assertThat(minimal.identifiers()).isEmpty();
    assertThat(minimal.indicators()).isEmpty();
    assertThat(minimal.location().ward()).isEmpty();
    assertThat(minimal.location().point()).isEmpty();
    assertThat(minimal.scope().isEmpty()).isTrue();
  }

  @Nested
  class Writing {

    @Test
    void reportIsWrittenWithItsKindSchemaVersionAndTlpAsTlpTwoLabelsIt() {
      // when
      JsonNode json = tree(reported(fullReport()));

      // then
      assertThat(json.get("kind").asString()).isEqualTo("REPORT");
      assertThat(json.get("schemaVersion").isInt()).isTrue();
      assertThat(json.get("schemaVersion").intValue()).isEqualTo(1);
      assertThat(json.at("/report/marking/tlp").asString()).isEqualTo("AMBER+STRICT");
    }

    @Test
    void tokensAndIdsAreWrittenAsPlainStrings() {
      // when
      JsonNode json = tree(reported(fullReport()));

      // then
      assertThat(json.get("eventId").isString()).isTrue();
      assertThat(json.at("/report/identifiers/0/token").isString()).isTrue();
      assertThat(json.at("/report/identifiers/0/token").asString()).isEqualTo(PHONE_TOKEN.value());
      assertThat(json.at("/report/subjects/1/token").asString()).isEqualTo(PERSON_TOKEN.value());
      assertThat(json.at("/agency/id").asString()).isEqualTo("west-mercia-police");
      assertThat(json.at("/report/scope/agencies/0").asString()).isEqualTo("redditch-bc");
    }

    @Test
    void absentOptionalsAreLeftOutRatherThanWrittenAsNull() {
      // when
      String text = EventJson.writeString(reported(minimalReport()));
      JsonNode report = tree(reported(minimalReport())).get("report");

      // then
      assertThat(text).doesNotContain("null");
      assertThat(report.has("premises")).isFalse();
      assertThat(report.has("grading")).isFalse();
      assertThat(report.get("location").propertyNames()).containsExactly("district");
    }

    @Test
    void subjectWithoutATokenIsWrittenWithoutOne() {
      // when
      JsonNode subjects = tree(reported(fullReport())).at("/report/subjects");

      // then
      assertThat(subjects.get(0).has("token")).isFalse();
      assertThat(subjects.get(1).has("token")).isTrue();
    }

    @Test
    void derivedPriorityAndThemesAreNotWrittenButWorkedOutOnReading() {
      // when
      JsonNode report = tree(reported(fullReport())).get("report");

      // then
      assertThat(report.has("priority")).isFalse();
      assertThat(report.has("themes")).isFalse();
    }

    @Test
    void amendmentAndRetractionNameTheirKind() {
      assertThat(tree(amended(minimalReport())).get("kind").asString()).isEqualTo("AMENDMENT");
      assertThat(tree(retracted()).get("kind").asString()).isEqualTo("RETRACTION");
      assertThat(tree(retracted()).has("report")).isFalse();
    }
  }

  @Nested
  class Reading {

    @Test
    void whiteFromAnOlderSystemReadsAsClear() {
      // given
      String json = edit(reported(minimalReport()), "/report/marking", m -> m.put("tlp", "WHITE"));

      // when
      var event = (IntelligenceReported) EventJson.read(json);

      // then
      assertThat(event.report().marking().tlp()).isEqualTo(Tlp.CLEAR);
      assertThat(tree(event).at("/report/marking/tlp").asString()).isEqualTo("CLEAR");
    }

    @Test
    void tlpPrefixAndUnderscoreFormsAreRead() {
      // given
      String prefixed =
          edit(reported(fullReport()), "/report/marking", m -> m.put("tlp", "TLP:AMBER+STRICT"));
      String underscored =
          edit(reported(fullReport()), "/report/marking", m -> m.put("tlp", "amber_strict"));

      // then
      assertThat(EventJson.read(prefixed)).isEqualTo(reported(fullReport()));
      assertThat(EventJson.read(underscored)).isEqualTo(reported(fullReport()));
    }

    @Test
    void sourceEvaluationWrittenAsThePoliceCodeIsRead() {
      // given
      String json = edit(reported(fullReport()), "/report/grading", g -> g.put("source", "1"));

      // when
      var event = (IntelligenceReported) EventJson.read(json);

      // then
      assertThat(event.report().grading())
          .get()
          .extracting(Grading::source)
          .isEqualTo(SourceEvaluation.RELIABLE);
    }

    @Test
    void explicitNullForAnOptionalReadsAsAbsent() {
      // given
      String json = edit(reported(fullReport()), "/report", r -> r.putNull("premises"));

      // when
      var event = (IntelligenceReported) EventJson.read(json);

      // then
      assertThat(event.report().premises()).isEmpty();
    }

    @Test
    void bytesAndTextReadAlike() {
      String text = EventJson.writeString(reported(fullReport()));

      assertThat(EventJson.read(text.getBytes(StandardCharsets.UTF_8)))
          .isEqualTo(EventJson.read(text));
    }
  }

  @Nested
  class Refusing {

    static Stream<Arguments> unknownFields() {
      return Stream.of(
          Arguments.of("", "extra", "extra"),
          Arguments.of("/report", "priority", "report.priority"),
          Arguments.of("/report/location", "homeAddress", "report.location.homeAddress"),
          Arguments.of("/report/identifiers/0", "value", "report.identifiers[0].value"),
          Arguments.of("/report/subjects/1", "name", "report.subjects[1].name"),
          Arguments.of("/agency", "name", "agency.name"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("unknownFields")
    void unknownFieldIsRefusedNamingItsPath(String parent, String name, String path) {
      // given a field this schema version does not have, such as an identifier's raw value
      String json = edit(reported(fullReport()), parent, node -> node.put(name, "07700 900123"));

      // then
      assertRefused(json)
          .satisfies(e -> assertThat(e.field()).isEqualTo(path))
          .satisfies(e -> assertThat(e.reason()).contains("not a field"))
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("07700"));
    }

    static Stream<Arguments> unknownVocabularyWords() {
      return Stream.of(
          Arguments.of("/report", "category", "FOO", "report.category", "ANTI_SOCIAL_BEHAVIOUR"),
          Arguments.of(
              "/report/subjects/0", "role", "BOSS", "report.subjects[0].role", "PREMISES_STAFF"),
          Arguments.of(
              "/report/subjects/0",
              "ageBand",
              "TEENAGER",
              "report.subjects[0].ageBand",
              "AGE_14_TO_15"),
          Arguments.of(
              "/report/identifiers/1",
              "type",
              "PASSPORT",
              "report.identifiers[1].type",
              "SOCIAL_MEDIA"),
          Arguments.of(
              "/report/observedAt", "precision", "HOUR", "report.observedAt.precision", "WEEK"),
          Arguments.of("/report/marking", "tlp", "PURPLE", "report.marking.tlp", "AMBER+STRICT"),
          Arguments.of(
              "/report/marking",
              "classification",
              "SECRET",
              "report.marking.classification",
              "OFFICIAL"),
          Arguments.of(
              "/report/grading", "source", "NINE", "report.grading.source", "3 (not reliable)"),
          Arguments.of(
              "/report/grading",
              "intelligence",
              "Z",
              "report.grading.intelligence",
              "A, B, C, D, E"),
          Arguments.of("/report/grading", "handling", "Q", "report.grading.handling", "P, C"),
          Arguments.of("/agency", "type", "SPIES", "agency.type", "TRADING_STANDARDS"));
    }

    @ParameterizedTest(name = "{3} = {2}")
    @MethodSource("unknownVocabularyWords")
    void unknownVocabularyWordIsRefusedNamingThePathAndTheAcceptedValuesWithoutRepeatingIt(
        String parent, String name, String badValue, String path, String anAcceptedValue) {
      // given
      String json = edit(reported(fullReport()), parent, node -> node.put(name, badValue));

      // then
      assertRefused(json)
          .satisfies(e -> assertThat(e.field()).isEqualTo(path))
          .satisfies(e -> assertThat(e.reason()).contains(anAcceptedValue))
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain(badValue));
    }

    @Test
    void unknownIndicatorIsRefusedNamingItsPlaceInTheList() {
      // given
      String json =
          edit(
              reported(fullReport()),
              "/report",
              r -> r.putArray("indicators").add("NEW_PHONE").add("SHOUTING"));

      // then
      assertRefused(json)
          .satisfies(e -> assertThat(e.field()).isEqualTo("report.indicators[1]"))
          .satisfies(e -> assertThat(e.reason()).contains("DEBT_BONDAGE"))
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("SHOUTING"));
    }

    static Stream<Arguments> requiredFields() {
      return Stream.of(
          Arguments.of(reported(fullReport()), "/report", "category", "report.category"),
          Arguments.of(reported(fullReport()), "/report", "summary", "report.summary"),
          Arguments.of(reported(fullReport()), "/report", "observedAt", "report.observedAt"),
          Arguments.of(reported(fullReport()), "/report", "location", "report.location"),
          Arguments.of(reported(fullReport()), "/report", "marking", "report.marking"),
          Arguments.of(
              reported(fullReport()), "/report/location", "district", "report.location.district"),
          Arguments.of(reported(fullReport()), "/report/observedAt", "at", "report.observedAt.at"),
          Arguments.of(reported(fullReport()), "/report/marking", "tlp", "report.marking.tlp"),
          Arguments.of(
              reported(fullReport()), "/report/subjects/1", "role", "report.subjects[1].role"),
          Arguments.of(
              reported(fullReport()),
              "/report/identifiers/0",
              "token",
              "report.identifiers[0].token"),
          Arguments.of(reported(fullReport()), "/report/premises", "key", "report.premises.key"),
          Arguments.of(
              reported(fullReport()), "/report/grading", "source", "report.grading.source"),
          Arguments.of(reported(fullReport()), "/agency", "id", "agency.id"),
          Arguments.of(reported(fullReport()), "", "eventId", "eventId"),
          Arguments.of(reported(fullReport()), "", "submittedAt", "submittedAt"),
          Arguments.of(reported(fullReport()), "", "originRefHash", "originRefHash"),
          Arguments.of(reported(fullReport()), "", "report", "report"),
          Arguments.of(amended(fullReport()), "", "reason", "reason"),
          Arguments.of(retracted(), "", "reason", "reason"),
          Arguments.of(retracted(), "", "revision", "revision"));
    }

    @ParameterizedTest(name = "{3}")
    @MethodSource("requiredFields")
    void missingRequiredFieldIsRefusedNamingIt(
        IntelligenceEvent event, String parent, String name, String path) {
      // given
      String json = edit(event, parent, node -> node.remove(name));

      // then
      assertRefused(json).satisfies(e -> assertThat(e.field()).isEqualTo(path));
    }

    @Test
    void missingCategoryIsRefusedWithAMessageNamingIt() {
      // given
      String json = edit(reported(fullReport()), "/report", r -> r.remove("category"));

      // then
      assertRefused(json).hasMessage("report.category: required");
    }

    @Test
    void handlingCodeCWithoutConditionsIsRefusedNamingTheConditions() {
      // given
      String json = edit(reported(fullReport()), "/report/grading", g -> g.remove("conditions"));

      // then
      assertRefused(json)
          .satisfies(e -> assertThat(e.field()).isEqualTo("report.grading.conditions"))
          .satisfies(e -> assertThat(e.reason()).contains("handling code C"));
    }

    @Test
    void handlingCodeCWithBlankConditionsIsRefusedNamingTheConditions() {
      // given
      String json =
          edit(reported(fullReport()), "/report/grading", g -> g.put("conditions", "   "));

      // then
      assertRefused(json)
          .satisfies(e -> assertThat(e.field()).isEqualTo("report.grading.conditions"));
    }

    @Test
    void conditionsWithHandlingCodePAreRefused() {
      // given
      String json = edit(reported(fullReport()), "/report/grading", g -> g.put("handling", "P"));

      // then
      assertRefused(json)
          .satisfies(e -> assertThat(e.field()).isEqualTo("report.grading.conditions"))
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("premises owner"));
    }

    @Test
    void agencyTypesOnAnAmberStrictReportAreRefusedNamingThem() {
      // given
      String json =
          edit(
              reported(fullReport()),
              "/report/scope",
              s -> s.putArray("agencyTypes").add("POLICE"));

      // then
      assertRefused(json)
          .satisfies(e -> assertThat(e.field()).isEqualTo("report.scope.agencyTypes"));
    }

    @Test
    void scopeOnAGreenReportIsRefusedNamingTheScope() {
      // given
      String json = edit(reported(fullReport()), "/report/marking", m -> m.put("tlp", "GREEN"));

      // then
      assertRefused(json).satisfies(e -> assertThat(e.field()).isEqualTo("report.scope"));
    }

    @Test
    void summaryOverTheLimitIsRefusedWithoutRepeatingIt() {
      // given
      String json =
          edit(
              reported(minimalReport()),
              "/report",
              r -> r.put("summary", "Sam Example ".repeat(400)));

      // then
      assertRefused(json)
          .satisfies(e -> assertThat(e.field()).isEqualTo("report.summary"))
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Sam"));
    }

    @Test
    void malformedTokenIsRefusedNamingItsPathWithoutRepeatingIt() {
      // given
      String json =
          edit(reported(fullReport()), "/report/identifiers/0", i -> i.put("token", "07700900123"));

      // then
      assertRefused(json)
          .satisfies(e -> assertThat(e.field()).isEqualTo("report.identifiers[0].token"))
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("07700900123"));
    }

    @Test
    void dealLineOnAVehicleIsRefusedNamingTheIdentifier() {
      // given
      String json =
          edit(reported(fullReport()), "/report/identifiers/1", i -> i.put("dealLine", true));

      // then
      assertRefused(json).satisfies(e -> assertThat(e.field()).isEqualTo("report.identifiers[1]"));
    }

    @Test
    void revisionBelowOneIsRefusedNamingIt() {
      // given
      String json = edit(retracted(), "", r -> r.put("revision", 0));

      // then
      assertRefused(json)
          .satisfies(e -> assertThat(e.field()).isEqualTo("revision"))
          .satisfies(e -> assertThat(e.reason()).isEqualTo("must be positive"));
    }

    @Test
    void fieldOfTheWrongTypeIsRefusedNamingIt() {
      // given
      String json = edit(retracted(), "", r -> r.put("revision", "three"));

      // then
      assertRefused(json).satisfies(e -> assertThat(e.field()).isEqualTo("revision"));
    }

    @Test
    void missingSchemaVersionIsRefusedNamingIt() {
      // given
      String json = edit(reported(minimalReport()), "", e -> e.remove("schemaVersion"));

      // then
      assertRefused(json).satisfies(e -> assertThat(e.field()).isEqualTo("schemaVersion"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "\"1\"", "1.5", "null", "true", "4294967297"})
    void schemaVersionThatIsNotAVersionIsRefusedNamingIt(String version) {
      // given
      String json =
          EventJson.writeString(reported(minimalReport()))
              .replace("\"schemaVersion\":1", "\"schemaVersion\":" + version);

      // then
      assertRefused(json).satisfies(e -> assertThat(e.field()).isEqualTo("schemaVersion"));
    }

    @Test
    void newerSchemaVersionIsRefusedAskingForAnUpgrade() {
      // given an event from a producer deployed ahead of this consumer
      String json = edit(reported(minimalReport()), "", e -> e.put("schemaVersion", 2));

      // then
      assertRefused(json)
          .satisfies(e -> assertThat(e.field()).isEqualTo("schemaVersion"))
          .satisfies(e -> assertThat(e.reason()).contains("newer").contains("upgrade"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"FOO", "report", "INTELLIGENCE_REPORTED", ""})
    void unknownKindIsRefusedNamingKindAndTheKinds(String kind) {
      // given
      String json = edit(reported(minimalReport()), "", e -> e.put("kind", kind));

      // then
      assertRefused(json)
          .satisfies(e -> assertThat(e.field()).isEqualTo("kind"))
          .satisfies(e -> assertThat(e.reason()).contains("REPORT, AMENDMENT, RETRACTION"));
    }

    @Test
    void missingKindIsRefusedNamingIt() {
      // given
      String json = edit(reported(minimalReport()), "", e -> e.remove("kind"));

      // then
      assertRefused(json).satisfies(e -> assertThat(e.field()).isEqualTo("kind"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "{", "{\"schemaVersion\":1,}", "{} {}", "\u0000"})
    void textThatIsNotJsonIsRefused(String text) {
      assertRefused(text)
          .satisfies(e -> assertThat(e.field()).isEmpty())
          .satisfies(e -> assertThat(e.reason()).contains("JSON"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"REPORT\"", "42", "null", "", "   "})
    void jsonThatIsNotAnObjectIsRefused(String text) {
      assertRefused(text)
          .satisfies(e -> assertThat(e.field()).isEmpty())
          .satisfies(e -> assertThat(e.reason()).contains("object"));
    }
  }

  private static ObjectNode tree(IntelligenceEvent event) {
    return (ObjectNode) JSON.readTree(EventJson.write(event));
  }

  /** The event's JSON with the object at the pointer (empty for the event itself) changed. */
  private static String edit(IntelligenceEvent event, String pointer, Consumer<ObjectNode> change) {
    ObjectNode json = tree(event);
    change.accept((ObjectNode) json.at(pointer));
    return JSON.writeValueAsString(json);
  }

  private static AbstractThrowableAssert<?, EventFormatException> assertRefused(String json) {
    return assertThatThrownBy(() -> EventJson.read(json))
        .asInstanceOf(throwable(EventFormatException.class));
  }
}
