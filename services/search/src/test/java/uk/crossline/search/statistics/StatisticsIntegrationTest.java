package uk.crossline.search.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.crossline.model.AgencyId;
import uk.crossline.model.AgencyType;
import uk.crossline.model.access.AccessPolicy;
import uk.crossline.model.audit.AuditAction;
import uk.crossline.model.audit.AuditEntry;
import uk.crossline.model.event.EventId;
import uk.crossline.model.event.IntelligenceReport;
import uk.crossline.model.event.IntelligenceReported;
import uk.crossline.model.event.Location;
import uk.crossline.model.event.Marking;
import uk.crossline.model.event.ObservedAt;
import uk.crossline.model.event.OriginatingAgency;
import uk.crossline.model.event.SharingScope;
import uk.crossline.model.location.Gazetteer;
import uk.crossline.model.projection.DocumentStatus;
import uk.crossline.model.projection.IntelligenceDocuments;
import uk.crossline.model.vocabulary.Category;
import uk.crossline.model.vocabulary.Tlp;
import uk.crossline.search.AccessLogReader;
import uk.crossline.search.Projection;
import uk.crossline.testsupport.CrosslineIntegrationTest;
import uk.crossline.testsupport.DemoTokens;

/**
 * Statistics on the real stack: who may read them, what they count, what they never count, and that
 * JSON, CSV and the access log agree. This run's events sit in one month of its own far in the
 * past, asked for alone, so nothing else in the index is counted.
 *
 * <p>The counts are chosen so that a forbidden event counted would show: 22 CLEAR and GREEN deal
 * line reports in Redditch publish as 20, and each forbidden group is 6 more of the same (28 would
 * publish as 30); 4 anti-social behaviour reports in Bromsgrove are suppressed, and 6 more would
 * show as 10.
 */
