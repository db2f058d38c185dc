package uk.crossline.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
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
    String marker = marker();
    String reference = "SCH/" + marker;
    try (Browser browser = Browser.open(BASE)) {
      browser.signIn("school.lead");
      browser.go("/submit");
      assertThat(browser.find(By.id("form-title")).getText()).isEqualTo("Safeguarding concern");
      checked(browser, "submit-start");
      browser.clickThrough(By.id("start"));

      // the first page without the concern: one error summary, linked to the field
      type(browser, "reference", reference);
      new Select(browser.find(By.id("yearGroup"))).selectByValue("9");
      browser.clickThrough(By.cssSelector("#question-form button[type=submit]"));
      assertThat(browser.findAll(By.cssSelector(".govuk-error-summary"))).hasSize(1);
      WebElement summary = browser.find(By.cssSelector(".govuk-error-summary"));
      assertThat(summary.getText()).contains("Select what the concern is");
      assertThat(summary.findElement(By.tagName("a")).getAttribute("href")).endsWith("#concern");
      assertThat(browser.driver().getTitle()).startsWith("Error: ");
      checked(browser, "submit-about-error");

      choose(browser, "concern", "GROOMING_TACTIC");
      browser.clickThrough(By.cssSelector("#question-form button[type=submit]"));
      when(browser, "DAY", "B97 4AB");
      checked(browser, "submit-when");
      continueOn(browser);
      type(browser, "summary", "Pupil given a new phone by older associates " + marker);
      choose(browser, "indicators", "NEW_PHONE");
      new Select(browser.find(By.id("identifierType1"))).selectByValue("SOCIAL_MEDIA");
      type(browser, "identifierValue1", "@runner" + marker);
      checked(browser, "submit-details");
      continueOn(browser);
      choose(browser, "tlp", "GREEN");
      checked(browser, "submit-marking");
      continueOn(browser);

      // check your answers: the person's own answers, identifiers included; Change returns here
      String answers = browser.find(By.id("answers")).getText();
      assertThat(answers).contains(reference).contains("Year 9").contains("@runner" + marker);
      assertThat(answers).contains("Grooming tactic");
      checked(browser, "submit-check");
      browser.clickThrough(By.cssSelector("a[href='/submit/about?change=true#concern']"));
      choose(browser, "concern", "EXPLOITATION_CONCERN");
      browser.clickThrough(By.cssSelector("#question-form button[type=submit]"));
      assertThat(browser.find(By.tagName("h1")).getText()).contains("Check your answers");
      assertThat(browser.find(By.id("answers")).getText()).contains("Exploitation concern");

      browser.clickThrough(By.id("send"));
      assertThat(browser.find(By.cssSelector(".govuk-panel__title")).getText())
          .isEqualTo("Report sent");
      String eventId = browser.find(By.id("event-id")).getText();
      assertThat(browser.find(By.id("own-reference")).getText()).isEqualTo(reference);
      assertThat(browser.currentUrl()).doesNotContain(marker);
      checked(browser, "submit-confirmation");

      // then the concern is in the hub, for a police analyst, without the handle
      JsonNode hit = awaitOne(tokens, "police.analyst", marker);
      assertThat(hit.path("eventId").asString()).isEqualTo(eventId);
      assertThat(hit.path("category").asString()).isEqualTo("EXPLOITATION_CONCERN");
      assertThat(hit.toString()).doesNotContain("@runner");

      // the school lead, who cannot search, retracts it by the hub's reference
      browser.go("/submit");
      type(browser, "eventId", eventId);
      choose(browser, "action", "retract");
      browser.clickThrough(By.cssSelector("#change-form button[type=submit]"));
      assertThat(browser.find(By.id("event-id")).getText()).isEqualTo(eventId);
      choose(browser, "reason", "ENTERED_IN_ERROR");
      browser.clickThrough(By.cssSelector("#retract-form button[type=submit]"));
      assertThat(browser.find(By.cssSelector(".govuk-panel__title")).getText())
          .isEqualTo("Report retracted");
    }
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> search(tokens, "police.analyst", marker).path("total").asLong() == 0);
  }

  @Test
  void tradingStandardsOfficerFlagsAPremisesThroughThePagesThenSeesEveryAgencysFlags(
      DemoTokens tokens) throws Exception {
    // given the police and Redditch council have flagged a shop (and the police kept an AMBER
    // flag on it to themselves)
    String marker = marker();
    String uprn = IntelSeeds.uprn();
    String shop = IntelSeeds.shop(marker, uprn);
    String police = IntelSeeds.police(tokens, marker, "GREEN", IntelSeeds.phone(), shop);
    String council =
        IntelSeeds.council(
            tokens, "redditch.cso", marker, "{\"tlp\": \"GREEN\"}", IntelSeeds.phone(), shop);
    String amber = IntelSeeds.police(tokens, marker, "AMBER", IntelSeeds.phone(), shop);
    try (Browser browser = Browser.open(BASE)) {
      // when the trading standards officer flags it through the pages
      browser.signIn("ts.officer");
      browser.go("/submit/start");
      type(browser, "reference", "TS/" + marker);
      choose(browser, "visit", "TEST_PURCHASE");
      choose(browser, "finding", "UNDER_AGE_SALE");
      type(browser, "premisesName", "Cloud Nine Vapes " + marker);
      type(browser, "premisesAddress", "1 Alcester Street, Redditch");
      type(browser, "premisesPostcode", "B97 4AB");
      type(browser, "premisesUprn", uprn);
      choose(browser, "graded", "NO");
      checked(browser, "submit-premises-about");
      continueOn(browser);
      when(browser, "DAY", "B97 4AB");
      continueOn(browser);
      type(browser, "summary", "Test purchase by a 15 year old volunteer " + marker);
      continueOn(browser);
      choose(browser, "tlp", "GREEN");
      continueOn(browser);
      assertThat(browser.find(By.id("answers")).getText())
          .contains("Cloud Nine Vapes " + marker)
          .contains("Not graded");
      checked(browser, "submit-premises-check");
      browser.clickThrough(By.id("send"));
      assertThat(browser.find(By.cssSelector(".govuk-panel__title")).getText())
          .isEqualTo("Report sent");
      JsonNode hit = awaitOne(tokens, "ts.officer", "volunteer " + marker);
      assertThat(hit.at("/premises/name").asString()).isEqualTo("Cloud Nine Vapes " + marker);
      assertThat(hit.path("category").asString()).isEqualTo("VAPE_SUPPLY_TO_MINORS");
      IntelSeeds.awaitVisible(tokens, "police.analyst", police);
      IntelSeeds.awaitVisible(tokens, "redditch.cso", council);
      IntelSeeds.awaitVisible(tokens, "police.analyst", amber);

      // then the premises page shows its own flag and the others' it may see, not the AMBER one
      giveAPurpose(browser, "/premises");
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
    String marker = marker();
    String reference = "WMP/IR/" + marker;
    String eventId;
    try (Browser browser = Browser.open(BASE)) {
      browser.signIn("police.analyst");
      browser.go("/submit/start");
      type(browser, "reference", reference);
      choose(browser, "category", "DEAL_LINE");
      choose(browser, "source", "2");
      choose(browser, "intelligence", "B");
      choose(browser, "handling", "C");
      browser.clickThrough(By.cssSelector("#question-form button[type=submit]"));
      assertThat(browser.find(By.cssSelector(".govuk-error-summary")).getText())
          .contains("Enter the conditions of sharing");
      type(browser, "conditions", "Not to be used in court without consulting the OIC");
      continueOn(browser);
      when(browser, "EXACT", "B97 4AB");
      type(browser, "observedTime", "21:30");
      continueOn(browser);
      type(browser, "summary", "Deal line advertised by text in Redditch " + marker);
      new Select(browser.find(By.id("identifierType1"))).selectByValue("PHONE");
      type(browser, "identifierValue1", "07700 900123");
      browser.find(By.id("dealLine1")).click();
      continueOn(browser);
      choose(browser, "tlp", "GREEN");
      continueOn(browser);
      assertThat(browser.find(By.id("answers")).getText())
          .contains("2 B C: Not to be used in court")
          .contains("07700 900123 (deal line)");
      browser.clickThrough(By.id("send"));
      eventId = browser.find(By.id("event-id")).getText();
    }
    JsonNode hit = awaitOne(tokens, "police.analyst", marker);
    assertThat(hit.at("/grading/handling").asString()).isEqualTo("C");

    // another agency sees the report but is not offered, nor allowed, to change it
    try (Browser browser = Browser.open(BASE)) {
      browser.signIn("redditch.cso");
      giveAPurpose(browser, "/search/events/" + eventId);
      assertThat(browser.find(By.id("event")).getText()).contains(marker);
      assertThat(browser.has(By.id("own-report-actions"))).isFalse();
      browser.go("/submit/retract/" + eventId);
      choose(browser, "reason", "INACCURATE");
      browser.clickThrough(By.cssSelector("#retract-form button[type=submit]"));
      assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("You cannot do this");
      assertThat(browser.find(By.id("refusal")).getText()).contains("Only the agency");
      checked(browser, "submit-refused");
    }

    // the originator amends it from the report's page, the hub's answers pre-filled
    try (Browser browser = Browser.open(BASE)) {
      browser.signIn("police.analyst");
      giveAPurpose(browser, "/search/events/" + eventId);
      checked(browser, "submit-event-own-report");
      browser.clickThrough(By.id("amend-report"));
      assertThat(browser.find(By.id("amend-notice")).getText()).contains("enter any");
      assertThat(browser.find(By.cssSelector("input[name=category][value=DEAL_LINE]")).isSelected())
          .isTrue();
      assertThat(browser.find(By.cssSelector("input[name=source][value='2']")).isSelected())
          .isTrue();
      assertThat(browser.find(By.id("reference")).getAttribute("value")).isEmpty();
      type(browser, "reference", reference);
      type(browser, "amendReason", "Second source corroborated the line");
      choose(browser, "intelligence", "A");
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
                          search(tokens, "police.analyst", marker)
                              .at("/hits/0/grading/intelligence")
                              .asString("")));

      // and retracts it
      browser.go("/search/events/" + eventId);
      browser.clickThrough(By.id("retract-report"));
      checked(browser, "submit-retract");
      browser.clickThrough(By.cssSelector("#retract-form button[type=submit]"));
      assertThat(browser.find(By.cssSelector(".govuk-error-summary")).getText())
          .contains("Select why the report is withdrawn");
      choose(browser, "reason", "SOURCE_WITHDRAWN");
      browser.clickThrough(By.cssSelector("#retract-form button[type=submit]"));
      assertThat(browser.find(By.cssSelector(".govuk-panel__title")).getText())
          .isEqualTo("Report retracted");
      checked(browser, "submit-retracted");
    }
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> search(tokens, "police.analyst", marker).path("total").asLong() == 0);
  }

  @Test
  void councilOfficerUploadsACsvWithOneBadRowThenSeesTheRowReport(DemoTokens tokens)
      throws Exception {
    String marker = marker();
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
    try (Browser browser = Browser.open(BASE)) {
      browser.signIn("redditch.cso");
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
      List<String> refused =
          browser.findAll(By.cssSelector("#refused tbody td")).stream()
              .map(WebElement::getText)
              .toList();
      assertThat(refused).startsWith("4", "concern");
      checked(browser, "submit-upload-report");
    } finally {
      Files.deleteIfExists(csv);
    }
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> search(tokens, "redditch.cso", marker).path("total").asLong() == 2);
  }

  private static String marker() {
    return "submit" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  /** Saves a screenshot and asserts axe finds nothing serious on the page. */
  private static void checked(Browser browser, String name) {
    ((org.openqa.selenium.JavascriptExecutor) browser.driver())
        .executeScript("window.scrollTo(0, 0)");
    browser.screenshot(name);
    assertThat(browser.seriousAccessibilityViolations()).as(name).isEmpty();
  }

  private static void type(Browser browser, String id, String text) {
    WebElement input = browser.find(By.id(id));
    input.clear();
    input.sendKeys(text);
  }

  private static void choose(Browser browser, String name, String value) {
    WebElement input =
        browser.find(By.cssSelector("input[name=" + name + "][value='" + value + "']"));
    if (!input.isSelected()) {
      input.click();
    }
  }

  private static void continueOn(Browser browser) {
    browser.clickThrough(By.cssSelector("#question-form button[type=submit]"));
    assertThat(browser.findAll(By.cssSelector(".govuk-error-summary")))
        .as("errors on " + browser.currentUrl())
        .isEmpty();
  }

  private static void when(Browser browser, String precision, String postcode) {
    type(browser, "observedDay", String.valueOf(SEEN.getDayOfMonth()));
    type(browser, "observedMonth", String.valueOf(SEEN.getMonthValue()));
    type(browser, "observedYear", String.valueOf(SEEN.getYear()));
    choose(browser, "precision", precision);
    type(browser, "postcode", postcode);
  }

  private static void giveAPurpose(Browser browser, String path) {
    browser.go(path);
    if (browser.has(By.cssSelector("form[action='/purpose']"))) {
      browser.find(By.id("purpose")).sendKeys(PURPOSE);
      browser.clickThrough(By.cssSelector("form[action='/purpose'] button"));
    }
  }

  /** Waits until the search API shows the person exactly one report with the word; returns it. */
  private static JsonNode awaitOne(DemoTokens tokens, String user, String marker) throws Exception {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> search(tokens, user, marker).path("total").asLong() == 1);
    return search(tokens, user, marker).path("hits").get(0);
  }

  private static JsonNode search(DemoTokens tokens, String user, String words) throws Exception {
    HttpResponse<String> response;
    try (HttpClient http = HttpClient.newHttpClient()) {
      response =
          http.send(
              HttpRequest.newBuilder(
                      RunningHub.get()
                          .search
                          .url()
                          .resolve(
                              "/api/v1/search?purpose=Portal+test+check&q="
                                  + URLEncoder.encode(words, StandardCharsets.UTF_8)))
                  .header("Authorization", "Bearer " + tokens.accessToken(user))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    }
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JsonMapper.builder().build().readTree(response.body());
  }
}
