package uk.crossline.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.StringJoiner;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import uk.crossline.model.Topics;
import uk.crossline.model.event.IntelligenceReported;
import uk.crossline.model.vocabulary.Category;
import uk.crossline.testsupport.CrosslineIntegrationTest;
import uk.crossline.testsupport.DemoTokens;

/** Bulk uploads stream row by row: every valid row published, every bad row reported. */
@CrosslineIntegrationTest
@SpringBootTest(properties = "crossline.intake.bulk-batch-size=7")
@AutoConfigureMockMvc
@ActiveProfiles("demo")
class BulkUploadIntegrationTest {

  private static final String CSV_HEADER =
      "reference,observedAt.at,observedAt.precision,where.postcode,visit,finding,premises.name,"
          + "premises.address,premises.postcode,premises.uprn,indicators,summary,marking.tlp,"
          + "identifiers";

  @Autowired MockMvc mvc;

  @Test
  void csvUploadPublishesValidRowsAndReportsTheRest(DemoTokens tokens) throws Exception {
    var topic = TopicRecords.from(Topics.INTELLIGENCE_EVENTS);
    var csv = new StringJoiner("\n", CSV_HEADER + "\n", "\n");
    String batch = Forms.reference();
    for (int i = 0; i < 20; i++) {
      csv.add(
          batch
              + "-"
              + i
              + ",2026-10-0"
              + (1 + i % 9)
              + "T15:00:00Z,EXACT,DY10 1AA,TEST_PURCHASE,UNDER_AGE_SALE,Corner Vapes "
              + i
              + ",\"1 High Street, Kidderminster\",DY10 1AA,,FREE_OR_CHEAP_VAPES;UNDER_AGE_SALE,"
              + "\"Sold to a 14 year old, =HYPERLINK(\"\"x\"\")\",GREEN,PHONE:07700 900"
              + (100 + i));
    }
    csv.add(
        batch
            + "-bad-1,2026-10-01T15:00:00Z,EXACT,DY10 1AA,TEST_PURCHASE,SOLD_SWEETS,"
            + "Shop,1 High Street,DY10 1AA,,,text,GREEN,");
    csv.add(
        batch
            + "-bad-2,yesterday,EXACT,DY10 1AA,TEST_PURCHASE,UNDER_AGE_SALE,"
            + "Shop,1 High Street,DY10 1AA,,,text,GREEN,");
    csv.add(
        batch
            + "-bad-3,2026-10-01T15:00:00Z,EXACT,DY10 1AA,TEST_PURCHASE,UNDER_AGE_SALE,"
            + "Shop,1 High Street,DY10 1AA,,,text,GREEN,PHONE:12");

    mvc.perform(
            post("/api/v1/trading-standards/reports/bulk")
                .header("Authorization", "Bearer " + tokens.accessToken("ts.officer"))
                .contentType("text/csv")
                .content(csv.toString()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.rows").value(23))
        .andExpect(jsonPath("$.accepted").value(20))
        .andExpect(jsonPath("$.rejected").value(3))
        .andExpect(jsonPath("$.errors[0].row").value(22))
        .andExpect(jsonPath("$.errors[0].field").value("finding"))
        .andExpect(jsonPath("$.errors[1].row").value(23))
        .andExpect(jsonPath("$.errors[1].field").value("observedAt.at"))
        .andExpect(jsonPath("$.errors[2].row").value(24))
        .andExpect(jsonPath("$.errors[2].field").value("identifiers[0].value"));

    var published = topic.events();
    assertThat(published).hasSize(20);
    assertThat(published)
        .allSatisfy(
            event ->
                assertThat(event)
                    .isInstanceOfSatisfying(
                        IntelligenceReported.class,
                        reported -> {
                          assertThat(reported.report().category())
                              .isEqualTo(Category.VAPE_SUPPLY_TO_MINORS);
                          assertThat(reported.report().identifiers()).hasSize(1);
                        }));
    // A cell that would be a formula in a spreadsheet is kept as the text it is.
    assertThat(((IntelligenceReported) published.getFirst()).report().summary())
        .contains("=HYPERLINK(\"x\")");
  }

  @Test
  void ndjsonUploadedTwiceIsPublishedOnce(DemoTokens tokens) throws Exception {
    var topic = TopicRecords.from(Topics.INTELLIGENCE_EVENTS);
    var ndjson = new StringJoiner("\n", "", "\n");
    for (int i = 0; i < 10; i++) {
      ndjson.add(Forms.council(Forms.reference()).replace("\n", " "));
    }

    for (int upload = 0; upload < 2; upload++) {
      mvc.perform(
              post("/api/v1/council/reports/bulk")
                  .header("Authorization", "Bearer " + tokens.accessToken("wyreforest.cso"))
                  .contentType("application/x-ndjson")
                  .content(ndjson.toString()))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.rows").value(10))
          .andExpect(jsonPath("$.accepted").value(upload == 0 ? 10 : 0))
          .andExpect(jsonPath("$.duplicates").value(upload == 0 ? 0 : 10));
    }

    assertThat(topic.events()).hasSize(10);
  }

  @Test
  void uploadWithTheFormOfAnotherAgencyTypeIsForbiddenAndPublishesNothing(DemoTokens tokens)
      throws Exception {
    var topic = TopicRecords.from(Topics.INTELLIGENCE_EVENTS);

    mvc.perform(
            post("/api/v1/police/reports/bulk")
                .header("Authorization", "Bearer " + tokens.accessToken("wyreforest.cso"))
                .contentType("application/x-ndjson")
                .content(Forms.police(Forms.reference()).replace("\n", " ") + "\n"))
        .andExpect(status().isForbidden());

    assertThat(topic.events()).isEmpty();
  }

  @Test
  void uploadThatIsNotCsvNorNdjsonIsRefused(DemoTokens tokens) throws Exception {
    mvc.perform(
            post("/api/v1/council/reports/bulk")
                .header("Authorization", "Bearer " + tokens.accessToken("wyreforest.cso"))
                .contentType("application/xml")
                .content("<reports/>"))
        .andExpect(status().isUnsupportedMediaType());
  }
}
