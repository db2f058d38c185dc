package uk.crossline.search.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;
import uk.crossline.model.Caller;
import uk.crossline.model.access.AccessPolicy;
import uk.crossline.model.event.EventId;
import uk.crossline.model.event.IntelligenceReport;
import uk.crossline.model.location.Gazetteer;
import uk.crossline.model.vocabulary.Tlp;
import uk.crossline.search.Projection;
import uk.crossline.search.SeededPartnership;
import uk.crossline.search.SeededPartnership.Seeded;
import uk.crossline.testsupport.CrosslineIntegrationTest;
import uk.crossline.testsupport.DemoTokens;

/**
 * The leak test for statistics: for every demo user, what the service publishes equals the
 * small-number rules applied to the oracle's raw counts, counted in memory from the policy's
 * decision on each seeded event ({@link AccessPolicy#countsInStatistics} and CLEAR or GREEN), never
 * from Elasticsearch; users who may not read statistics are refused.
 *
 * <p>The seeded partnership (every marking, scope, originator and agreement, grants and
 * retractions) is written {@value #COPIES} times over into {@value #MONTHS} months of this run's
 * own, far in the past, so the counts are large enough to show and statistics over those months
 * count nothing else.
 */
@CrosslineIntegrationTest
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsLeakIntegrationTest {

  private static final int COPIES = 9;
  private static final int MONTHS = 3;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired MockMvc mvc;
  @Autowired ElasticsearchClient client;
  @Autowired AccessPolicy policy;

  private final YearMonth from = StatisticsIndex.freshMonths(MONTHS);
  private final YearMonth to = from.plusMonths(MONTHS - 1);

  /** Each document written, with the seeded event it copies and the month it now falls in. */
  private record Copy(Seeded seeded, YearMonth month) {}

  private final List<Copy> copies = new ArrayList<>();

  private final Map<String, Map<String, Object>> documents = new LinkedHashMap<>();

  @BeforeAll
  void seed() throws Exception {
    SeededPartnership partnership = SeededPartnership.seed(client);
    for (int copy = 0; copy < COPIES; copy++) {
      for (Seeded seeded : partnership.events()) {
        YearMonth month = from.plusMonths((seeded.n() + copy) % MONTHS);
        String id =
            EventId.derive(
                    seeded.event().agency().id(),
                    partnership.marker() + "-statistics-" + copy + "-" + seeded.n())
                .value();
        Map<String, Object> document = new LinkedHashMap<>(seeded.document());
        document.put("eventId", id);
        document.put(
            "observedAt",
            month
                .atDay(1 + seeded.n() % 28)
                .atTime(10, 0)
                .toInstant(ZoneOffset.UTC)
                .plusSeconds(copy)
                .toString());
        documents.put(id, document);
        copies.add(new Copy(seeded, month));
      }
    }
    Projection.index(client, documents);
  }

  @AfterAll
  void removeOwnDocuments() throws Exception {
    Projection.delete(client, documents);
  }

  static Stream<String> users() {
    return SeededPartnership.USERS.keySet().stream().sorted();
  }

  @ParameterizedTest
  @MethodSource("users")
  void everyUserGetsExactlyTheSuppressedCountsOfWhatThePolicyCountsForThem(
      String user, DemoTokens tokens) throws Exception {
    Caller caller = SeededPartnership.USERS.get(user);

    var response =
        mvc.perform(
                get("/api/v1/statistics")
                    .header("Authorization", "Bearer " + tokens.accessToken(user))
                    .param("purpose", "leak test of the statistics")
                    .param("from", from.toString())
                    .param("to", to.toString()))
            .andReturn()
            .getResponse();

    if (!policy.mayReadStatistics(caller)) {
      assertThat(response.getStatus()).as("%s may not read statistics", user).isEqualTo(403);
      return;
    }
    assertThat(response.getStatus()).as(user).isEqualTo(200);
    RawCounts.Builder oracle = RawCounts.builder();
    for (Copy copy : copies) {
      var access = copy.seeded().access();
      boolean open = access.tlp().filter(t -> t == Tlp.CLEAR || t == Tlp.GREEN).isPresent();
      if (open && policy.countsInStatistics(caller, access)) {
        IntelligenceReport report = copy.seeded().event().report();
        oracle.add(
            report.category(),
            report.location().district(),
            copy.seeded().event().agency().type(),
            copy.month());
      }
    }
    RawCounts raw = oracle.build();
    assertThat(raw.total()).as("%s counts something", user).isGreaterThan(50);
    Statistics expected =
        Tabulation.tabulate(
            policy.partnership().name(),
            raw,
            from,
            to,
            StatisticsController.partnershipDistricts(policy, Gazetteer.bundled()));

    assertThat(StatisticsIntegrationTest.cells(JSON.readTree(response.getContentAsString())))
        .as("statistics of %s", user)
        .isEqualTo(TabulationTest.asMap(expected));

    // and the CSV export holds the same suppressed counts, cell for cell
    var csv =
        mvc.perform(
                get("/api/v1/statistics")
                    .header("Authorization", "Bearer " + tokens.accessToken(user))
                    .param("purpose", "leak test of the statistics export")
                    .param("from", from.toString())
                    .param("to", to.toString())
                    .param("format", "csv"))
            .andReturn()
            .getResponse();
    assertThat(csv.getStatus()).as(user).isEqualTo(200);
    assertThat(csv.getContentAsString(StandardCharsets.UTF_8))
        .as("statistics export of %s", user)
        .isEqualTo(StatisticsCsv.write(expected));
  }
}
