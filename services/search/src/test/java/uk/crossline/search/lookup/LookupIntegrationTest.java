package uk.crossline.search.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.crossline.model.audit.AuditAction;
import uk.crossline.model.audit.AuditEntry;
import uk.crossline.model.audit.AuditJson;
import uk.crossline.model.event.IntelligenceReported;
import uk.crossline.model.event.SharingScope;
import uk.crossline.model.pseudonymisation.PseudonymToken;
import uk.crossline.model.vocabulary.IdentifierType;
import uk.crossline.model.vocabulary.Tlp;
import uk.crossline.search.AccessLogReader;
import uk.crossline.testsupport.CrosslineIntegrationTest;
import uk.crossline.testsupport.DemoTokens;

/** Identifier look-up on the real stack: normalised, tokenised, never kept, under the policy. */
@CrosslineIntegrationTest
@SpringBootTest
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class LookupIntegrationTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired MockMvc mvc;
  @Autowired ElasticsearchClient client;

  @Test
  void eachIdentifierTypeIsFoundWhateverItsFormatting(DemoTokens tokens) throws Exception {
    // given GREEN police events, one per identifier type, each identifier unique to this run
    var seeds = new LookupSeeds(client);
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String phone = LookupSeeds.phone();
    String vehicle = "CL" + suffix.substring(0, 2).toUpperCase() + "XYZ".substring(0, 3);
    String handle = "snap_" + suffix;
    String email = "runner." + suffix + "@example.org";
    var byPhone =
        seeds.seed(
            LookupSeeds.POLICE,
            Tlp.GREEN,
            SharingScope.none(),
            LookupSeeds.identifier(IdentifierType.PHONE, phone));
    var byVehicle =
        seeds.seed(
            LookupSeeds.POLICE,
            Tlp.GREEN,
            SharingScope.none(),
            LookupSeeds.identifier(IdentifierType.VEHICLE, vehicle));
    var byHandle =
        seeds.seed(
            LookupSeeds.POLICE,
            Tlp.GREEN,
            SharingScope.none(),
            LookupSeeds.identifier(IdentifierType.SOCIAL_MEDIA, "@" + handle));
    var byEmail =
        seeds.seed(
            LookupSeeds.POLICE,
            Tlp.GREEN,
            SharingScope.none(),
            LookupSeeds.identifier(IdentifierType.EMAIL, email));
    String national = phone.replace(" ", "").substring(1);

    // when each is looked up as people type them, then each finds its event
    Map<String, List<String>> variants = new LinkedHashMap<>();
    variants.put(
        "PHONE",
        List.of(
            phone,
            "+44 " + national,
            "+44 (0)" + national,
            "0044" + national,
            phone.replace(" ", "-")));
    variants.put(
        "VEHICLE",
        List.of(
            vehicle, vehicle.toLowerCase(), vehicle.substring(0, 4) + " " + vehicle.substring(4)));
    variants.put("SOCIAL_MEDIA", List.of(handle, "@" + handle.toUpperCase(), " @" + handle + " "));
    variants.put("EMAIL", List.of(email, email.toUpperCase(), "  " + email));
    Map<String, IntelligenceReported> expected =
        Map.of("PHONE", byPhone, "VEHICLE", byVehicle, "SOCIAL_MEDIA", byHandle, "EMAIL", byEmail);
    for (var entry : variants.entrySet()) {
      for (String value : entry.getValue()) {
        JsonNode answer =
            read(
                lookup(tokens, "bromsgrove.cso", entry.getKey(), value).andExpect(status().isOk()));
        assertThat(ids(answer))
            .as("%s looked up as typed", entry.getKey())
            .containsExactly(expected.get(entry.getKey()).eventId().value());
        assertThat(answer.get("total").asLong()).isEqualTo(1);
        assertThat(answer.at("/otherMatches/exists").asBoolean()).isFalse();
      }
    }
  }

  @Test
  void anIdentifierTokenisedUnderAnOlderKeyIsFound(DemoTokens tokens) throws Exception {
    // given an event tokenised before the key was rotated, and one after
    var seeds = new LookupSeeds(client);
    String phone = LookupSeeds.phone();
    var before =
        seeds.seed(
            LookupSeeds.POLICE,
            Tlp.GREEN,
            SharingScope.none(),
            LookupSeeds.identifierUnderOldestKey(IdentifierType.PHONE, phone));
    var after =
        seeds.seed(
            LookupSeeds.POLICE,
            Tlp.GREEN,
            SharingScope.none(),
            LookupSeeds.identifier(IdentifierType.PHONE, phone));
    assertThat(
            LookupSeeds.identifierUnderOldestKey(IdentifierType.PHONE, phone).token().keyVersion())
        .isLessThan(LookupSeeds.identifier(IdentifierType.PHONE, phone).token().keyVersion());

    // when looked up, then both are found
    JsonNode answer =
        read(lookup(tokens, "police.analyst", "PHONE", phone).andExpect(status().isOk()));
    assertThat(ids(answer))
        .containsExactlyInAnyOrder(before.eventId().value(), after.eventId().value());
  }

  @Test
  void theIdentifierNeverReachesTheAuditRecordTheLogsOrTheAnswer(
      DemoTokens tokens, CapturedOutput output) throws Exception {
    // given an event with a phone, looked up by a police analyst (who may see tokens)
    var seeds = new LookupSeeds(client);
    String phone = LookupSeeds.phone();
    String normalised = "+44" + phone.replace(" ", "").substring(1);
    var event =
        seeds.seed(
            LookupSeeds.POLICE,
            Tlp.GREEN,
            SharingScope.none(),
            LookupSeeds.identifier(IdentifierType.PHONE, phone));
    String purpose = "look-up audit check " + UUID.randomUUID();
    var start = AccessLogReader.mark();

    // when it is looked up
    String body =
        body(
            lookup(
                    tokens,
                    "police.analyst",
                    JSON.writeValueAsString(
                        Map.of("purpose", purpose, "type", "PHONE", "value", phone)))
                .andExpect(status().isOk()));

    // then the answer has the event but not the number, in any form
    assertThat(ids(JSON.readTree(body))).containsExactly(event.eventId().value());
    assertThat(body)
        .doesNotContain(phone)
        .doesNotContain(normalised)
        .doesNotContain(phone.replace(" ", ""));
    // and exactly one audit record names the type and the event, never the value or a token
    List<AuditEntry> ours = AccessLogReader.entriesWithPurpose(start, purpose);
    assertThat(ours).hasSize(1);
    AuditEntry entry = ours.getFirst();
    assertThat(entry.action()).isEqualTo(AuditAction.IDENTIFIER_LOOKUP);
    assertThat(entry.criteria()).containsEntry("identifier.type", "PHONE");
    assertThat(entry.eventIds())
        .extracting(Object::toString)
        .containsExactly(event.eventId().value());
    String written = AuditJson.writeString(entry);
    List<String> secrets = new ArrayList<>(List.of(phone, normalised, phone.replace(" ", "")));
    LookupSeeds.PSEUDONYMISER.tokensUnderEveryKey(IdentifierType.PHONE, phone).stream()
        .map(PseudonymToken::value)
        .forEach(secrets::add);
    for (String secret : secrets) {
      assertThat(written).doesNotContain(secret);
      assertThat(output.getAll()).doesNotContain(secret);
    }
  }

  @Test
  void anAgencyThatMayNotSeeTheEventsGetsNoEventDataOnlyThatAMatchExists(DemoTokens tokens)
      throws Exception {
    // given a Redditch AMBER event shared with Wyre Forest only, and a GREEN one for everyone
    var seeds = new LookupSeeds(client);
    String phone = LookupSeeds.phone();
    var amber = seeds.redditchAmberForWyreForest(phone);

    // when Bromsgrove looks the phone up
    String body = body(lookup(tokens, "bromsgrove.cso", "PHONE", phone).andExpect(status().isOk()));
    JsonNode answer = JSON.readTree(body);

    // then no event data, only that a match exists and how to ask for it
    assertThat(answer.get("events")).isEmpty();
    assertThat(answer.get("total").asLong()).isZero();
    assertThat(answer.at("/otherMatches/exists").asBoolean()).isTrue();
    String matchRef = answer.at("/otherMatches/matchRef").asString();
    assertThat(matchRef).isNotBlank();
    assertThat(body)
        .doesNotContain(amber.eventId().value())
        .doesNotContain(seeds.marker)
        .doesNotContain("redditch")
        .doesNotContain(LookupSeeds.identifier(IdentifierType.PHONE, phone).token().value());

    // and Wyre Forest, named in scope, sees it as a hit with nothing more to ask for
    JsonNode named =
        read(lookup(tokens, "wyreforest.cso", "PHONE", phone).andExpect(status().isOk()));
    assertThat(ids(named)).containsExactly(amber.eventId().value());
    assertThat(named.at("/otherMatches/exists").asBoolean()).isFalse();
  }

  @Test
  void greenAndClearMatchesHiddenByAnAgreementAreDisclosedAsAMatch(DemoTokens tokens)
      throws Exception {
    // given a GREEN police event: trading standards may not see its category (DEAL_LINE)
    var seeds = new LookupSeeds(client);
    String phone = LookupSeeds.phone();
    seeds.seed(
        LookupSeeds.POLICE,
        Tlp.GREEN,
        SharingScope.none(),
        LookupSeeds.identifier(IdentifierType.PHONE, phone));

    JsonNode answer = read(lookup(tokens, "ts.officer", "PHONE", phone).andExpect(status().isOk()));

    assertThat(answer.get("events")).isEmpty();
    assertThat(answer.at("/otherMatches/exists").asBoolean()).isTrue();
  }

  @Test
  void redAndAmberStrictOnlyMatchesAreANoHit(DemoTokens tokens) throws Exception {
    // given only RED and AMBER+STRICT Redditch events with the phone
    var seeds = new LookupSeeds(client);
    String phone = LookupSeeds.phone();
    seeds.seed(
        LookupSeeds.REDDITCH,
        Tlp.RED,
        SharingScope.none(),
        LookupSeeds.identifier(IdentifierType.PHONE, phone));
    seeds.seed(
        LookupSeeds.REDDITCH,
        Tlp.AMBER_STRICT,
        LookupSeeds.scope("wyre-forest-dc"),
        LookupSeeds.identifier(IdentifierType.PHONE, phone));

    // when Bromsgrove looks it up, then nothing at all: not even that a match exists
    String body = body(lookup(tokens, "bromsgrove.cso", "PHONE", phone).andExpect(status().isOk()));
    JsonNode answer = JSON.readTree(body);
    assertThat(answer.get("events")).isEmpty();
    assertThat(answer.at("/otherMatches/exists").asBoolean()).isFalse();
    assertThat(
            answer.at("/otherMatches/matchRef").isMissingNode()
                || answer.at("/otherMatches/matchRef").isNull())
        .isTrue();

    // while the originator sees both
    assertThat(ids(read(lookup(tokens, "redditch.cso", "PHONE", phone)))).hasSize(2);
  }

  @Test
  void badInputIsRefusedNamingTheFieldWithoutEchoingTheValue(DemoTokens tokens) throws Exception {
    String notAPhone = "07700 9001 ext 4" + UUID.randomUUID().toString().substring(0, 4);
    String body =
        body(
            lookup(tokens, "police.analyst", "PHONE", notAPhone)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("value")));
    assertThat(body).doesNotContain(notAPhone);
    lookup(tokens, "police.analyst", "FAX", "01234 567890")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("type"));
    lookup(
            tokens,
            "police.analyst",
            "{\"purpose\":\"checking a phone\",\"type\":\"PHONE\",\"value\":\"07700900001\","
                + "\"colour\":\"red\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("colour"));
    lookup(tokens, "police.analyst", "{\"type\":\"PHONE\",\"value\":\"07700900001\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("purpose"));
  }

  @Test
  void agenciesThatMayNotSearchMayNotLookUp(DemoTokens tokens) throws Exception {
    for (String user : List.of("school.lead", "youth.mentor", "wychavon.officer", "ops.admin")) {
      lookup(tokens, user, "PHONE", "07700 900001").andExpect(status().isForbidden());
    }
    mvc.perform(post("/api/v1/lookups").contentType(MediaType.APPLICATION_JSON).content("{}"))
        .andExpect(status().isUnauthorized());
  }

  private ResultActions lookup(DemoTokens tokens, String user, String type, String value)
      throws Exception {
    return lookup(
        tokens,
        user,
        JSON.writeValueAsString(
            Map.of("purpose", "look-up integration test", "type", type, "value", value)));
  }

  private ResultActions lookup(DemoTokens tokens, String user, String json) throws Exception {
    return mvc.perform(
        post("/api/v1/lookups")
            .header("Authorization", "Bearer " + tokens.accessToken(user))
            .contentType(MediaType.APPLICATION_JSON)
            .content(json));
  }

  private static String body(ResultActions result) throws Exception {
    return result.andReturn().getResponse().getContentAsString();
  }

  private static JsonNode read(ResultActions result) throws Exception {
    return JSON.readTree(body(result));
  }

  static Set<String> ids(JsonNode answer) {
    Set<String> ids = new HashSet<>();
    answer.get("events").forEach(event -> ids.add(event.get("eventId").asString()));
    return ids;
  }
}
