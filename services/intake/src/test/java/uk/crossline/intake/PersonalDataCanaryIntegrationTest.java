package uk.crossline.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;
import uk.crossline.model.Topics;
import uk.crossline.testsupport.CrosslineIntegrationTest;
import uk.crossline.testsupport.DemoTokens;
import uk.crossline.testsupport.TopicReader;

/**
 * Reports seeded with known personal data (a name, a phone number, an email, a home postcode, a
 * date of birth, a vehicle registration) go through every way into the intake; afterwards none of
 * those strings, in any usual spelling, is in any Kafka record, key or header, nor in the log.
 */
@CrosslineIntegrationTest
@SpringBootTest(
    properties = {
      // The web layer's own debug logging is where request bodies would leak, if anywhere.
      "logging.level.org.springframework.web=DEBUG",
      "logging.level.uk.crossline=DEBUG"
    })
@AutoConfigureMockMvc
@ActiveProfiles("demo")
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataCanaryIntegrationTest {

  private static final String NAME = "Jaydenn Okonkwo-Brightwell";
  private static final String PHONE = "07700 900777";
  private static final String EMAIL = "jaydenn.canary@example.org";
  private static final String HOME_POSTCODE = "B97 6QT";
  private static final String DATE_OF_BIRTH = "2011-03-14";
  private static final String VEHICLE = "CN19 ARY";

  /** Every spelling of the canaries that would betray them. */
  private static final List<String> CANARIES =
      List.of(
          "jaydenn",
          "okonkwo",
          "brightwell",
          "07700 900777",
          "07700900777",
          "+447700900777",
          "447700900777",
          "7700900777",
          "900777",
          "jaydenn.canary",
          "canary@example.org",
          "b97 6qt",
          "b976qt",
          "2011-03-14",
          "14/03/2011",
          "14 march 2011",
          "cn19 ary",
          "cn19ary");

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired MockMvc mvc;

  @Test
  void personalDataReachesNoRecordKeyHeaderNorLog(DemoTokens tokens, CapturedOutput output)
      throws Exception {
    var marks =
        List.of(
            TopicReader.mark(Topics.INTELLIGENCE_EVENTS), TopicReader.mark(Topics.INTAKE_RECEIPTS));
    String reference = Forms.reference();

    String eventId = submitPolice(tokens, reference);
    amend(tokens, reference, eventId);
    bulkUpload(tokens);
    rejected(tokens);
    retract(tokens, eventId);

    List<String> published = TopicReader.textsSince(marks);
    assertThat(published).as("records published").hasSizeGreaterThan(6);
    String everything = String.join("\n", published).toLowerCase(Locale.ROOT);
    String log = output.getAll().toLowerCase(Locale.ROOT);
    for (String canary : CANARIES) {
      assertThat(everything).as("Kafka records").doesNotContain(canary);
      assertThat(log).as("service log").doesNotContain(canary);
    }
    // The same report, anonymised, did get through.
    assertThat(everything).contains("[name]", "[phone]", "[email]", "[vehicle]");
  }

  private String submitPolice(DemoTokens tokens, String reference) throws Exception {
    var response =
        mvc.perform(
                post("/api/v1/police/reports")
                    .header("Authorization", "Bearer " + tokens.accessToken("police.analyst"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(policeForm(reference, "DRUG_DEALING")))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return JSON.readTree(response).get("eventId").asString();
  }

  private void amend(DemoTokens tokens, String reference, String eventId) throws Exception {
    mvc.perform(
            put("/api/v1/police/reports/" + eventId)
                .header("Authorization", "Bearer " + tokens.accessToken("police.analyst"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"reason\": \"Corrected after "
                        + NAME
                        + " called from "
                        + PHONE
                        + "\", \"report\": "
                        + policeForm(reference, "DEAL_LINE")
                        + "}"))
        .andExpect(status().isOk());
  }

  private void bulkUpload(DemoTokens tokens) throws Exception {
    String ndjson =
        policeForm(Forms.reference(), "DEAL_LINE").replace("\n", " ")
            + "\n"
            + policeForm(Forms.reference(), "WEAPONS").replace("\n", " ")
            + "\n";
    mvc.perform(
            post("/api/v1/police/reports/bulk")
                .header("Authorization", "Bearer " + tokens.accessToken("police.analyst"))
                .contentType("application/x-ndjson")
                .content(ndjson))
        .andExpect(status().isOk());
  }

  /** A refused report must not leak either: the problem and the log name fields, not values. */
  private void rejected(DemoTokens tokens) throws Exception {
    mvc.perform(
            post("/api/v1/police/reports")
                .header("Authorization", "Bearer " + tokens.accessToken("police.analyst"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    policeForm(Forms.reference(), "DEAL_LINE").replace("\"PHONE\"", "\"FAX\"")))
        .andExpect(status().isBadRequest());
    mvc.perform(
            post("/api/v1/police/reports")
                .header("Authorization", "Bearer " + tokens.accessToken("police.analyst"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    policeForm(Forms.reference(), "DEAL_LINE").replace(HOME_POSTCODE, "B97 6QQQ")))
        .andExpect(status().isBadRequest());
  }

  /** A retraction's reason is a code; free text with a name in it is refused, unechoed. */
  private void retract(DemoTokens tokens, String eventId) throws Exception {
    mvc.perform(
            post("/api/v1/reports/" + eventId + "/retraction")
                .header("Authorization", "Bearer " + tokens.accessToken("police.analyst"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"reason\": \"Duplicate of the report about " + NAME + " (" + EMAIL + ")\"}"))
        .andExpect(status().isBadRequest());
    mvc.perform(
            post("/api/v1/reports/" + eventId + "/retraction")
                .header("Authorization", "Bearer " + tokens.accessToken("police.analyst"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\": \"DUPLICATE\"}"))
        .andExpect(status().isOk());
  }

  private static String policeForm(String reference, String category) {
    return """
        {
          "reference": "%s",
          "observedAt": {"at": "2026-11-20T21:30:00Z", "precision": "EXACT"},
          "where": {"postcode": "%s"},
          "category": "%s",
          "summary": "%s (DOB 14/03/2011) of %s was seen in %s; texted from %s, emails %s.",
          "grading": {"source": "1", "intelligence": "A", "handling": "P"},
          "subjects": [{"role": "YOUNG_PERSON", "name": "%s", "dateOfBirth": "%s"}],
          "identifiers": [
            {"type": "PHONE", "value": "%s"},
            {"type": "EMAIL", "value": "%s"},
            {"type": "VEHICLE", "value": "%s"}
          ],
          "marking": {"tlp": "RED"}
        }
        """
        .formatted(
            reference,
            HOME_POSTCODE,
            category,
            NAME,
            HOME_POSTCODE,
            VEHICLE,
            PHONE,
            EMAIL,
            NAME,
            DATE_OF_BIRTH,
            PHONE,
            EMAIL,
            VEHICLE);
  }
}
