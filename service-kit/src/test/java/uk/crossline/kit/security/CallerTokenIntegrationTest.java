package uk.crossline.kit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import uk.crossline.kit.KitTestApplication;
import uk.crossline.testsupport.CrosslineIntegrationTest;
import uk.crossline.testsupport.DemoTokens;

/** Tokens from the real identity provider, verified against its published keys. */
@CrosslineIntegrationTest
@SpringBootTest(classes = KitTestApplication.class)
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class CallerTokenIntegrationTest {

  @Autowired MockMvc mvc;

  @Test
  void tokenFromKeycloakIsAcceptedAndNamesTheCallersAgency(DemoTokens tokens) throws Exception {
    mvc.perform(
            get("/api/v1/whoami")
                .header("Authorization", "Bearer " + tokens.accessToken("police.analyst")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.username").value("police.analyst"))
        .andExpect(jsonPath("$.agency").value("west-mercia-police"))
        .andExpect(jsonPath("$.agencyType").value("POLICE"))
        .andExpect(jsonPath("$.roles").isArray());
  }

  @Test
  void tokenWhoseAgencyWasChangedAfterSigningIsRefused(DemoTokens tokens, CapturedOutput log)
      throws Exception {
    String token = tokens.accessToken("redditch.cso");
    String[] parts = token.split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    String forged = payload.replace("\"redditch-bc\"", "\"west-mercia-police\"");
    String tampered =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(forged.getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];

    Refusals.refusedAndLogged(mvc, tampered, log, "signature");
  }

  @Test
  void requestWithoutTokenIsRefused(CapturedOutput log) throws Exception {
    mvc.perform(get("/api/v1/whoami")).andExpect(status().isUnauthorized());
    assertThat(log.getOut()).contains(Refusals.LOGGED + ": GET /api/v1/whoami");
  }

  @Test
  void callerWithoutTheRoleIsForbiddenAndTheRefusalLogged(DemoTokens tokens, CapturedOutput log)
      throws Exception {
    mvc.perform(
            get("/api/v1/access-log")
                .header("Authorization", "Bearer " + tokens.accessToken("school.lead")))
        .andExpect(status().isForbidden());
    assertThat(log.getOut())
        .contains("Refused a request: GET /api/v1/access-log: Forbidden (user school.lead)");
  }

  @Test
  void callerWithTheRoleIsAllowed(DemoTokens tokens) throws Exception {
    mvc.perform(
            get("/api/v1/access-log")
                .header("Authorization", "Bearer " + tokens.accessToken("ig.auditor")))
        .andExpect(status().isOk());
  }

  @Test
  void healthIsOpenWithoutToken() throws Exception {
    mvc.perform(get("/actuator/health")).andExpect(status().isOk());
  }
}
