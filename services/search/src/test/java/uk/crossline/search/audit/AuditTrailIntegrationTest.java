package uk.crossline.search.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import uk.crossline.model.Role;
import uk.crossline.model.access.AccessPolicy;
import uk.crossline.search.SeededPartnership;
import uk.crossline.testsupport.CrosslineIntegrationTest;
import uk.crossline.testsupport.DemoTokens;
import uk.crossline.testsupport.DemoUsers;

/**
 * The access log as auditors read it: every consultation of this service shows up in the index with
 * who, why and what; only auditors may read it; their own look-ups are logged too.
 */
@CrosslineIntegrationTest
@SpringBootTest(properties = AuditVerificationIntegrationTest.SMALL_PAGES)
@AutoConfigureMockMvc
class AuditTrailIntegrationTest {

  private static final Duration COPIED = Duration.ofSeconds(60);

  @Autowired MockMvc mvc;
  @Autowired ElasticsearchClient client;
  @Autowired AccessPolicy policy;

  @Test
  void searchAndViewEachLeaveOneRecordThatAuditorsFindByEventAndByUser(DemoTokens tokens)
      throws Exception {
    // given: a seeded event redditch.cso may see
    SeededPartnership seeded = SeededPartnership.seed(client);
    // the newest such event, so the search's first page holds it
    String eventId = List.copyOf(seeded.visibleTo(policy, "redditch.cso")).getLast();
    String purpose = "Operation Heron " + UUID.randomUUID();
    String token = tokens.accessToken("redditch.cso");

    // when: one search and one view
    mvc.perform(
            get("/api/v1/search")
                .header("Authorization", "Bearer " + token)
                .param("purpose", purpose)
                .param("q", seeded.marker())
                .param("size", "100"))
        .andExpect(status().isOk());
    mvc.perform(
            get("/api/v1/events/" + eventId)
                .header("Authorization", "Bearer " + token)
                .param("purpose", purpose))
        .andExpect(status().isOk());

    // then: the auditor finds exactly those two records by the event
    AuditApi api = new AuditApi(mvc, tokens);
    Map<String, String> byEvent =
        Map.of("purpose", "audit of event access " + UUID.randomUUID(), "eventId", eventId);
    JsonNode found =
        await()
            .atMost(COPIED)
            .until(() -> api.records(byEvent), page -> page.get("total").asLong() == 2);
    List<String> actions = new ArrayList<>();
    for (JsonNode record : found.get("records")) {
      actions.add(record.get("action").asString());
      assertThat(record.get("actor").get("username").asString()).isEqualTo("redditch.cso");
      assertThat(record.get("actor").get("agency").asString()).isEqualTo("redditch-bc");
      assertThat(record.get("actor").get("agencyType").asString()).isEqualTo("LOCAL_AUTHORITY");
      assertThat(record.get("purpose").asString()).isEqualTo(purpose);
      assertThat(record.get("eventIds").toString()).contains(eventId);
      assertThat(record.get("at").asString()).isNotBlank();
      assertThat(record.get("hash").asString()).hasSize(64);
    }
    assertThat(actions).containsExactly("VIEW", "SEARCH");
    JsonNode search = found.get("records").get(1);
    assertThat(search.get("criteria").get("q").asString()).isEqualTo(seeded.marker());

    // and by the user, today
    JsonNode byUser =
        api.records(
            Map.of(
                "purpose", "audit of a council officer's look-ups",
                "user", "redditch.cso",
                "from", LocalDate.now(ZoneOffset.UTC).toString(),
                "size", "100"));
    List<String> purposes = new ArrayList<>();
    for (JsonNode record : byUser.get("records")) {
      assertThat(record.get("actor").get("username").asString()).isEqualTo("redditch.cso");
      purposes.add(record.get("purpose").asString());
    }
    assertThat(purposes).contains(purpose);
  }

  @Test
  void recordsArePagedWithACursorAndEveryPageIsTheNextOne(DemoTokens tokens) throws Exception {
    // given: three views of one seeded event
    SeededPartnership seeded = SeededPartnership.seed(client);
    String eventId = seeded.visibleTo(policy, "police.analyst").iterator().next();
    String token = tokens.accessToken("police.analyst");
    for (int n = 0; n < 3; n++) {
      mvc.perform(
              get("/api/v1/events/" + eventId)
                  .header("Authorization", "Bearer " + token)
                  .param("purpose", "paging check " + n))
          .andExpect(status().isOk());
    }
    AuditApi api = new AuditApi(mvc, tokens);
    String purpose = "paging the access log";
    await()
        .atMost(COPIED)
        .until(
            () -> api.records(Map.of("purpose", purpose, "eventId", eventId)),
            page -> page.get("total").asLong() == 3);

    // when: one record a page
    List<String> seen = new ArrayList<>();
    String after = null;
    do {
      Map<String, String> parameters =
          after == null
              ? Map.of("purpose", purpose, "eventId", eventId, "size", "1")
              : Map.of("purpose", purpose, "eventId", eventId, "size", "1", "after", after);
      JsonNode page = api.records(parameters);
      page.get("records").forEach(record -> seen.add(record.get("purpose").asString()));
      after = page.has("next") && !page.get("next").isNull() ? page.get("next").asString() : null;
    } while (after != null);

    // then: newest first, each once
    assertThat(seen).containsExactly("paging check 2", "paging check 1", "paging check 0");
  }

