package uk.crossline.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;
import uk.crossline.model.audit.AuditAction;
import uk.crossline.model.audit.AuditActor;
import uk.crossline.model.audit.AuditChains;
import uk.crossline.model.audit.AuditEntry;
import uk.crossline.model.audit.AuditJson;
import uk.crossline.testsupport.CrosslineIntegrationTest;
import uk.crossline.testsupport.DemoTokens;

/**
 * Every call of the search API leaves exactly one access-log record, with who, why and what, on a
 * chain that verifies: one call of each endpoint, each with its own purpose, read back from the
 * audit topic itself.
 */
@CrosslineIntegrationTest
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchAuditIntegrationTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired MockMvc mvc;
  @Autowired ElasticsearchClient client;

  private SeededPartnership seeded;

  @BeforeAll
  void seed() throws Exception {
    seeded = SeededPartnership.seed(client);
  }

  /** One call: who makes it, what it asks, and the action its record must name. */
  private record Call(
      String user, AuditAction action, Function<String, MockHttpServletRequestBuilder> request) {}

  private Map<String, Call> calls() {
    String eventId = seeded.events().getFirst().id();
    return Map.ofEntries(
        Map.entry(
            "search",
            new Call(
                "bromsgrove.cso",
                AuditAction.SEARCH,
                purpose -> get("/api/v1/search").param("purpose", purpose).param("q", "vapes"))),
        Map.entry(
            "map",
            new Call(
                "redditch.cso",
                AuditAction.SEARCH,
                purpose -> get("/api/v1/search/map").param("purpose", purpose).param("zoom", "8"))),
        Map.entry(
            "view",
            new Call(
                "police.analyst",
                AuditAction.VIEW,
                purpose -> get("/api/v1/events/" + eventId).param("purpose", purpose))),
        Map.entry(
            "links",
            new Call(
                "police.analyst",
                AuditAction.LINK_LOOKUP,
                purpose -> get("/api/v1/events/" + eventId + "/links").param("purpose", purpose))),
        Map.entry(
            "premises",
            new Call(
                "ts.officer",
                AuditAction.PREMISES_LOOKUP,
                purpose ->
                    get("/api/v1/premises")
                        .param("purpose", purpose)
                        .param("uprn", seeded.uprn(0)))),
        Map.entry(
            "lookup",
            new Call(
                "wmp.analyst",
                AuditAction.IDENTIFIER_LOOKUP,
                purpose ->
                    post("/api/v1/lookups")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                            JSON.writeValueAsString(
                                Map.of(
                                    "purpose",
                                    purpose,
                                    "type",
                                    "PHONE",
                                    "value",
                                    seeded.phone(1)))))),
        Map.entry(
            "statistics",
            new Call(
                "scrutiny.panel",
                AuditAction.STATISTICS,
                purpose -> get("/api/v1/statistics").param("purpose", purpose))),
        Map.entry(
            "access log",
            new Call(
                "ig.auditor",
                AuditAction.AUDIT_LOG_SEARCH,
                purpose ->
                    get("/api/v1/audit/records")
                        .param("purpose", purpose)
                        .param("user", "police.analyst"))),
        Map.entry(
            "chain verification",
            new Call(
                "ig.auditor",
                AuditAction.AUDIT_LOG_SEARCH,
                purpose -> get("/api/v1/audit/verification").param("purpose", purpose))));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "search",
        "map",
        "view",
        "links",
        "premises",
        "lookup",
        "statistics",
        "access log",
        "chain verification"
      })
  void everyCallLeavesExactlyOneChainedRecordWithWhoWhyAndWhat(String name, DemoTokens tokens)
      throws Exception {
    Call call = calls().get(name);
    String purpose = name + " audit check " + UUID.randomUUID();
    var start = AccessLogReader.mark();

    mvc.perform(
            call.request()
                .apply(purpose)
                .header("Authorization", "Bearer " + tokens.accessToken(call.user())))
        .andExpect(status().isOk());

    List<AuditEntry> ours = AccessLogReader.entriesWithPurpose(start, purpose);
    assertThat(ours).as(name).hasSize(1);
    AuditEntry entry = ours.getFirst();
    assertThat(entry.action()).as(name).isEqualTo(call.action());
    assertThat(entry.actor())
        .isInstanceOfSatisfying(
            AuditActor.Person.class,
            person -> {
              assertThat(person.username()).isEqualTo(call.user());
              assertThat(person.agency())
                  .isEqualTo(SeededPartnership.USERS.get(call.user()).agency());
            });
    if (name.equals("lookup")) {
      // the identifier typed is never written down, nor its token
      assertThat(AuditJson.writeString(entry))
          .doesNotContain(seeded.phone(1))
          .doesNotContain(seeded.phone(1).replace(" ", ""))
          .doesNotContain(seeded.phoneToken(1).value());
    }
    assertThat(AuditChains.verify(AccessLogReader.chainOf(entry)).isIntact()).isTrue();
  }

  @Test
  void aViewOfAMissingEventIsAuditedTooAsNothingFound(DemoTokens tokens) throws Exception {
    String purpose = "audit check " + UUID.randomUUID();
    var start = AccessLogReader.mark();

    mvc.perform(
            get("/api/v1/events/00000000-0000-8000-8000-000000000000")
                .header("Authorization", "Bearer " + tokens.accessToken("bromsgrove.cso"))
                .param("purpose", purpose))
        .andExpect(status().isNotFound());

    assertThat(AccessLogReader.entriesWithPurpose(start, purpose))
        .singleElement()
        .satisfies(
            entry -> {
              assertThat(entry.action()).isEqualTo(AuditAction.VIEW);
              assertThat(entry.criteria()).containsEntry("found", "false");
              assertThat(entry.eventIds()).isEmpty();
            });
  }
}
