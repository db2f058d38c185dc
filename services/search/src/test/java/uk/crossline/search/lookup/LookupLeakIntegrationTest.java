package uk.crossline.search.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.crossline.model.Caller;
import uk.crossline.model.access.AccessPolicy;
import uk.crossline.model.audit.AuditAction;
import uk.crossline.model.audit.AuditEntry;
import uk.crossline.search.AccessLogReader;
import uk.crossline.search.SeededPartnership;
import uk.crossline.testsupport.CrosslineIntegrationTest;
import uk.crossline.testsupport.DemoTokens;

/**
 * The leak test of look-up and hit / no-hit: for every demo user and every phone the seeded
 * partnership shares, the events a look-up returns are exactly those the policy lets the user see,
 * {@code exists} is true exactly when the policy lets it learn of a hidden one, and an access
 * request names exactly those hidden ones.
 */
@CrosslineIntegrationTest
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LookupLeakIntegrationTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired MockMvc mvc;
  @Autowired ElasticsearchClient client;
  @Autowired AccessPolicy policy;

  private SeededPartnership seeded;

  @BeforeAll
  void seed() throws Exception {
    seeded = SeededPartnership.seed(client);
  }

  @Test
  void everyUserGetsExactlyTheEventsThePolicyAllowsAndLearnsOnlyOfWhatItMay(DemoTokens tokens)
      throws Exception {
    for (var user : SeededPartnership.USERS.entrySet()) {
      Caller caller = user.getValue();
      for (int group = 0; group < SeededPartnership.PHONE_GROUPS; group++) {
        int g = group;
        var answer =
            mvc.perform(
                    post("/api/v1/lookups")
                        .header("Authorization", "Bearer " + tokens.accessToken(user.getKey()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                            JSON.writeValueAsString(
                                Map.of(
                                    "purpose",
                                    "look-up leak test",
                                    "type",
                                    "PHONE",
                                    "value",
                                    seeded.phone(group)))))
                .andReturn()
                .getResponse();
        if (!SeededPartnership.SEARCHERS.contains(user.getKey())) {
          assertThat(answer.getStatus()).as("%s may not look up", user.getKey()).isEqualTo(403);
          continue;
        }
        assertThat(answer.getStatus()).isEqualTo(200);
        JsonNode body = JSON.readTree(answer.getContentAsString());
        Set<String> expected = new HashSet<>(seeded.visibleTo(policy, user.getKey()));
        expected.retainAll(seeded.ids(e -> e.phoneGroup() == g));
        boolean mayLearn =
            seeded.events().stream()
                .filter(e -> e.phoneGroup() == g)
                .anyMatch(e -> policy.mayLearnOfMatch(caller, e.access()));

        assertThat(LookupIntegrationTest.ids(body))
            .as("%s looking up phone %d", user.getKey(), group)
            .isEqualTo(expected);
        assertThat(body.get("total").asLong()).isEqualTo(expected.size());
        assertThat(body.at("/otherMatches/exists").asBoolean())
            .as("%s learns of a hidden match on phone %d", user.getKey(), group)
            .isEqualTo(mayLearn);
        assertThat(body.at("/otherMatches/matchRef").isString()).isEqualTo(mayLearn);
      }
    }
  }

  @Test
  void anAccessRequestNamesExactlyTheHiddenEventsTheUserMayLearnOf(DemoTokens tokens)
      throws Exception {
    String purpose = "leak test of access requests " + UUID.randomUUID();
    var start = AccessLogReader.mark();
    Map<String, Set<String>> expected = new java.util.HashMap<>();
    for (String user : SeededPartnership.SEARCHERS) {
      Caller caller = SeededPartnership.USERS.get(user);
      int group = 1;
      JsonNode hit =
          JSON.readTree(
              mvc.perform(
                      post("/api/v1/lookups")
                          .header("Authorization", "Bearer " + tokens.accessToken(user))
                          .contentType(MediaType.APPLICATION_JSON)
                          .content(
                              JSON.writeValueAsString(
                                  Map.of(
                                      "purpose",
                                      purpose,
                                      "type",
                                      "PHONE",
                                      "value",
                                      seeded.phone(group)))))
                  .andExpect(status().isOk())
                  .andReturn()
                  .getResponse()
                  .getContentAsString());
      Set<String> hidden =
          seeded.ids(e -> e.phoneGroup() == group && policy.mayLearnOfMatch(caller, e.access()));
      if (hidden.isEmpty()) {
        assertThat(hit.at("/otherMatches/exists").asBoolean()).isFalse();
        continue;
      }
      expected.put(user, hidden);
      mvc.perform(
              post("/api/v1/access-requests")
                  .header("Authorization", "Bearer " + tokens.accessToken(user))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(
                      JSON.writeValueAsString(
                          Map.of(
                              "matchRef",
                              hit.at("/otherMatches/matchRef").asString(),
                              "justification",
                              purpose))))
          .andExpect(status().isCreated())
          // one ask, whatever the number of hidden events: never a count, an event or an agency
          .andExpect(jsonPath("$.length()").value(3))
          .andExpect(jsonPath("$.askId").isString())
          .andExpect(jsonPath("$.status").value("PENDING"))
          .andExpect(jsonPath("$.requestedAt").isString());
    }
    assertThat(expected).isNotEmpty();

    List<AuditEntry> requests =
        AccessLogReader.entriesWithPurpose(start, purpose).stream()
            .filter(e -> e.action() == AuditAction.ACCESS_REQUEST)
            .toList();
    for (var user : expected.entrySet()) {
      Set<String> named = new HashSet<>();
      requests.stream()
          .filter(
              e ->
                  e.actor() instanceof uk.crossline.model.audit.AuditActor.Person person
                      && person.username().equals(user.getKey()))
          .forEach(e -> e.eventIds().forEach(id -> named.add(id.value())));
      assertThat(named).as("events %s asked for", user.getKey()).isEqualTo(user.getValue());

      // and the requester lists one ask for them, which names none of them while undecided
      JsonNode outgoing =
          JSON.readTree(
              mvc.perform(
                      get("/api/v1/access-requests")
                          .param("direction", "outgoing")
                          .header("Authorization", "Bearer " + tokens.accessToken(user.getKey())))
                  .andExpect(status().isOk())
                  .andReturn()
                  .getResponse()
                  .getContentAsString());
      List<JsonNode> asks = new ArrayList<>();
      outgoing
          .get("requests")
          .forEach(
              ask -> {
                if (ask.get("justification").asString().equals(purpose)) {
                  asks.add(ask);
                }
              });
      assertThat(asks).as("asks of %s", user.getKey()).hasSize(1);
      assertThat(asks.getFirst().get("approved")).isEmpty();
      assertThat(user.getValue())
          .allSatisfy(id -> assertThat(asks.getFirst().toString()).doesNotContain(id));
    }
  }
}
