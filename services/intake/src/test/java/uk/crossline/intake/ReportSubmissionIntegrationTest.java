package uk.crossline.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;
import uk.crossline.model.AgencyId;
import uk.crossline.model.AgencyType;
import uk.crossline.model.Topics;
import uk.crossline.model.event.EventId;
import uk.crossline.model.event.IntelligenceAmended;
import uk.crossline.model.event.IntelligenceEvent;
import uk.crossline.model.event.IntelligenceReported;
import uk.crossline.model.event.IntelligenceRetracted;
import uk.crossline.model.vocabulary.AgeBand;
import uk.crossline.model.vocabulary.Category;
import uk.crossline.model.vocabulary.IdentifierType;
import uk.crossline.model.vocabulary.Indicator;
import uk.crossline.model.vocabulary.Tlp;
import uk.crossline.testsupport.CrosslineIntegrationTest;
import uk.crossline.testsupport.DemoTokens;

/** Reports through the real intake, with real tokens, onto the real broker. */
@CrosslineIntegrationTest
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("demo")
class ReportSubmissionIntegrationTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired MockMvc mvc;

  @Test
  void policeReportLandsOnTheTopicAsTheDocumentedEvent(DemoTokens tokens) throws Exception {
    var topic = TopicRecords.from(Topics.INTELLIGENCE_EVENTS);

    EventId eventId =
        submitted(
            submit(
                tokens,
                "police.analyst",
                "/api/v1/police/reports",
                Forms.police(Forms.reference())));

    IntelligenceReported event = single(topic, eventId, IntelligenceReported.class);
    assertThat(event.agency().id()).isEqualTo(AgencyId.of("west-mercia-police"));
    assertThat(event.agency().type()).isEqualTo(AgencyType.POLICE);
    assertThat(event.revision()).isEqualTo(1);
    assertThat(event.report().category()).isEqualTo(Category.DEAL_LINE);
    assertThat(event.report().grading())
        .hasValueSatisfying(g -> assertThat(g.code()).isEqualTo("2/B/P"));
    assertThat(event.report().location().district()).isEqualTo("redditch");
    assertThat(event.report().location().outwardPostcode()).contains("B97");
    assertThat(event.report().location().postcodeSector()).isEmpty();
    assertThat(event.report().identifiers())
        .singleElement()
        .satisfies(
            id -> {
              assertThat(id.type()).isEqualTo(IdentifierType.PHONE);
              assertThat(id.dealLine()).isTrue();
              assertThat(id.token().value()).startsWith("k");
            });
    assertThat(event.report().marking().tlp()).isEqualTo(Tlp.AMBER);
    assertThat(event.report().scope().agencyTypes()).containsExactly(AgencyType.LOCAL_AUTHORITY);
  }

  @Test
  void tradingStandardsReportKeepsThePremisesIdentifiable(DemoTokens tokens) throws Exception {
    var topic = TopicRecords.from(Topics.INTELLIGENCE_EVENTS);

    EventId eventId =
        submitted(
            submit(
                tokens,
                "ts.officer",
                "/api/v1/trading-standards/reports",
                Forms.tradingStandards(Forms.reference())));

    IntelligenceReported event = single(topic, eventId, IntelligenceReported.class);
    assertThat(event.agency().type()).isEqualTo(AgencyType.TRADING_STANDARDS);
    assertThat(event.report().category()).isEqualTo(Category.VAPE_SUPPLY_TO_MINORS);
    assertThat(event.report().indicators())
        .contains(Indicator.UNDER_AGE_SALE, Indicator.FREE_OR_CHEAP_VAPES);
    assertThat(event.report().premises())
        .hasValueSatisfying(
            premises -> {
              assertThat(premises.name()).isEqualTo("Kidder Vape Hub");
              assertThat(premises.postcode()).isEqualTo("DY10 1AA");
              assertThat(premises.key()).isEqualTo("uprn:100120000001");
            });
    assertThat(event.report().location().district()).isEqualTo("wyre-forest");
    assertThat(event.report().summary()).contains("DY10 1AA").doesNotContain("[postcode]");
    assertThat(event.report().grading()).isEmpty();
  }

  @Test
  void schoolAndYouthServiceConcernsCarryAnAgeBandAndNoName(DemoTokens tokens) throws Exception {
    var topic = TopicRecords.from(Topics.INTELLIGENCE_EVENTS);

    EventId fromSchool =
        submitted(
            submit(
                tokens,
                "school.lead",
                "/api/v1/safeguarding/concerns",
                Forms.safeguarding(Forms.reference())));
    EventId fromMentor =
        submitted(
            submit(
                tokens,
                "youth.mentor",
                "/api/v1/safeguarding/concerns",
                Forms.safeguarding(Forms.reference())));

    IntelligenceReported school = single(topic, fromSchool, IntelligenceReported.class);
    assertThat(school.agency().type()).isEqualTo(AgencyType.EDUCATION);
    assertThat(school.report().category()).isEqualTo(Category.GROOMING_TACTIC);
    assertThat(school.report().subjects())
        .singleElement()
        .satisfies(
            subject -> {
              assertThat(subject.ageBand()).isEqualTo(AgeBand.AGE_14_TO_15);
              assertThat(subject.token()).isEmpty();
            });
    IntelligenceReported mentor = single(topic, fromMentor, IntelligenceReported.class);
    assertThat(mentor.agency().id()).isEqualTo(AgencyId.of("nw-youth-mentoring"));
    assertThat(mentor.agency().type()).isEqualTo(AgencyType.YOUTH_SERVICES);
  }

  @Test
  void councilCuckooingReportGeneralisesTheHomeItConcerns(DemoTokens tokens) throws Exception {
    var topic = TopicRecords.from(Topics.INTELLIGENCE_EVENTS);

    EventId eventId =
        submitted(
            submit(
                tokens,
                "redditch.cso",
                "/api/v1/council/reports",
                Forms.council(Forms.reference())));

    IntelligenceReported event = single(topic, eventId, IntelligenceReported.class);
    assertThat(event.agency().id()).isEqualTo(AgencyId.of("redditch-bc"));
    assertThat(event.report().category()).isEqualTo(Category.CUCKOOING);
    assertThat(event.report().premises()).isEmpty();
    assertThat(event.report().location().outwardPostcode()).contains("B98");
    assertThat(event.report().location().postcodeSector()).isEmpty();
    assertThat(event.report().location().point()).isPresent();
  }

  @Test
  void retriedSubmissionYieldsTheSameEventIdAndNoSecondEvent(DemoTokens tokens) throws Exception {
    var topic = TopicRecords.from(Topics.INTELLIGENCE_EVENTS);
    String form = Forms.police(Forms.reference());

    EventId first = submitted(submit(tokens, "police.analyst", "/api/v1/police/reports", form));
    var retry =
        submit(tokens, "police.analyst", "/api/v1/police/reports", form)
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.duplicate").value(true));

    assertThat(eventIdOf(retry)).isEqualTo(first);
    assertThat(topic.eventsOf(first)).hasSize(1);
  }

  @Test
  void sameReferenceWithOtherContentIsAConflictAndPublishesNothing(DemoTokens tokens)
      throws Exception {
    String reference = Forms.reference();
    EventId first =
        submitted(
            submit(tokens, "police.analyst", "/api/v1/police/reports", Forms.police(reference)));
    var topic = TopicRecords.from(Topics.INTELLIGENCE_EVENTS);

    submit(
            tokens,
            "police.analyst",
            "/api/v1/police/reports",
            Forms.police(reference).replace("DEAL_LINE", "DRUG_DEALING"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.errors[0].field").value("reference"));

    assertThat(topic.eventsOf(first)).isEmpty();
  }

  @Test
  void samePhoneWrittenTwoWaysByTwoAgenciesYieldsTheSameToken(DemoTokens tokens) throws Exception {
    var topic = TopicRecords.from(Topics.INTELLIGENCE_EVENTS);
    EventId police =
        submitted(
            submit(
                tokens,
                "police.analyst",
                "/api/v1/police/reports",
                Forms.police(Forms.reference())));
    String councilForm =
        Forms.council(Forms.reference())
            .replace(
                "\"indicators\"",
                "\"identifiers\": [{\"type\": \"PHONE\", \"value\": \"+44 (0)7700-900-123\"}],\n"
                    + "  \"indicators\"");
    EventId council =
        submitted(submit(tokens, "redditch.cso", "/api/v1/council/reports", councilForm));

    var policeToken =
        single(topic, police, IntelligenceReported.class).report().identifiers().getFirst().token();
    var councilToken =
        single(topic, council, IntelligenceReported.class)
            .report()
            .identifiers()
            .getFirst()
            .token();
    assertThat(councilToken).isEqualTo(policeToken);
  }

  @Test
  void originatorAmendsAndRetractsItsReport(DemoTokens tokens) throws Exception {
    String reference = Forms.reference();
    EventId eventId =
        submitted(
            submit(
                tokens,
                "ts.officer",
                "/api/v1/trading-standards/reports",
                Forms.tradingStandards(reference)));
    var topic = TopicRecords.from(Topics.INTELLIGENCE_EVENTS);

    String amended = Forms.tradingStandards(reference).replace("UNDER_AGE_SALE", "ILLICIT_VAPES");
    mvc.perform(
            put("/api/v1/trading-standards/reports/" + eventId)
                .header("Authorization", "Bearer " + tokens.accessToken("ts.officer"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"reason\": \"Lab test found illicit product\", \"report\": "
                        + amended
                        + "}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.revision").value(2))
        .andExpect(jsonPath("$.kind").value("AMENDMENT"));
    retract(tokens, "ts.officer", eventId)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.revision").value(3));

    List<IntelligenceEvent> events = topic.eventsOf(eventId);
    assertThat(events).hasSize(2);
    assertThat(events.get(0))
        .isInstanceOfSatisfying(
            IntelligenceAmended.class,
            amendment -> {
              assertThat(amendment.revision()).isEqualTo(2);
              assertThat(amendment.report().category()).isEqualTo(Category.ILLICIT_VAPES);
              assertThat(amendment.reason()).isEqualTo("Lab test found illicit product");
            });
    assertThat(events.get(1))
        .isInstanceOfSatisfying(
            IntelligenceRetracted.class,
            retraction -> assertThat(retraction.revision()).isEqualTo(3));
  }

  @Test
  void anotherAgencyMayNeitherAmendNorRetract(DemoTokens tokens) throws Exception {
    String reference = Forms.reference();
    EventId eventId =
        submitted(
            submit(tokens, "redditch.cso", "/api/v1/council/reports", Forms.council(reference)));
    var topic = TopicRecords.from(Topics.INTELLIGENCE_EVENTS);

    mvc.perform(
            put("/api/v1/council/reports/" + eventId)
                .header("Authorization", "Bearer " + tokens.accessToken("bromsgrove.cso"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"reason\": \"mine now\", \"report\": " + Forms.council(reference) + "}"))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.title").value("Not your agency's report"));
    retract(tokens, "police.analyst", eventId).andExpect(status().isForbidden());

    assertThat(topic.eventsOf(eventId)).isEmpty();
  }

  @Test
  void formOfAnotherAgencyTypeIsForbidden(DemoTokens tokens) throws Exception {
    var topic = TopicRecords.from(Topics.INTELLIGENCE_EVENTS);

    submit(tokens, "redditch.cso", "/api/v1/police/reports", Forms.police(Forms.reference()))
        .andExpect(status().isForbidden());

    assertThat(topic.events()).isEmpty();
  }

  private ResultActions submit(DemoTokens tokens, String user, String path, String json)
      throws Exception {
    return mvc.perform(
        post(path)
            .header("Authorization", "Bearer " + tokens.accessToken(user))
            .contentType(MediaType.APPLICATION_JSON)
            .content(json));
  }

  private ResultActions retract(DemoTokens tokens, String user, EventId eventId) throws Exception {
    return mvc.perform(
        post("/api/v1/reports/" + eventId + "/retraction")
            .header("Authorization", "Bearer " + tokens.accessToken(user))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"reason\": \"ENTERED_IN_ERROR\"}"));
  }

  private static EventId submitted(ResultActions result) throws Exception {
    var response = result.andReturn().getResponse();
    assertThat(response.getStatus())
        .as("answer to the submission: %s", response.getContentAsString())
        .isEqualTo(201);
    result.andExpect(jsonPath("$.duplicate").value(false));
    return eventIdOf(result);
  }

  private static EventId eventIdOf(ResultActions result) throws Exception {
    return EventId.of(
        JSON.readTree(result.andReturn().getResponse().getContentAsString())
            .get("eventId")
            .asString());
  }

  private static <T extends IntelligenceEvent> T single(
      TopicRecords topic, EventId eventId, Class<T> type) {
    List<IntelligenceEvent> events = topic.eventsOf(eventId);
    assertThat(events).hasSize(1);
    assertThat(events.getFirst()).isInstanceOf(type);
    return type.cast(events.getFirst());
  }
}
