package uk.crossline.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;
import uk.crossline.testsupport.DemoTokens;

/**
 * Submitting through the portal's pages in a real browser, to the real intake, and finding the
 * report in the real search: a school's concern, a trading standards premises flag, a police
 * analyst's graded report amended and retracted by its originator (and not by another agency), and
 * a council's CSV upload with a bad row.
 */
class SubmitBrowserIntegrationTest extends PortalBrowserTest {

  private static final String PURPOSE = "Checking the report my agency just submitted";
  private static final LocalDate SEEN = LocalDate.now(ZoneId.of("Europe/London")).minusDays(3);

  @Test
  void schoolLeadSubmitsAConcernThroughThePagesThenItLandsInTheHub(DemoTokens tokens)
      throws Exception {
    String marker = Intake.marker("submit");
    String reference = "SCH/" + marker;
    try (Browser browser = signedIn("school.lead")) {
      browser.go("/submit");
      assertThat(browser.find(By.id("form-title")).getText()).isEqualTo("Safeguarding concern");
      checked(browser, "submit-start");
      browser.clickThrough(By.id("start"));

      // the first page without the concern: one error summary, linked to the field
      browser.type("reference", reference);
      new Select(browser.find(By.id("yearGroup"))).selectByValue("9");
      browser.clickThrough(By.cssSelector("#question-form button[type=submit]"));
      assertThat(browser.findAll(By.cssSelector(".govuk-error-summary"))).hasSize(1);
      WebElement summary = browser.find(By.cssSelector(".govuk-error-summary"));
      assertThat(summary.getText()).contains("Select what the concern is");
      assertThat(summary.findElement(By.tagName("a")).getAttribute("href")).endsWith("#concern");
      assertThat(browser.driver().getTitle()).startsWith("Error: ");
      checked(browser, "submit-about-error");

      browser.choose("concern", "GROOMING_TACTIC");
      browser.clickThrough(By.cssSelector("#question-form button[type=submit]"));
      when(browser, "DAY", "B97 4AB");
      checked(browser, "submit-when");
      continueOn(browser);
      browser.type("summary", "Pupil given a new phone by older associates " + marker);
      browser.choose("indicators", "NEW_PHONE");
      new Select(browser.find(By.id("identifierType1"))).selectByValue("SOCIAL_MEDIA");
      browser.type("identifierValue1", "@runner" + marker);
      checked(browser, "submit-details");
      continueOn(browser);
      browser.choose("tlp", "GREEN");
      checked(browser, "submit-marking");
      continueOn(browser);

      // check your answers: the person's own answers, identifiers included; Change returns here
      String answers = browser.find(By.id("answers")).getText();
      assertThat(answers).contains(reference).contains("Year 9").contains("@runner" + marker);
      assertThat(answers).contains("Grooming tactic");
      checked(browser, "submit-check");
      browser.clickThrough(By.cssSelector("a[href='/submit/about?change=true#concern']"));
      browser.choose("concern", "EXPLOITATION_CONCERN");
      browser.clickThrough(By.cssSelector("#question-form button[type=submit]"));
      assertThat(browser.heading()).contains("Check your answers");
      assertThat(browser.find(By.id("answers")).getText()).contains("Exploitation concern");

      browser.clickThrough(By.id("send"));
      assertThat(browser.find(By.cssSelector(".govuk-panel__title")).getText())
          .isEqualTo("Report sent");
      String eventId = browser.find(By.id("event-id")).getText();
      assertThat(browser.find(By.id("own-reference")).getText()).isEqualTo(reference);
      assertThat(browser.currentUrl()).doesNotContain(marker);
      checked(browser, "submit-confirmation");

      // then the concern is in the hub, for a police analyst, without the handle
      JsonNode hit = SearchApi.awaitOne(tokens, "police.analyst", marker);
      assertThat(hit.path("eventId").asString()).isEqualTo(eventId);
      assertThat(hit.path("category").asString()).isEqualTo("EXPLOITATION_CONCERN");
      assertThat(hit.toString()).doesNotContain("@runner");

      // the school lead, who cannot search, retracts it by the hub's reference
      browser.go("/submit");
      browser.type("eventId", eventId);
      browser.choose("action", "retract");
      browser.clickThrough(By.cssSelector("#change-form button[type=submit]"));
      assertThat(browser.find(By.id("event-id")).getText()).isEqualTo(eventId);
      browser.choose("reason", "ENTERED_IN_ERROR");
      browser.clickThrough(By.cssSelector("#retract-form button[type=submit]"));
      assertThat(browser.find(By.cssSelector(".govuk-panel__title")).getText())
          .isEqualTo("Report retracted");
    }
    SearchApi.awaitTotal(tokens, "police.analyst", marker, 0);
  }