@CrosslineIntegrationTest
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsIntegrationTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final OriginatingAgency WEST_MERCIA =
      new OriginatingAgency(
          AgencyId.of("west-mercia-police"),
          AgencyType.POLICE,
          List.of("redditch", "bromsgrove", "wyre-forest"));
  private static final OriginatingAgency REDDITCH =
      new OriginatingAgency(
          AgencyId.of("redditch-bc"), AgencyType.LOCAL_AUTHORITY, List.of("redditch"));
  private static final OriginatingAgency BROMSGROVE =
      new OriginatingAgency(
          AgencyId.of("bromsgrove-dc"), AgencyType.LOCAL_AUTHORITY, List.of("bromsgrove"));

  @Autowired MockMvc mvc;
  @Autowired ElasticsearchClient client;
  @Autowired AccessPolicy policy;

  private final String marker = "statistics" + UUID.randomUUID().toString().replace("-", "");
  private final YearMonth month = StatisticsIndex.freshMonths(1);
  private final RawCounts.Builder allowed = RawCounts.builder();
  private int n;

  private final Map<String, Map<String, Object>> documents = new LinkedHashMap<>();

  @BeforeAll
  void seed() throws Exception {
    for (int i = 0; i < 22; i++) {
      add(
          documents,
          WEST_MERCIA,
          i % 2 == 0 ? Tlp.CLEAR : Tlp.GREEN,
          SharingScope.none(),
          Category.DEAL_LINE,
          "redditch",
          false);
    }
    for (int i = 0; i < 4; i++) {
      add(
          documents,
          BROMSGROVE,
          Tlp.GREEN,
          SharingScope.none(),
          Category.ANTI_SOCIAL_BEHAVIOUR,
          "bromsgrove",
          false);
    }
    for (int i = 0; i < 6; i++) {
      // Forbidden groups: none may count, for any reader.
      add(
          documents,
          WEST_MERCIA,
          Tlp.RED,
          SharingScope.none(),
          Category.DEAL_LINE,
          "redditch",
          false);
      add(documents, REDDITCH, Tlp.RED, SharingScope.none(), Category.DEAL_LINE, "redditch", false);
      add(
          documents,
          WEST_MERCIA,
          Tlp.AMBER,
          new SharingScope(Set.of(), Set.of(AgencyType.LOCAL_AUTHORITY)),
          Category.DEAL_LINE,
          "redditch",
          false);
      add(
          documents,
          WEST_MERCIA,
          Tlp.AMBER_STRICT,
          new SharingScope(
              Set.of(AgencyId.of("redditch-bc"), AgencyId.of("bromsgrove-dc")), Set.of()),
          Category.DEAL_LINE,
          "redditch",
          false);
      add(
          documents,
          WEST_MERCIA,
          Tlp.CLEAR,
          SharingScope.none(),
          Category.DEAL_LINE,
          "redditch",
          true);
      add(
          documents,
          BROMSGROVE,
          Tlp.AMBER,
          new SharingScope(Set.of(), Set.of(AgencyType.POLICE, AgencyType.LOCAL_AUTHORITY)),
          Category.ANTI_SOCIAL_BEHAVIOUR,
          "bromsgrove",
          false);
      add(
          documents,
          BROMSGROVE,
          Tlp.GREEN,
          SharingScope.none(),
          Category.ANTI_SOCIAL_BEHAVIOUR,
          "bromsgrove",
          true);
    }
    Projection.index(client, documents);
  }

  @AfterAll
  void removeOwnDocuments() throws Exception {
    Projection.delete(client, documents);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "scrutiny.panel",
        "redditch.cso",
        "bromsgrove.cso",
        "wyreforest.cso",
        "police.analyst"
      })
  void readersGetTheirCountsOfClearAndGreenEventsOnlyWithSmallNumbersSuppressed(
      String user, DemoTokens tokens) throws Exception {
    JsonNode body = json(statistics(tokens, user));

    Map<String, String> cells = cells(body);
    assertThat(cells).as("%s: everything as the oracle publishes it", user).isEqualTo(expected());
    assertThat(cells)
        .as("%s: 22 deal lines shown as 20, never 30", user)
        .containsEntry("priority,REDUCING_VIOLENCE_AND_ABUSE,count", "20")
        .containsEntry("category,DEAL_LINE,count", "20")
        .containsEntry("priorityByDistrict,REDUCING_VIOLENCE_AND_ABUSE,redditch", "20")
        .containsEntry("month," + month + ",count", "25")
        .containsEntry("priority,total,count", "25");
    assertThat(cells)
        .as("%s: 4 anti-social behaviour reports suppressed, never 10", user)
        .containsEntry("priority,REDUCING_ANTI_SOCIAL_BEHAVIOUR,count", "[c]")
        .containsEntry("district,bromsgrove,count", "[c]");
    assertThat(body.get("from").asString()).isEqualTo(month.toString());
    assertThat(body.get("markings").toString()).isEqualTo("[\"CLEAR\",\"GREEN\"]");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ts.officer",
        "wmp.analyst",
        "school.lead",
        "youth.mentor",
        "wychavon.officer",
        "ig.auditor",
        "ops.admin"
      })
  void callersWithoutTheRoleOrWhoseAgreementExcludesStatisticsAreRefused(
      String user, DemoTokens tokens) throws Exception {
    mvc.perform(request(tokens, user)).andExpect(status().isForbidden());
  }

  @Test
  void csvCarriesTheSameNumbersAsJsonWithSuppressedCellsAsC(DemoTokens tokens) throws Exception {
    Map<String, String> json = cells(json(statistics(tokens, "scrutiny.panel")));

    var byParameter =
        mvc.perform(request(tokens, "scrutiny.panel").param("format", "csv"))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    var byAccept =
        mvc.perform(request(tokens, "scrutiny.panel").header("Accept", "text/csv"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(StatisticsCsvTest.read(byParameter)).isEqualTo(json);
    assertThat(StatisticsCsvTest.read(byAccept)).isEqualTo(json);
    assertThat(byParameter)
        .contains("\r\npriority,REDUCING_ANTI_SOCIAL_BEHAVIOUR,count,[c]\r\n")
        .contains("# ");
  }

  @Test
  void badInputIsRefusedNamingTheParameter(DemoTokens tokens) throws Exception {
    String token = tokens.accessToken("scrutiny.panel");
    mvc.perform(
            get("/api/v1/statistics")
                .header("Authorization", "Bearer " + token)
                .param("purpose", "panel meeting")
                .param("from", "2026-13"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("from"));
    mvc.perform(
            get("/api/v1/statistics")
                .header("Authorization", "Bearer " + token)
                .param("purpose", "panel meeting")
                .param("district", "redditch"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("district"));
    mvc.perform(
            get("/api/v1/statistics")
                .header("Authorization", "Bearer " + token)
                .param("purpose", "panel meeting")
                .param("from", "2020-01")
                .param("to", "2023-01"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("from"));
    mvc.perform(get("/api/v1/statistics").header("Authorization", "Bearer " + token))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("purpose"));
  }

  @Test
  void refusalsAreProblemsEvenToCallersAskingForCsv(DemoTokens tokens) throws Exception {
    mvc.perform(
            request(tokens, "scrutiny.panel").param("to", "2026-99").header("Accept", "text/csv"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("to"));
    mvc.perform(request(tokens, "ts.officer").header("Accept", "text/csv"))
        .andExpect(status().isForbidden());
  }

  @Test
  void theEndpointIsDescribedInTheOpenApiDocument() throws Exception {
    mvc.perform(get("/v3/api-docs"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.paths['/api/v1/statistics'].get.summary").exists());
  }

  @Test
  void withoutARangeTheLastTwelveWholeMonthsAreCounted(DemoTokens tokens) throws Exception {
    YearMonth last = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
    mvc.perform(
            get("/api/v1/statistics")
                .header("Authorization", "Bearer " + tokens.accessToken("redditch.cso"))
                .param("purpose", "panel meeting, default range"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.from").value(last.minusMonths(11).toString()))
        .andExpect(jsonPath("$.to").value(last.toString()))
        .andExpect(jsonPath("$.tables[4].rows.length()").value(13));
  }

  @Test
  void eachCallLeavesOneAccessLogRecordWithTheRangeAndNoEventIds(DemoTokens tokens)
      throws Exception {
    String purpose = "scrutiny panel quarterly review " + UUID.randomUUID();
    var start = AccessLogReader.mark();

    mvc.perform(
            get("/api/v1/statistics")
                .header("Authorization", "Bearer " + tokens.accessToken("scrutiny.panel"))
                .param("purpose", purpose)
                .param("from", month.toString())
                .param("to", month.toString())
                .param("format", "csv"))
        .andExpect(status().isOk());

    List<AuditEntry> ours = AccessLogReader.entriesWithPurpose(start, purpose);
    assertThat(ours).hasSize(1);
    AuditEntry entry = ours.getFirst();
    assertThat(entry.action()).isEqualTo(AuditAction.STATISTICS);
    assertThat(entry.criteria())
        .containsEntry("from", month.toString())
        .containsEntry("to", month.toString())
        .containsEntry("format", "csv");
    assertThat(entry.eventIds()).isEmpty();
  }

  /** What the service must publish: the small-number rules over the allowed events alone. */
  private Map<String, String> expected() {
    return TabulationTest.asMap(
        Tabulation.tabulate(
            policy.partnership().name(),
            allowed.build(),
            month,
            month,
            StatisticsController.partnershipDistricts(policy, Gazetteer.bundled())));
  }

  private void add(
      Map<String, Map<String, Object>> documents,
      OriginatingAgency originator,
      Tlp tlp,
      SharingScope scope,
      Category category,
      String district,
      boolean retracted) {
    int i = n++;
    String originRefHash = marker + "-" + i;
    Instant observed =
        month.atDay(1 + i % 28).atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(i);
    var report =
        new IntelligenceReport(
            new ObservedAt(observed, ObservedAt.Precision.DAY),
            category,
            Set.of(),
            "Seeded statistics report " + marker + " number " + i,
            new Location(
                district, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()),
            Optional.empty(),
            List.of(),
            List.of(),
            Optional.empty(),
            Marking.official(tlp),
            scope);
    var event =
        new IntelligenceReported(
            1,
            EventId.derive(originator.id(), originRefHash),
            1,
            originator,
            observed.plusSeconds(86_400),
            originRefHash,
            report);
    Map<String, Object> document =
        new LinkedHashMap<>(IntelligenceDocuments.source(event, Instant.now()));
    if (retracted) {
      document.put("status", DocumentStatus.RETRACTED.name());
    } else if (tlp == Tlp.CLEAR || tlp == Tlp.GREEN) {
      allowed.add(category, district, originator.type(), month);
    }
    documents.put(event.eventId().value(), document);
  }

  private MockHttpServletRequestBuilder request(DemoTokens tokens, String user) {
    return get("/api/v1/statistics")
        .header("Authorization", "Bearer " + tokens.accessToken(user))
        .param("purpose", "statistics test for the scrutiny panel")
        .param("from", month.toString())
        .param("to", month.toString());
  }

  private String statistics(DemoTokens tokens, String user) throws Exception {
    return mvc.perform(request(tokens, user))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private static JsonNode json(String body) {
    return JSON.readTree(body);
  }

  /** The JSON's cells as table,row,column to the count or [c]. */
  static Map<String, String> cells(JsonNode body) {
    Map<String, String> cells = new LinkedHashMap<>();
    for (JsonNode table : body.get("tables")) {
      for (JsonNode cell : table.get("cells")) {
        boolean suppressed = cell.get("suppressed").asBoolean();
        assertThat(cell.get("count").isNull()).isEqualTo(suppressed);
        cells.put(
            table.get("name").asString()
                + ","
                + cell.get("row").asString()
                + ","
                + cell.get("column").asString(),
            suppressed ? "[c]" : Long.toString(cell.get("count").asLong()));
      }
    }
    return cells;
  }
}