  @Test
  void auditorsOwnLookUpIsItselfInTheAccessLog(DemoTokens tokens) throws Exception {
    // given
    AuditApi api = new AuditApi(mvc, tokens);
    String purpose = "information governance review " + UUID.randomUUID();

    // when
    api.records(Map.of("purpose", purpose, "agency", "bromsgrove-dc", "action", "SEARCH"));

    // then
    JsonNode own =
        await()
            .atMost(COPIED)
            .until(
                () ->
                    api.records(
                        Map.of(
                            "purpose", "checking the auditor's own trail",
                            "user", AuditApi.AUDITOR,
                            "action", "AUDIT_LOG_SEARCH",
                            "from", LocalDate.now(ZoneOffset.UTC).toString(),
                            "size", "100")),
                page -> recordWithPurpose(page, purpose) != null);
    JsonNode record = recordWithPurpose(own, purpose);
    assertThat(record.get("actor").get("agency").asString()).isEqualTo("west-mercia-police");
    assertThat(record.get("criteria").get("agency").asString()).isEqualTo("bromsgrove-dc");
    assertThat(record.get("criteria").get("action").asString()).isEqualTo("SEARCH");
  }

  /** Every demo user but the auditor. */
  static Stream<String> nonAuditors() {
    return DemoUsers.CALLERS.entrySet().stream()
        .filter(user -> !user.getValue().has(Role.AUDIT))
        .map(Map.Entry::getKey)
        .sorted();
  }

  @ParameterizedTest
  @MethodSource("nonAuditors")
  void nonAuditorsMayNeitherSearchNorVerifyTheAccessLog(String user, DemoTokens tokens)
      throws Exception {
    String token = tokens.accessToken(user);
    mvc.perform(
            get("/api/v1/audit/records")
                .header("Authorization", "Bearer " + token)
                .param("purpose", "curious about colleagues"))
        .andExpect(status().isForbidden());
    mvc.perform(
            get("/api/v1/audit/verification")
                .header("Authorization", "Bearer " + token)
                .param("purpose", "curious about colleagues"))
        .andExpect(status().isForbidden());
  }

  @Test
  void auditorMaySearchTheAccessLog(DemoTokens tokens) throws Exception {
    mvc.perform(
            get("/api/v1/audit/records")
                .header("Authorization", "Bearer " + tokens.accessToken(AuditApi.AUDITOR))
                .param("purpose", "routine sample of the access log")
                .param("size", "5"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").isNumber())
        .andExpect(jsonPath("$.records").isArray());
  }

  @Test
  void openApiDescribesTheAuditorsEndpoints() throws Exception {
    mvc.perform(get("/v3/api-docs"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.paths['/api/v1/audit/records'].get.summary").isNotEmpty())
        .andExpect(jsonPath("$.paths['/api/v1/audit/verification'].get.summary").isNotEmpty());
  }

  @Test
  void withoutATokenTheAccessLogIsClosed() throws Exception {
    mvc.perform(get("/api/v1/audit/records").param("purpose", "no token at all"))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void badInputIsRefusedNamingTheField(DemoTokens tokens) throws Exception {
    String token = tokens.accessToken(AuditApi.AUDITOR);
    String[][] cases = {
      {"/api/v1/audit/records", "colour", "red", "colour"},
      {"/api/v1/audit/records", "action", "PEEK", "action"},
      {"/api/v1/audit/records", "eventId", "not-an-event", "eventId"},
      {"/api/v1/audit/records", "from", "last tuesday", "from"},
      {"/api/v1/audit/records", "size", "0", "size"},
      {"/api/v1/audit/records", "after", "bm90IGEgY3Vyc29y", "after"},
      {"/api/v1/audit/verification", "user", "redditch.cso", "user"},
      {"/api/v1/audit/verification", "chain", "not a chain!", "chain"}
    };
    for (String[] bad : cases) {
      mvc.perform(
              get(bad[0])
                  .header("Authorization", "Bearer " + token)
                  .param("purpose", "bad input check")
                  .param(bad[1], bad[2]))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.errors[0].field").value(bad[3]));
    }
    mvc.perform(get("/api/v1/audit/verification").header("Authorization", "Bearer " + token))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("purpose"));
  }

  private static JsonNode recordWithPurpose(JsonNode page, String purpose) {
    for (JsonNode record : page.get("records")) {
      if (record.has("purpose") && record.get("purpose").asString().equals(purpose)) {
        return record;
      }
    }
    return null;
  }
}