  @Test
  void tradingStandardsOfficerFlagsAPremisesThroughThePagesThenSeesEveryAgencysFlags(
      DemoTokens tokens) throws Exception {
    // given the police and Redditch council have flagged a shop (and the police kept an AMBER
    // flag on it to themselves)
    String marker = Intake.marker("submit");
    String uprn = Intake.uprn();
    String shop = Intake.shop(marker, uprn);
    String amber = Intake.policeAndCouncilFlagTheShop(tokens, marker, shop).amber();
    try (Browser browser = signedIn("ts.officer")) {
      // when the trading standards officer flags it through the pages
      browser.go("/submit/start");
      browser.type("reference", "TS/" + marker);
      browser.choose("visit", "TEST_PURCHASE");
      browser.choose("finding", "UNDER_AGE_SALE");
      browser.type("premisesName", "Cloud Nine Vapes " + marker);
      browser.type("premisesAddress", "1 Alcester Street, Redditch");
      browser.type("premisesPostcode", "B97 4AB");
      browser.type("premisesUprn", uprn);
      browser.choose("graded", "NO");
      checked(browser, "submit-premises-about");
      continueOn(browser);
      when(browser, "DAY", "B97 4AB");
      continueOn(browser);
      browser.type("summary", "Test purchase by a 15 year old volunteer " + marker);
      continueOn(browser);
      browser.choose("tlp", "GREEN");
      continueOn(browser);
      assertThat(browser.find(By.id("answers")).getText())
          .contains("Cloud Nine Vapes " + marker)
          .contains("Not graded");
      checked(browser, "submit-premises-check");
      browser.clickThrough(By.id("send"));
      assertThat(browser.find(By.cssSelector(".govuk-panel__title")).getText())
          .isEqualTo("Report sent");
      JsonNode hit = SearchApi.awaitOne(tokens, "ts.officer", "volunteer " + marker);
      assertThat(hit.at("/premises/name").asString()).isEqualTo("Cloud Nine Vapes " + marker);
      assertThat(hit.path("category").asString()).isEqualTo("VAPE_SUPPLY_TO_MINORS");

      // then the premises page shows its own flag and the others' it may see, not the AMBER one
      browser.consult("/premises", PURPOSE);
      browser.find(By.id("uprn")).sendKeys(uprn);
      browser.clickThrough(By.cssSelector("#premises-form button"));
      assertThat(browser.find(By.id("total")).getText()).isEqualTo("3 flags from 3 agencies");
      assertThat(browser.find(By.id("timeline")).getText())
          .contains("Test purchase by a 15 year old volunteer " + marker)
          .doesNotContain("TLP:AMBER");
      assertThat(
              browser.findAll(By.cssSelector("#timeline a[href='/search/events/" + amber + "']")))
          .isEmpty();
      assertThat(browser.has(By.id("other-matches-exist"))).isTrue();
      checked(browser, "submit-premises-flags");
    }
  }

