package uk.crossline.search.premises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
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
import uk.crossline.model.event.IntelligenceReported;
import uk.crossline.model.event.Premises;
import uk.crossline.model.vocabulary.Category;
import uk.crossline.model.vocabulary.Indicator;
import uk.crossline.model.vocabulary.Tlp;
import uk.crossline.search.query.TestEvents;
import uk.crossline.testsupport.CrosslineIntegrationTest;
import uk.crossline.testsupport.DemoTokens;

/**
 * A shop flagged by trading standards (with its UPRN), the police (by name and postcode only) and
 * the council, plus a RED flag of another force and a neighbouring shop at the same postcode.
 */
@CrosslineIntegrationTest
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PremisesIntegrationTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String POSTCODE = "B97 4AB";

  @Autowired MockMvc mvc;
  @Autowired ElasticsearchClient client;

  private final String marker = TestEvents.marker("premises");
  private final String uprn = "98" + Long.toString(Math.abs(marker.hashCode()) % 10_000_000_000L);
  private final String name = "Cloud " + marker.substring(8, 16) + " Vapes";
  private IntelligenceReported byCouncilInOctober;
  private IntelligenceReported byTradingStandards;
  private IntelligenceReported byPoliceWithoutUprn;
  private IntelligenceReported hiddenRed;
  private IntelligenceReported nextDoor;

  @BeforeAll
  void seed() throws Exception {
    Premises withUprn =
        Premises.of(name, "1 Alcester Street", POSTCODE, Optional.of(uprn), Optional.empty());
    Premises withoutUprn =
        Premises.of(
            name.toUpperCase(Locale.ROOT),
            "1, Alcester St",
            "b974ab",
            Optional.empty(),
            Optional.empty());
    byCouncilInOctober =
        TestEvents.event(marker, 0)
            .by(TestEvents.REDDITCH)
            .category(Category.VIOLENCE)
            .observed(Instant.parse("2026-10-28T18:00:00Z"))
            .premises(withUprn)
            .build();
    byTradingStandards =
        TestEvents.event(marker, 1)
            .by(TestEvents.TRADING_STANDARDS)
            .indicators(Indicator.FREE_OR_CHEAP_VAPES)
            .observed(Instant.parse("2026-11-02T15:00:00Z"))
            .premises(withUprn)
            .build();
    byPoliceWithoutUprn =
        TestEvents.event(marker, 2)
            .observed(Instant.parse("2026-11-04T21:00:00Z"))
            .premises(withoutUprn)
            .build();
    hiddenRed =
        TestEvents.event(marker, 3)
            .by(TestEvents.WEST_MIDLANDS)
            .tlp(Tlp.RED)
            .observed(Instant.parse("2026-11-03T12:00:00Z"))
            .premises(withUprn)
            .build();
    nextDoor =
        TestEvents.event(marker, 4)
            .observed(Instant.parse("2026-11-03T12:00:00Z"))
            .premises(
                Premises.of(
                    "Next Door " + marker,
                    "3 Alcester Street",
                    POSTCODE,
                    Optional.of(uprn + "1"),
                    Optional.empty()))
            .build();
    TestEvents.index(
        client,
        List.of(byCouncilInOctober, byTradingStandards, byPoliceWithoutUprn, hiddenRed, nextDoor));
  }

  @Test
  void byUprnEveryVisibleFlagOfEveryAgencyOldestFirstNeverAHiddenOne(DemoTokens tokens)
      throws Exception {
    String body = body(lookup("police.analyst", tokens).param("uprn", uprn));
    JsonNode answer = JSON.readTree(body);

    assertThat(ids(answer))
        .containsExactly(id(byCouncilInOctober), id(byTradingStandards), id(byPoliceWithoutUprn));
    assertThat(answer.get("total").asLong()).isEqualTo(3);
    assertThat(answer.get("complete").asBoolean()).isTrue();
    assertThat(answer.get("agencies").findValuesAsString("id"))
        .containsExactlyInAnyOrder("redditch-bc", "worcs-trading-standards", "west-mercia-police");
    assertThat(answer.get("months").findValuesAsString("month"))
        .containsExactly("2026-10", "2026-11");
    assertThat(answer.at("/months/1/flags").asLong()).isEqualTo(2);
    assertThat(answer.at("/events/1/indicators/0").asString()).isEqualTo("FREE_OR_CHEAP_VAPES");
    assertThat(answer.at("/events/1/marking/tlp").asString()).isEqualTo("GREEN");
    assertThat(body).doesNotContain(id(hiddenRed)).doesNotContain(id(nextDoor));
    // the only flag hidden from West Mercia is another force's RED one: never even a hit
    assertThat(answer.at("/otherMatches/exists").asBoolean()).isFalse();
    assertThat(
            answer.at("/otherMatches/matchRef").isMissingNode()
                || answer.at("/otherMatches/matchRef").isNull())
        .isTrue();
  }

  @Test
  void byNameAndPostcodeOrKeyTheSameFlagsAreFound(DemoTokens tokens) throws Exception {
    JsonNode byAddress =
        JSON.readTree(
            body(
                lookup("redditch.cso", tokens)
                    .param("name", name.toLowerCase(Locale.ROOT))
                    .param("postcode", "b97 4ab")));
    String addressKey = Premises.of(name, "", POSTCODE, Optional.empty(), Optional.empty()).key();
    JsonNode byKey = JSON.readTree(body(lookup("redditch.cso", tokens).param("key", addressKey)));

    List<String> expected =
        List.of(id(byCouncilInOctober), id(byTradingStandards), id(byPoliceWithoutUprn));
    assertThat(ids(byAddress)).isEqualTo(expected);
    assertThat(ids(byKey)).isEqualTo(expected);
    assertThat(byAddress.get("keys").valueStream().map(JsonNode::asString))
        .containsExactlyInAnyOrder(addressKey, "uprn:" + uprn);
  }

  @Test
  void tradingStandardsSeeOnlyThePremisesRelatedFlagsTheirAgreementAllows(DemoTokens tokens)
      throws Exception {
    JsonNode answer = JSON.readTree(body(lookup("ts.officer", tokens).param("uprn", uprn)));

    // violence is not premises-related: the council's flag is not theirs to see
    assertThat(ids(answer)).containsExactly(id(byTradingStandards), id(byPoliceWithoutUprn));
    // but it is GREEN: they may learn that another flag is there, and ask the council for it
    assertThat(answer.at("/otherMatches/exists").asBoolean()).isTrue();
    assertThat(answer.at("/otherMatches/matchRef").asString()).isNotBlank();
    assertThat(answer.toString()).doesNotContain(id(byCouncilInOctober));
  }

  @Test
  void originatorOfTheRedFlagSeesItInItsPlace(DemoTokens tokens) throws Exception {
    JsonNode answer = JSON.readTree(body(lookup("wmp.analyst", tokens).param("uprn", uprn)));

    assertThat(ids(answer))
        .containsExactly(
            id(byCouncilInOctober), id(byTradingStandards), id(hiddenRed), id(byPoliceWithoutUprn));
  }

  @Test
  void badLookupsAreRefusedNamingTheFieldAndSubmitOnlyAgenciesMayNotLookUp(DemoTokens tokens)
      throws Exception {
    mvc.perform(lookup("police.analyst", tokens))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("uprn"));
    mvc.perform(lookup("police.analyst", tokens).param("uprn", uprn).param("key", "uprn:1"))
        .andExpect(status().isBadRequest());
    mvc.perform(lookup("police.analyst", tokens).param("name", name).param("postcode", "nowhere"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("postcode"));
    mvc.perform(lookup("police.analyst", tokens).param("uprn", uprn).param("radius", "5"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("radius"));
    mvc.perform(
            get("/api/v1/premises")
                .header("Authorization", "Bearer " + tokens.accessToken("police.analyst"))
                .param("uprn", uprn))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("purpose"));
    mvc.perform(lookup("school.lead", tokens).param("uprn", uprn))
        .andExpect(status().isForbidden());
  }

  private MockHttpServletRequestBuilder lookup(String user, DemoTokens tokens) {
    return get("/api/v1/premises")
        .header("Authorization", "Bearer " + tokens.accessToken(user))
        .param("purpose", "premises test " + marker);
  }

  private String body(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request)
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private static List<String> ids(JsonNode answer) {
    return answer.get("events").findValuesAsString("eventId");
  }

  private static String id(IntelligenceReported event) {
    return event.eventId().value();
  }
}
