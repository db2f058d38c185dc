package uk.crossline.indexer;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import uk.crossline.testsupport.CrosslineIntegrationTest;

/** What an operator watches: health of both dependencies, and the indexer's metrics. */
@CrosslineIntegrationTest
@SpringBootTest
@AutoConfigureMockMvc
class IndexerOperationsIntegrationTest {

  @Autowired MockMvc mvc;

  @Test
  void healthShowsElasticsearchAndKafkaReachable() throws Exception {
    mvc.perform(get("/actuator/health"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.components.elasticsearch.status").value("UP"))
        .andExpect(jsonPath("$.components.kafka.status").value("UP"));
  }

  @Test
  void prometheusShowsLagDocumentsBulkLatencyAndDeadLetters() throws Exception {
    Events.publish(
        List.of(Events.report(Events.batch(), 0, Instant.parse("2026-11-01T10:00:00Z"), "metric")));

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                mvc.perform(get("/actuator/prometheus"))
                    .andExpect(status().isOk())
                    .andExpect(
                        content()
                            .string(Matchers.containsString("crossline_indexer_documents_total{")))
                    .andExpect(
                        content()
                            .string(
                                Matchers.containsString("crossline_indexer_bulk_seconds_count")))
                    .andExpect(
                        content()
                            .string(
                                Matchers.containsString("crossline_indexer_dead_letters_total")))
                    .andExpect(
                        content()
                            .string(
                                Matchers.containsString(
                                    "kafka_consumer_fetch_manager_records_lag_max"))));
  }
}
