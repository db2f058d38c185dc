package uk.crossline.search.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.crossline.model.AgencyId;
import uk.crossline.model.event.IntelligenceReported;
import uk.crossline.model.event.Premises;
import uk.crossline.model.event.SharingScope;
import uk.crossline.model.policy.CorrelationPolicy;
import uk.crossline.model.pseudonymisation.PseudonymToken;
import uk.crossline.model.pseudonymisation.Pseudonymiser;
import uk.crossline.model.vocabulary.IdentifierType;
import uk.crossline.model.vocabulary.Tlp;
import uk.crossline.search.query.TestEvents;
import uk.crossline.testsupport.CrosslineIntegrationTest;
import uk.crossline.testsupport.DemoTokens;

/**
 * Links on the real stack: events of several agencies sharing an identifier, a person and a
 * premises with an anchor event, a hidden event sharing them too, a token shared by more events
 * than the cap, and a warning-listed switchboard number.
 */
@CrosslineIntegrationTest
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LinksIntegrationTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired MockMvc mvc;
  @Autowired ElasticsearchClient client;
  @Autowired Pseudonymiser pseudonymiser;

  private final String marker = TestEvents.marker("links");
  private final int cap = CorrelationPolicy.bundled().capPerToken();
  private PseudonymToken email;
  private PseudonymToken person;
  private PseudonymToken switchboard;
  private PseudonymToken common;
  private IntelligenceReported anchor;
  private IntelligenceReported byTradingStandards;
  private IntelligenceReported byCouncil;
  private IntelligenceReported hiddenRed;
  private IntelligenceReported commonAnchor;
  private IntelligenceReported amberForWestMidlands;
  private IntelligenceReported inShoppingCentre;
  private IntelligenceReported byPoliceByAddress;

  @BeforeAll
  void seed() throws Exception {
    email = pseudonymiser.token(IdentifierType.EMAIL, marker + "@example.org");
    common = pseudonymiser.token(IdentifierType.EMAIL, "common-" + marker + "@example.org");
    switchboard = pseudonymiser.token(IdentifierType.PHONE, "01527 900 000");
    person = pseudonymiser.personToken("Test Person " + marker, Optional.empty());
    Premises shop =
        Premises.of(
            "Links Vapes " + marker.substring(5, 12),
            "1 Test Street",
            "B97 4AB",
            Optional.of("99" + Math.abs(marker.hashCode())),
            Optional.empty());
    int n = 0;
    anchor =
        TestEvents.event(marker, n++)
            .identifier(IdentifierType.EMAIL, email)
            .identifier(IdentifierType.PHONE, switchboard)
            .subject(person)
            .premises(shop)
            .build();
    byTradingStandards =
        TestEvents.event(marker, n++)
            .by(TestEvents.TRADING_STANDARDS)
            .identifier(IdentifierType.EMAIL, email)
            .identifier(IdentifierType.PHONE, switchboard)
            .premises(shop)
            .build();
    byCouncil = TestEvents.event(marker, n++).by(TestEvents.REDDITCH).subject(person).build();
    hiddenRed =
        TestEvents.event(marker, n++)
            .by(TestEvents.WEST_MIDLANDS)
            .tlp(Tlp.RED)
            .identifier(IdentifierType.EMAIL, email)
            .subject(person)
            .premises(shop)
            .build();
    amberForWestMidlands =
        TestEvents.event(marker, n++)
            .tlp(Tlp.AMBER)
            .scope(new SharingScope(Set.of(AgencyId.of("west-midlands-police")), Set.of()))
            .identifier(IdentifierType.EMAIL, email)
            .build();
    // the same shop reported without its UPRN: keyed by name and postcode
    byPoliceByAddress =
        TestEvents.event(marker, n++)
            .by(TestEvents.WEST_MERCIA)
            .premises(
                Premises.of(
                    shop.name().toUpperCase(Locale.ROOT),
                    "1, Test St",
                    "B97 4AB",
                    Optional.empty(),
                    Optional.empty()))
            .build();
    List<IntelligenceReported> events =
        new ArrayList<>(
            List.of(
                anchor,
                byTradingStandards,
                byCouncil,
                hiddenRed,
                amberForWestMidlands,
                byPoliceByAddress));
    commonAnchor = TestEvents.event(marker, n++).identifier(IdentifierType.EMAIL, common).build();
    events.add(commonAnchor);
    for (int i = 0; i < cap + 3; i++) {
      events.add(
          TestEvents.event(marker, n++)
              .by(i % 2 == 0 ? TestEvents.WEST_MERCIA : TestEvents.REDDITCH)
              .identifier(IdentifierType.EMAIL, common)
              .build());
    }
    // the warning list names the postcode of a shopping centre: no premises there is followed
    Premises centreShop =
        Premises.of(
            "Centre Vapes " + marker, "Unit 9", "B97 4HJ", Optional.empty(), Optional.empty());
    inShoppingCentre = TestEvents.event(marker, n++).premises(centreShop).build();
    events.add(inShoppingCentre);
    events.add(TestEvents.event(marker, n++).by(TestEvents.REDDITCH).premises(centreShop).build());
    TestEvents.index(client, events);
  }

  @Test
  void policeAnalystFindsEventsOfOtherAgenciesSharingAnIdentifierAPersonAndAPremises(
      DemoTokens tokens) throws Exception {
    JsonNode answer = links("police.analyst", anchor, tokens);

    JsonNode byEmail = link(answer, "IDENTIFIER", email);
    assertThat(ids(byEmail))
        .containsExactlyInAnyOrder(id(byTradingStandards), id(amberForWestMidlands));
    assertThat(byEmail.get("total").asLong()).isEqualTo(2);
    assertThat(byEmail.get("capped").asBoolean()).isFalse();
    assertThat(byEmail.get("shared").asString()).isEqualTo("a shared email address");
    assertThat(ids(link(answer, "SUBJECT", person))).containsExactly(id(byCouncil));
    // the same premises whether an agency knew its UPRN or only its name and postcode
    JsonNode premises = only(answer, "PREMISES");
    assertThat(ids(premises))
        .containsExactlyInAnyOrder(id(byTradingStandards), id(byPoliceByAddress));
    assertThat(answer.get("cap").asInt()).isEqualTo(cap);
  }

  @Test
  void hiddenEventNeverAppearsInLinksNorInTheirTotals(DemoTokens tokens) throws Exception {
    // given a RED event of West Midlands Police sharing the email, the person and the premises
    String body = body("police.analyst", anchor, tokens);
    JsonNode answer = JSON.readTree(body);

    assertThat(body).doesNotContain(id(hiddenRed));
    assertThat(link(answer, "SUBJECT", person).get("total").asLong()).isEqualTo(1);
    assertThat(only(answer, "PREMISES").get("total").asLong()).isEqualTo(2);
  }

  @Test
  void originatorOfTheRedEventSeesItInLinksAndTheAmberEventNamedForIt(DemoTokens tokens)
      throws Exception {
    // West Midlands Police sees its own RED report and the AMBER one that names it
    JsonNode answer = links("wmp.analyst", anchor, tokens);

    assertThat(ids(link(answer, "IDENTIFIER", email)))
        .containsExactlyInAnyOrder(id(byTradingStandards), id(hiddenRed), id(amberForWestMidlands));
    assertThat(ids(link(answer, "SUBJECT", person))).contains(id(hiddenRed));
  }

  @Test
  void amberEventWhenAgencyNotInScopeThenNotInLinks(DemoTokens tokens) throws Exception {
    // the trading standards officer follows premises only; the council may not follow identifiers
    String body = body("redditch.cso", anchor, tokens);

    assertThat(body).doesNotContain(id(amberForWestMidlands)).doesNotContain(id(hiddenRed));
  }

  @Test
  void tokenSharedByMoreEventsThanTheCapIsCappedAndTheAnswerSaysSo(DemoTokens tokens)
      throws Exception {
    JsonNode answer = links("police.analyst", commonAnchor, tokens);

    JsonNode capped = link(answer, "IDENTIFIER", common);
    assertThat(capped.get("capped").asBoolean()).isTrue();
    assertThat(capped.get("total").asLong()).isEqualTo(cap + 3);
    assertThat(capped.get("events").size()).isEqualTo(cap);
    assertThat(answer.get("cap").asInt()).isEqualTo(cap);
  }

  @Test
  void warningListedIdentifierIsNotFollowedAndTheAnswerSaysSo(DemoTokens tokens) throws Exception {
    JsonNode answer = links("police.analyst", anchor, tokens);

    JsonNode warned = link(answer, "IDENTIFIER", switchboard);
    assertThat(warned.get("warned").asBoolean()).isTrue();
    assertThat(warned.get("events").size()).isZero();
    assertThat(warned.has("total")).isFalse();
    assertThat(link(answer, "IDENTIFIER", email).get("warned").asBoolean()).isFalse();
  }

  @Test
  void premisesAtAWarningListedPostcodeIsNotFollowed(DemoTokens tokens) throws Exception {
    JsonNode answer = links("ts.officer", inShoppingCentre, tokens);

    JsonNode premises = only(answer, "PREMISES");
    assertThat(premises.get("warned").asBoolean()).isTrue();
    assertThat(premises.get("events").size()).isZero();
    assertThat(premises.has("total")).isFalse();
  }

  @Test
  void callersWithoutLinkAnalysisFollowPremisesOnlyAndNeverSeeTokens(DemoTokens tokens)
      throws Exception {
    for (String user : List.of("ts.officer", "redditch.cso")) {
      String body = body(user, anchor, tokens);
      JsonNode answer = JSON.readTree(body);

      assertThat(answer.get("links").size()).as(user).isEqualTo(1);
      assertThat(only(answer, "PREMISES").get("events").size()).as(user).isEqualTo(2);
      assertThat(answer.get("notFollowed").findValuesAsString("via"))
          .containsExactlyInAnyOrder("IDENTIFIER", "SUBJECT");
      assertThat(body)
          .doesNotContain(email.value())
          .doesNotContain(person.value())
          .doesNotContain(switchboard.value())
          .doesNotContain("\"token\"");
    }
  }

  @Test
  void hiddenAndMissingEventsAnswerAlike(DemoTokens tokens) throws Exception {
    var hidden =
        mvc.perform(
                get("/api/v1/events/" + id(hiddenRed) + "/links")
                    .header("Authorization", "Bearer " + tokens.accessToken("police.analyst"))
                    .param("purpose", "links of a hidden event"))
            .andExpect(status().isNotFound())
            .andReturn()
            .getResponse()
            .getContentAsString();
    var missing =
        mvc.perform(
                get("/api/v1/events/00000000-0000-8000-8000-000000000000/links")
                    .header("Authorization", "Bearer " + tokens.accessToken("police.analyst"))
                    .param("purpose", "links of a missing event"))
            .andExpect(status().isNotFound())
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(JSON.readTree(hidden).get("detail")).isEqualTo(JSON.readTree(missing).get("detail"));
  }

  @Test
  void linksNeedAPurposeAndRefuseUnknownParametersAndSubmitOnlyAgencies(DemoTokens tokens)
      throws Exception {
    String token = tokens.accessToken("police.analyst");
    mvc.perform(
            get("/api/v1/events/" + id(anchor) + "/links")
                .header("Authorization", "Bearer " + token))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("purpose"));
    mvc.perform(
            get("/api/v1/events/" + id(anchor) + "/links")
                .header("Authorization", "Bearer " + token)
                .param("purpose", "links check")
                .param("depth", "3"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("depth"));
    mvc.perform(
            get("/api/v1/events/" + id(anchor) + "/links")
                .header("Authorization", "Bearer " + tokens.accessToken("school.lead"))
                .param("purpose", "links check"))
        .andExpect(status().isForbidden());
  }

  private JsonNode links(String user, IntelligenceReported event, DemoTokens tokens)
      throws Exception {
    return JSON.readTree(body(user, event, tokens));
  }

  private String body(String user, IntelligenceReported event, DemoTokens tokens) throws Exception {
    return mvc.perform(
            get("/api/v1/events/" + id(event) + "/links")
                .header("Authorization", "Bearer " + tokens.accessToken(user))
                .param("purpose", "links test " + marker))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private static JsonNode link(JsonNode answer, String via, PseudonymToken token) {
    return StreamSupport.stream(answer.get("links").spliterator(), false)
        .filter(link -> link.get("via").asString().equals(via))
        .filter(link -> link.has("token") && link.get("token").asString().equals(token.value()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + via + " link for the token in " + answer));
  }

  private static JsonNode only(JsonNode answer, String via) {
    List<JsonNode> found =
        StreamSupport.stream(answer.get("links").spliterator(), false)
            .filter(link -> link.get("via").asString().equals(via))
            .toList();
    assertThat(found).hasSize(1);
    return found.getFirst();
  }

  private static List<String> ids(JsonNode link) {
    return link.get("events").findValuesAsString("eventId");
  }

  private static String id(IntelligenceReported event) {
    return event.eventId().value();
  }
}
