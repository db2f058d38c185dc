package uk.crossline.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import uk.crossline.testsupport.DemoTokens;

/**
 * Searching in a real browser, through the real search service, on reports submitted through the
 * real intake and projected by the real indexer: the results, their markings and the counts beside
 * the filters are what the person may see, and nothing else.
 */
class SearchBrowserIntegrationTest extends PortalBrowserTest {

  private static final String PURPOSE = "Deal line mapping for the Redditch tasking meeting";

  @Test
  void analystSeesGreenAndRedReportsWhileCouncilOfficerSeesTheGreenOneOnly(DemoTokens tokens)
      throws Exception {
    // given West Mercia Police shared a GREEN report and kept a RED one, both with this run's word
    String marker = "portal" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    String green = submitPoliceReport(tokens, marker, "GREEN");
    String red = submitPoliceReport(tokens, marker, "RED");
    awaitSearchable(tokens, marker, 2);

    // when the police analyst searches for the word, giving a purpose first
    try (Browser browser = Browser.open(BASE)) {
      browser.signIn("police.analyst");
      search(browser, marker);

      // then both reports, marked, with grading detail
      assertThat(browser.find(By.id("total")).getText()).isEqualTo("2 reports");
      assertThat(cardTitles(browser)).hasSize(2);
      assertThat(browser.findAll(By.cssSelector(".crossline-tlp--red"))).hasSize(1);
      assertThat(browser.findAll(By.cssSelector(".crossline-tlp--green"))).hasSize(1);
      assertThat(browser.driver().getPageSource()).contains("2 B P");
      assertThat(browser.find(By.id("purpose-given")).getText()).contains(PURPOSE);
      browser.screenshot("search-police-analyst");
      assertThat(browser.seriousAccessibilityViolations()).isEmpty();

      // and the RED report opens with everything the analyst may see
      browser.go("/search/events/" + red);
      assertThat(browser.find(By.tagName("h1")).getText())
          .contains("Deal line")
          .contains("TLP:RED");
      assertThat(browser.find(By.id("event")).getText()).contains(marker);
      browser.screenshot("event-police-analyst");
      assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    }

    // when Redditch's community safety officer searches for the same word
    try (Browser browser = Browser.open(BASE)) {
      browser.signIn("redditch.cso");
      search(browser, marker);

      // then the GREEN one only: not in the results, not in the counts, not by its address
      assertThat(browser.find(By.id("total")).getText()).isEqualTo("1 report");
      assertThat(browser.findAll(By.cssSelector(".crossline-tlp--red"))).isEmpty();
      assertThat(browser.driver().getPageSource()).doesNotContain("2 B P");
      assertThat(categoryCount(browser, "Deal line")).isEqualTo("(1)");
      browser.screenshot("search-council-officer");
      browser.go("/search/events/" + red);
      assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Report not found");
      browser.go("/search/events/" + green);
      assertThat(browser.find(By.tagName("h1")).getText()).contains("TLP:GREEN");
    }
  }

  @Test
  void searchWithoutAPurposeThenAskedForOneFirstAndATooShortOneRefused() {
    try (Browser browser = Browser.open(BASE)) {
      browser.signIn("ts.officer");
      browser.go("/search?q=vapes");

      assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Why are you looking?");
      browser.find(By.id("purpose")).sendKeys("abc");
      browser.clickThrough(By.cssSelector("form[action='/purpose'] button"));
      assertThat(browser.find(By.cssSelector(".govuk-error-summary")).getText())
          .contains("at least 5 characters");
      browser.screenshot("purpose-error");
      assertThat(browser.seriousAccessibilityViolations()).isEmpty();

      browser.find(By.id("purpose")).sendKeys("def: test purchase follow-up");
      browser.clickThrough(By.cssSelector("form[action='/purpose'] button"));
      assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Search intelligence");
      assertThat(browser.find(By.id("q")).getAttribute("value")).isEqualTo("vapes");
    }
  }

  private static void search(Browser browser, String words) {
    browser.go("/search");
    if (browser.has(By.cssSelector("form[action='/purpose']"))) {
      browser.find(By.id("purpose")).sendKeys(PURPOSE);
      browser.clickThrough(By.cssSelector("form[action='/purpose'] button"));
    }
    WebElement q = browser.find(By.id("q"));
    q.clear();
    q.sendKeys(words);
    browser.clickThrough(By.cssSelector("#search-form .govuk-grid-column-two-thirds button"));
    browser.find(By.id("total"));
  }

  private static java.util.List<String> cardTitles(Browser browser) {
    return browser.findAll(By.cssSelector(".govuk-summary-card__title")).stream()
        .map(WebElement::getText)
        .toList();
  }

  private static String categoryCount(Browser browser, String label) {
    return browser.findAll(By.cssSelector("label.govuk-checkboxes__label")).stream()
        .filter(l -> l.getText().startsWith(label))
        .map(l -> l.findElement(By.cssSelector(".govuk-hint")).getText())
        .findFirst()
        .orElseThrow();
  }

  /** Submits through the real intake as the police analyst; returns the event id. */
  private static String submitPoliceReport(DemoTokens tokens, String marker, String tlp)
      throws Exception {
    return Intake.submit(
        tokens,
        "police.analyst",
        "/api/v1/police/reports",
        """
        {"reference": "PORTAL/%s/%s",
         "observedAt": {"at": "2026-11-20T21:30:00Z", "precision": "EXACT"},
         "where": {"postcode": "B97 4AB"},
         "category": "DEAL_LINE",
         "indicators": ["OLDER_ASSOCIATES"],
         "summary": "Deal line advertised to users in Redditch town centre %s",
         "grading": {"source": "2", "intelligence": "B", "handling": "P"},
         "marking": {"tlp": "%s"}}"""
            .formatted(marker, tlp, marker, tlp));
  }

  /** Waits until the search API finds this many reports with the word (the indexer's lag). */
  private static void awaitSearchable(DemoTokens tokens, String marker, int count) {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              HttpResponse<String> response =
                  http(
                      HttpRequest.newBuilder(
                              RunningHub.get()
                                  .search
                                  .url()
                                  .resolve("/api/v1/search?purpose=Portal+test+setup&q=" + marker))
                          .header("Authorization", "Bearer " + tokens.accessToken("police.analyst"))
                          .build());
              return response.statusCode() == 200 && response.body().contains("\"total\":" + count);
            });
  }

  private static HttpResponse<String> http(HttpRequest request) throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
  }
}
