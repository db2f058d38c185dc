package uk.crossline.portal.submit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.json.JsonMapper;
import uk.crossline.model.AgencyType;
import uk.crossline.portal.hub.HubProblem;

/** The form model: what each page requires, the intake's JSON, and where refusals belong. */
class SubmitFormTest {

  @Test
  void safeguardingAboutPageWithoutAnswersThenEachRequiredFieldNamed() {
    Draft draft = Draft.blank(FormKind.of(AgencyType.EDUCATION));

    Map<String, String> problems = Questions.problems(Page.ABOUT, draft);

    assertThat(problems).containsOnlyKeys("reference", "concern", "yearGroup");
    assertThat(problems.get("yearGroup")).contains("year group or age band");
  }

  @Test
  void pageAnswersThenOnlyThatPagesFieldsKept() {
    Draft draft =
        Draft.blank(FormKind.SAFEGUARDING)
            .answer(Page.ABOUT, posted("reference", "SCH/1", "summary", "not on this page"));

    assertThat(draft.one("reference")).isEqualTo("SCH/1");
    assertThat(draft.has("summary")).isFalse();
  }

  @Test
  void exactTimeWithoutATimeThenAskedForOne() {
    Draft draft =
        Draft.blank(FormKind.COUNCIL)
            .answer(
                Page.WHEN,
                posted(
                    "observedDay", "20",
                    "observedMonth", "11",
                    "observedYear", "2026",
                    "precision", "EXACT",
                    "district", "redditch"));

    assertThat(Questions.problems(Page.WHEN, draft)).containsOnlyKeys("observedTime");
  }

  @Test
  void futureOrImpossibleDateThenRefused() {
    Draft impossible =
        Draft.blank(FormKind.COUNCIL)
            .answer(
                Page.WHEN,
                posted(
                    "observedDay", "31",
                    "observedMonth", "2",
                    "observedYear", "2026",
                    "precision", "DAY",
                    "postcode", "B97"));

    assertThat(Questions.problems(Page.WHEN, impossible).get("observedDay")).contains("real date");
  }

  @Test
  void amberWithoutAnyoneToShareWithThenRefused() {
    Draft draft = Draft.blank(FormKind.COUNCIL).answer(Page.MARKING, posted("tlp", "AMBER"));

    assertThat(Questions.problems(Page.MARKING, draft)).containsOnlyKeys("amberTypes");
  }

  @Test
  void policeDraftThenIntakeJsonWithGradingDealLineAndUkTime() {
    Draft draft =
        Draft.blank(FormKind.POLICE)
            .answer(
                Page.ABOUT,
                posted(
                    "reference", "WMP/IR/1",
                    "category", "DEAL_LINE",
                    "source", "2",
                    "intelligence", "B",
                    "handling", "C",
                    "conditions", "Not for court"))
            .answer(
                Page.WHEN,
                posted(
                    "observedDay", "1",
                    "observedMonth", "7",
                    "observedYear", "2026",
                    "observedTime", "21:30",
                    "precision", "EXACT",
                    "postcode", "B97 4AB"))
            .answer(
                Page.DETAILS,
                posted(
                    "summary", "Deal line",
                    "identifierType1", "PHONE",
                    "identifierValue1", "07700 900123",
                    "dealLine1", "true"))
            .answer(Page.MARKING, posted("tlp", "AMBER+STRICT", "strictAgencies", "redditch-bc"));

    Map<String, Object> body = ReportBody.of(draft);

    assertThat(body)
        .containsEntry("category", "DEAL_LINE")
        .containsEntry(
            "grading",
            Map.of(
                "source", "2", "intelligence", "B", "handling", "C", "conditions", "Not for court"))
        .containsEntry("observedAt", Map.of("at", "2026-07-01T20:30:00Z", "precision", "EXACT"))
        .containsEntry(
            "identifiers",
            List.of(Map.of("type", "PHONE", "value", "07700 900123", "dealLine", true)));
    assertThat(body.get("marking"))
        .isEqualTo(
            Map.of(
                "tlp",
                "AMBER+STRICT",
                "officialSensitive",
                false,
                "shareWithAgencies",
                List.of("redditch-bc")));
    for (Page page : Page.values()) {
      assertThat(Questions.problems(page, draft)).as(page.name()).isEmpty();
    }
  }

  @Test
  void intakeRefusalsThenPlacedOnTheirPageAndField() {
    Draft draft = Draft.blank(FormKind.PREMISES);
    HubProblem problem =
        new HubProblem(
            400,
            "Invalid",
            "",
            List.of(
                new HubProblem.FieldError("where.postcode", "not a known outward code"),
                new HubProblem.FieldError("identifiers[1].value", "not a phone number"),
                new HubProblem.FieldError("premises.uprn", "a UPRN is up to 12 digits"),
                new HubProblem.FieldError("something", "odd")));

    List<Questions.Refusal> refusals = Questions.refusals(problem, draft);

    assertThat(refusals)
        .extracting(Questions.Refusal::href)
        .containsExactly(
            "/submit/when?change=true#postcode",
            "/submit/details?change=true#identifierValue2",
            "/submit/about?change=true#premisesUprn",
            null);
  }

  @Test
  void amendmentPrefillThenNeverTheReferenceNorIdentifiers() throws Exception {
    var event =
        JsonMapper.builder()
            .build()
            .readTree(
                """
                {"eventId": "x", "category": "CUCKOOING", "observedAt": "2026-11-01T00:00:00Z",
                 "observedAtPrecision": "WEEK", "summary": "Visitors at all hours",
                 "location": {"district": "redditch", "outwardPostcode": "B98"},
                 "identifiers": [{"type": "PHONE", "token": "tok"}],
                 "indicators": ["VISITORS_AT_ALL_HOURS"],
                 "marking": {"tlp": "AMBER", "sensitive": false},
                 "scope": {"agencies": [], "agencyTypes": ["POLICE"]},
                 "grading": {"graded": false}}""");

    Map<String, List<String>> answers = ReportBody.answersOf(FormKind.COUNCIL, event);

    assertThat(answers)
        .containsEntry("concern", List.of("CUCKOOING"))
        .containsEntry("observedDay", List.of("1"))
        .containsEntry("precision", List.of("WEEK"))
        .containsEntry("postcode", List.of("B98"))
        .containsEntry("amberTypes", List.of("POLICE"))
        .doesNotContainKeys("reference", "identifierValue1", "identifierType1");
  }

  private static MultiValueMap<String, String> posted(String... namesAndValues) {
    MultiValueMap<String, String> posted = new LinkedMultiValueMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      posted.add(namesAndValues[i], namesAndValues[i + 1]);
    }
    return posted;
  }
}
