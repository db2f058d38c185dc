package uk.crossline.intake;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import uk.crossline.testsupport.CrosslineIntegrationTest;
import uk.crossline.testsupport.DemoTokens;

/** What operators and client developers read: OpenAPI, health and metrics. */
@CrosslineIntegrationTest
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("demo")
class IntakeOperationsIntegrationTest {

  @Autowired MockMvc mvc;

  @Test
  void openApiDescribesEveryAgencyFormAndTheRetraction() throws Exception {
    mvc.perform(get("/v3/api-docs"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.paths['/api/v1/police/reports'].post").exists())
        .andExpect(jsonPath("$.paths['/api/v1/trading-standards/reports/bulk'].post").exists())
        .andExpect(jsonPath("$.paths['/api/v1/safeguarding/concerns/{eventId}'].put").exists())
        .andExpect(jsonPath("$.paths['/api/v1/council/reports'].post").exists())
        .andExpect(jsonPath("$.paths['/api/v1/reports/{eventId}/retraction'].post").exists())
        .andExpect(jsonPath("$.components.schemas.PoliceReportForm.properties.reference").exists());
  }

  @Test
  void readinessWaitsForTheReceiptsAndThenIsUp() throws Exception {
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                mvc.perform(get("/actuator/health/readiness"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("UP")));
  }

  @Test
  void healthNamesKafkaAndNotElasticsearchWhichTheIntakeNeverReads() throws Exception {
    mvc.perform(get("/actuator/health"))
        .andExpect(jsonPath("$.components.kafka.status").value("UP"))
        .andExpect(jsonPath("$.components.elasticsearch").doesNotExist());
  }

  @Test
  void submissionsAreCountedByAgencyTypeAndOutcome(DemoTokens tokens) throws Exception {
    mvc.perform(
            post("/api/v1/council/reports")
                .header("Authorization", "Bearer " + tokens.accessToken("bromsgrove.cso"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(Forms.council(Forms.reference()).replace("B98 7AA", "B60 1AA")))
        .andExpect(status().isCreated());

    mvc.perform(get("/actuator/prometheus"))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    Matchers.containsString(
                        "crossline_intake_submissions_total{agency_type=\"LOCAL_AUTHORITY\",application=\"crossline-intake\",outcome=\"accepted\"}")))
        .andExpect(content().string(Matchers.containsString("crossline_intake_publish_seconds")));
  }
}
