package uk.crossline.kit.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import uk.crossline.kit.KitTestApplication;
import uk.crossline.testsupport.CrosslineIntegrationTest;
import uk.crossline.testsupport.DemoTokens;

/** Tokens from the real identity provider, verified against its published keys. */
@CrosslineIntegrationTest
@SpringBootTest(classes = KitTestApplication.class)
@AutoConfigureMockMvc
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
  void tokenWhoseAgencyWasChangedAfterSigningIsRefused(DemoTokens tokens) throws Exception {
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

    mvc.perform(get("/api/v1/whoami").header("Authorization", "Bearer " + tampered))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void requestWithoutTokenIsRefused() throws Exception {
    mvc.perform(get("/api/v1/whoami")).andExpect(status().isUnauthorized());
  }

  @Test
  void callerWithoutTheRoleIsForbidden(DemoTokens tokens) throws Exception {
    mvc.perform(
            get("/api/v1/access-log")
                .header("Authorization", "Bearer " + tokens.accessToken("school.lead")))
        .andExpect(status().isForbidden());
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
