package uk.crossline.search.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import uk.crossline.model.audit.AuditAction;
import uk.crossline.model.audit.AuditEntry;
import uk.crossline.model.event.EventId;
import uk.crossline.model.event.IntelligenceReported;
import uk.crossline.model.event.Premises;
import uk.crossline.search.AccessLogReader;
import uk.crossline.search.query.TestEvents;
import uk.crossline.testsupport.CrosslineIntegrationTest;
import uk.crossline.testsupport.DemoTokens;

/** A link look-up, a premises look-up and a map each leave one access-log record with their ids. */
@CrosslineIntegrationTest
@SpringBootTest
@AutoConfigureMockMvc
class LookupAuditIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired ElasticsearchClient client;

  @Test
  void linksPremisesAndMapEachLeaveOneRecordWithWhyWhatAndTheIdsReturned(DemoTokens tokens)
      throws Exception {
    String marker = TestEvents.marker("audit");
    String uprn = "97" + Math.abs(marker.hashCode());
    Premises shop =
        Premises.of("Audit Vapes", "2 Test Street", "B97 4AB", Optional.of(uprn), Optional.empty());
    IntelligenceReported first = TestEvents.event(marker, 0).premises(shop).build();
    IntelligenceReported second =
        TestEvents.event(marker, 1).by(TestEvents.TRADING_STANDARDS).premises(shop).build();
    TestEvents.index(client, List.of(first, second));
    String purpose = "audit check " + UUID.randomUUID();
    String token = tokens.accessToken("ts.officer");
    var start = AccessLogReader.mark();

    mvc.perform(
            get("/api/v1/events/" + first.eventId() + "/links")
                .header("Authorization", "Bearer " + token)
                .param("purpose", purpose))
        .andExpect(status().isOk());
    mvc.perform(
            get("/api/v1/premises")
                .header("Authorization", "Bearer " + token)
                .param("purpose", purpose)
                .param("uprn", uprn))
        .andExpect(status().isOk());
    mvc.perform(
            get("/api/v1/search/map")
                .header("Authorization", "Bearer " + token)
                .param("purpose", purpose)
                .param("q", marker)
                .param("zoom", "9"))
        .andExpect(status().isOk());

    List<AuditEntry> ours = AccessLogReader.entriesWithPurpose(start, purpose);
    assertThat(ours)
        .extracting(AuditEntry::action)
        .containsExactly(AuditAction.LINK_LOOKUP, AuditAction.PREMISES_LOOKUP, AuditAction.SEARCH);
    assertThat(ours.get(0).eventIds()).containsExactly(first.eventId(), second.eventId());
    assertThat(ours.get(0).criteria()).containsEntry("eventId", first.eventId().value());
    assertThat(ours.get(1).eventIds())
        .extracting(EventId::value)
        .containsExactly(first.eventId().value(), second.eventId().value());
    assertThat(ours.get(1).criteria()).containsEntry("uprn", uprn);
    assertThat(ours.get(2).criteria()).containsEntry("zoom", "9").containsEntry("total", "2");
  }
}
