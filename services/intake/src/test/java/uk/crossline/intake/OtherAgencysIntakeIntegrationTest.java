package uk.crossline.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
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
import uk.crossline.model.Topics;
import uk.crossline.testsupport.CrosslineIntegrationTest;
import uk.crossline.testsupport.DemoTokens;

/**
 * An intake as production runs it, at one agency's edge: Redditch's. A genuine token of another
 * agency, even a council of the same kind, is refused there (403, logged) and publishes nothing;
 * Redditch's own officer is accepted, so the refusal is for the agency and nothing else.
 */
@CrosslineIntegrationTest
@SpringBootTest(
    properties = {
      "crossline.intake.instance=redditch-only",
      "crossline.intake.agencies[0].id=redditch-bc",
      "crossline.intake.agencies[0].type=LOCAL_AUTHORITY",
      "crossline.intake.agencies[0].home-districts=redditch",
      "crossline.intake.agencies[0].reference-key=test-reference-key-redditch-only-000000000"
    })
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class OtherAgencysIntakeIntegrationTest {

  @Autowired MockMvc mvc;

  @Test
  void tokenOfAnotherAgencyIsRefusedAtThisAgencysIntakeAndNothingPublished(
      DemoTokens tokens, CapturedOutput log) throws Exception {
    TopicRecords events = TopicRecords.from(Topics.INTELLIGENCE_EVENTS);
    String marker = "other-agency-" + UUID.randomUUID();

    submit(tokens, "bromsgrove.cso", marker)
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.title").value("Not this agency's intake"));

    assertThat(log.getOut())
        .contains(
            "Refused a request: POST /api/v1/council/reports: Not this agency's intake"
                + " (user bromsgrove.cso)");
    assertThat(events.records())
        .noneMatch(record -> new String(record.value(), StandardCharsets.UTF_8).contains(marker));
  }

  @Test
  void tokenOfThisAgencyIsAccepted(DemoTokens tokens) throws Exception {
    submit(tokens, "redditch.cso", "own-agency-" + UUID.randomUUID())
        .andExpect(status().is2xxSuccessful());
  }

  private ResultActions submit(DemoTokens tokens, String user, String marker) throws Exception {
    return mvc.perform(
        post("/api/v1/council/reports")
            .header("Authorization", "Bearer " + tokens.accessToken(user))
            .contentType(MediaType.APPLICATION_JSON)
            .content(
                Forms.council(Forms.reference())
                    .replace("flat believed taken over.", "flat believed taken over. " + marker)));
  }
}
