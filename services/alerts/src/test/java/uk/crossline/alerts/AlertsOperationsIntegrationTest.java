package uk.crossline.alerts;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import uk.crossline.testsupport.CrosslineIntegrationTest;

/** What operators read of the alerts service's health. */
@CrosslineIntegrationTest
@SpringBootTest
@AutoConfigureMockMvc
class AlertsOperationsIntegrationTest {

  @Autowired MockMvc mvc;

  @Test
  void healthNamesKafkaAndNotElasticsearchWhichAlertsNeverReads() throws Exception {
    mvc.perform(get("/actuator/health"))
        .andExpect(jsonPath("$.components.kafka.status").value("UP"))
        .andExpect(jsonPath("$.components.elasticsearch").doesNotExist());
  }
}
