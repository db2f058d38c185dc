package uk.crossline.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import uk.crossline.model.Topics;
import uk.crossline.testsupport.CrosslineIntegrationTest;
import uk.crossline.testsupport.DemoTokens;

/**
 * Bad input gets an RFC 9457 problem naming the field and the reason, never echoing the value, and
 * nothing is published.
 */
@CrosslineIntegrationTest
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("demo")
class BadInputIntegrationTest {

  @Autowired MockMvc mvc;
  private TopicRecords events;

  @BeforeEach
  void watchTheTopic() {
    events = TopicRecords.from(Topics.INTELLIGENCE_EVENTS);
  }

  @Test
  void malformedJsonIsRefused(DemoTokens tokens) throws Exception {
    police(tokens, "{\"reference\": \"T-1\", \"summary\": ")
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].reason").value("not well-formed JSON"));
    assertThat(events.records()).isEmpty();
  }

  @Test
  void unknownCategoryIsRefusedNamingTheFieldAndTheAcceptedWords(DemoTokens tokens)
      throws Exception {
    police(tokens, Forms.police(Forms.reference()).replace("\"DEAL_LINE\"", "\"GANG_STUFF\""))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("category"))
        .andExpect(jsonPath("$.errors[0].reason").value(Matchers.containsString("DEAL_LINE")))
        .andExpect(content().string(Matchers.not(Matchers.containsString("GANG_STUFF"))));
    assertThat(events.records()).isEmpty();
  }

  @Test
  void unknownFieldIsRefusedNamingIt(DemoTokens tokens) throws Exception {
    police(tokens, Forms.police(Forms.reference()).replace("\"category\"", "\"catgory\""))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("catgory"));
    assertThat(events.records()).isEmpty();
  }

  @Test
  void missingRequiredFieldsAreAllNamed(DemoTokens tokens) throws Exception {
    police(
            tokens,
            Forms.police(Forms.reference())
                .replace(
                    "\"summary\": \"Deal line advertised by text to users in Redditch town centre.\",",
                    "")
                .replace("\"category\": \"DEAL_LINE\",", ""))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field", Matchers.hasItems("category", "summary")));
    assertThat(events.records()).isEmpty();
  }

  @Test
  void gradingThatDoesNotExistIsRefused(DemoTokens tokens) throws Exception {
    police(
            tokens,
            Forms.police(Forms.reference()).replace("\"source\": \"2\"", "\"source\": \"4\""))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("grading.source"))
        .andExpect(jsonPath("$.errors[0].reason").value(Matchers.containsString("1 (reliable)")));
    assertThat(events.records()).isEmpty();
  }

  @Test
  void handlingCodeCWithoutConditionsIsRefused(DemoTokens tokens) throws Exception {
    police(
            tokens,
            Forms.police(Forms.reference()).replace("\"handling\": \"P\"", "\"handling\": \"C\""))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("grading.conditions"));
    assertThat(events.records()).isEmpty();
  }

  @Test
  void invalidPhoneNumberIsRefusedWithoutEchoingIt(DemoTokens tokens) throws Exception {
    police(tokens, Forms.police(Forms.reference()).replace("07700 900123", "0770090012"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("identifiers[0].value"))
        .andExpect(content().string(Matchers.not(Matchers.containsString("0770090012"))));
    assertThat(events.records()).isEmpty();
  }

  @Test
  void postcodeOutsideTheGazetteerIsRefusedNamingTheField(DemoTokens tokens) throws Exception {
    police(tokens, Forms.police(Forms.reference()).replace("B97 4AB", "EH1 1YZ"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("where.postcode"))
        .andExpect(content().string(Matchers.not(Matchers.containsString("EH1 1YZ"))));
    assertThat(events.records()).isEmpty();
  }

  @Test
  void scopeOnAGreenReportIsRefused(DemoTokens tokens) throws Exception {
    police(
            tokens,
            Forms.police(Forms.reference()).replace("\"tlp\": \"AMBER\"", "\"tlp\": \"GREEN\""))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("scope"));
    assertThat(events.records()).isEmpty();
  }

  @Test
  void oversizedBodyIsRefusedWith413(DemoTokens tokens) throws Exception {
    String huge = "x".repeat(300 * 1024);
    police(tokens, Forms.police(Forms.reference()).replace("Deal line advertised", huge))
        .andExpect(status().isContentTooLarge())
        .andExpect(jsonPath("$.title").value("Request too large"));
    assertThat(events.records()).isEmpty();
  }

  @Test
  void deeplyNestedJsonIsRefused(DemoTokens tokens) throws Exception {
    String nested = "[".repeat(5000) + "]".repeat(5000);
    police(
            tokens,
            Forms.police(Forms.reference())
                .replace("[\"OLDER_ASSOCIATES\", \"TRAVEL_OUT_OF_AREA\"]", nested))
        .andExpect(status().isBadRequest());
    assertThat(events.records()).isEmpty();
  }

  @Test
  void missingTokenIsRefused() throws Exception {
    mvc.perform(
            post("/api/v1/police/reports")
                .contentType(MediaType.APPLICATION_JSON)
                .content(Forms.police(Forms.reference())))
        .andExpect(status().isUnauthorized());
    assertThat(events.records()).isEmpty();
  }

  @Test
  void userWithoutTheSubmitRoleIsForbidden(DemoTokens tokens) throws Exception {
    mvc.perform(
            post("/api/v1/council/reports")
                .header("Authorization", "Bearer " + tokens.accessToken("wychavon.officer"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(Forms.council(Forms.reference())))
        .andExpect(status().isForbidden());
    assertThat(events.records()).isEmpty();
  }

  private ResultActions police(DemoTokens tokens, String json) throws Exception {
    return mvc.perform(
        post("/api/v1/police/reports")
            .header("Authorization", "Bearer " + tokens.accessToken("police.analyst"))
            .contentType(MediaType.APPLICATION_JSON)
            .content(json));
  }
}