  @Test
  void policeAnalystGradesAReportThenOnlyTheOriginatorMayAmendAndRetractIt(DemoTokens tokens)
      throws Exception {
    String marker = Intake.marker("submit");
    String reference = "WMP/IR/" + marker;
    String eventId;
    try (Browser browser = signedIn("police.analyst")) {
      browser.go("/submit/start");
      browser.type("reference", reference);
      browser.choose("category", "DEAL_LINE");
      browser.choose("source", "2");
      browser.choose("intelligence", "B");
      browser.choose("handling", "C");
      browser.clickThrough(By.cssSelector("#question-form button[type=submit]"));
      assertThat(browser.find(By.cssSelector(".govuk-error-summary")).getText())
          .contains("Enter the conditions of sharing");
      browser.type("conditions", "Not to be used in court without consulting the OIC");
      continueOn(browser);
      when(browser, "EXACT", "B97 4AB");
      browser.type("observedTime", "21:30");
      continueOn(browser);
      browser.type("summary", "Deal line advertised by text in Redditch " + marker);
      new Select(browser.find(By.id("identifierType1"))).selectByValue("PHONE");
      browser.type("identifierValue1", "07700 900123");
      browser.find(By.id("dealLine1")).click();
      continueOn(browser);
      browser.choose("tlp", "GREEN");
      continueOn(browser);
      assertThat(browser.find(By.id("answers")).getText())
          .contains("2 B C: Not to be used in court")
          .contains("07700 900123 (deal line)");
      browser.clickThrough(By.id("send"));
      eventId = browser.find(By.id("event-id")).getText();
    }
    JsonNode hit = SearchApi.awaitOne(tokens, "police.analyst", marker);
    assertThat(hit.at("/grading/handling").asString()).isEqualTo("C");

    // another agency sees the report but is not offered, nor allowed, to change it
    try (Browser browser = signedIn("redditch.cso")) {
      browser.consult("/search/events/" + eventId, PURPOSE);
      assertThat(browser.find(By.id("event")).getText()).contains(marker);
      assertThat(browser.has(By.id("own-report-actions"))).isFalse();
      browser.go("/submit/retract/" + eventId);
      browser.choose("reason", "INACCURATE");
      browser.clickThrough(By.cssSelector("#retract-form button[type=submit]"));
      assertThat(browser.heading()).isEqualTo("You cannot do this");
      assertThat(browser.find(By.id("refusal")).getText()).contains("Only the agency");
      checked(browser, "submit-refused");
    }

    // the originator amends it from the report's page, the hub's answers pre-filled
    try (Browser browser = signedIn("police.analyst")) {
      browser.consult("/search/events/" + eventId, PURPOSE);
      checked(browser, "submit-event-own-report");
      browser.clickThrough(By.id("amend-report"));
      assertThat(browser.find(By.id("amend-notice")).getText()).contains("enter any");
      assertThat(browser.find(By.cssSelector("input[name=category][value=DEAL_LINE]")).isSelected())
          .isTrue();
      assertThat(browser.find(By.cssSelector("input[name=source][value='2']")).isSelected())
          .isTrue();
      assertThat(browser.find(By.id("reference")).getAttribute("value")).isEmpty();
      browser.type("reference", reference);
      browser.type("amendReason", "Second source corroborated the line");
      browser.choose("intelligence", "A");
      checked(browser, "submit-amend-about");
      continueOn(browser);
      assertThat(browser.find(By.id("observedTime")).getAttribute("value")).isEqualTo("21:30");
      continueOn(browser);
      assertThat(browser.find(By.id("summary")).getAttribute("value")).contains(marker);
      assertThat(browser.find(By.id("identifierValue1")).getAttribute("value")).isEmpty();
      continueOn(browser);
      continueOn(browser);
      browser.clickThrough(By.id("send"));
      assertThat(browser.find(By.cssSelector(".govuk-panel__title")).getText())
          .isEqualTo("Amendment sent");
      assertThat(browser.find(By.id("event-id")).getText()).isEqualTo(eventId);
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  "A"
                      .equals(
                          SearchApi.search(tokens, "police.analyst", marker)
                              .at("/hits/0/grading/intelligence")
                              .asString("")));

      // and retracts it
      browser.go("/search/events/" + eventId);
      browser.clickThrough(By.id("retract-report"));
      checked(browser, "submit-retract");
      browser.clickThrough(By.cssSelector("#retract-form button[type=submit]"));
      assertThat(browser.find(By.cssSelector(".govuk-error-summary")).getText())
          .contains("Select why the report is withdrawn");
      browser.choose("reason", "SOURCE_WITHDRAWN");
      browser.clickThrough(By.cssSelector("#retract-form button[type=submit]"));
      assertThat(browser.find(By.cssSelector(".govuk-panel__title")).getText())
          .isEqualTo("Report retracted");
      checked(browser, "submit-retracted");
    }
    SearchApi.awaitTotal(tokens, "police.analyst", marker, 0);
  }

  @Test
  void councilOfficerUploadsACsvWithOneBadRowThenSeesTheRowReport(DemoTokens tokens)
      throws Exception {
    String marker = Intake.marker("submit");
    Path csv = Files.createTempFile("crossline-upload-", ".csv");
    String seen = SEEN + "T10:00:00Z";
    Files.writeString(
        csv,
        String.join(
            "\r\n",
            "reference,observedAt.at,observedAt.precision,where.postcode,indicators,summary,"
                + "marking.tlp,concern",
            "UP/%s/1,%s,DAY,B98 7AA,VISITORS_AT_ALL_HOURS,Cuckooing suspected %s,GREEN,CUCKOOING"
                .formatted(marker, seen, marker),
            "UP/%s/2,%s,DAY,B97,,Youths dealing by the bus station %s,GREEN,DRUG_DEALING"
                .formatted(marker, seen, marker),
            "UP/%s/3,%s,DAY,B97,,Noise %s,GREEN,NOT_A_CONCERN".formatted(marker, seen, marker),
            ""));
    try (Browser browser = signedIn("redditch.cso")) {
      browser.go("/submit/upload");
      assertThat(browser.find(By.id("template")).getAttribute("href"))
          .endsWith("/submit/upload/template.csv");
      browser.clickThrough(By.cssSelector("#upload-form button[type=submit]"));
      assertThat(browser.find(By.cssSelector(".govuk-error-summary")).getText())
          .contains("Select a CSV file");
      checked(browser, "submit-upload-error");

      browser.find(By.id("file")).sendKeys(csv.toAbsolutePath().toString());
      browser.clickThrough(By.cssSelector("#upload-form button[type=submit]"));

      assertThat(browser.find(By.id("rows")).getText()).isEqualTo("3");
      assertThat(browser.find(By.id("accepted")).getText()).isEqualTo("2");
      assertThat(browser.find(By.id("rejected")).getText()).isEqualTo("1");
      List<String> refused = browser.texts(By.cssSelector("#refused tbody td"));
      assertThat(refused).startsWith("4", "concern");
      checked(browser, "submit-upload-report");
    } finally {
      Files.deleteIfExists(csv);
    }
    SearchApi.awaitTotal(tokens, "redditch.cso", marker, 2);
  }

  /** From the top of the page: saves a screenshot and asserts axe finds nothing serious on it. */
  private static void checked(Browser browser, String name) {
    ((org.openqa.selenium.JavascriptExecutor) browser.driver())
        .executeScript("window.scrollTo(0, 0)");
    browser.screenshotAndAssertAccessible(name);
  }

  private static void continueOn(Browser browser) {
    browser.clickThrough(By.cssSelector("#question-form button[type=submit]"));
    assertThat(browser.findAll(By.cssSelector(".govuk-error-summary")))
        .as("errors on " + browser.currentUrl())
        .isEmpty();
  }

  private static void when(Browser browser, String precision, String postcode) {
    browser.type("observedDay", String.valueOf(SEEN.getDayOfMonth()));
    browser.type("observedMonth", String.valueOf(SEEN.getMonthValue()));
    browser.type("observedYear", String.valueOf(SEEN.getYear()));
    browser.choose("precision", precision);
    browser.type("postcode", postcode);
  }
}
