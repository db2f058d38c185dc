package uk.crossline.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
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
    String marker = Intake.marker("portal");
    String green = Intake.policeDealLine(tokens, marker, "GREEN");
    String red = Intake.policeDealLine(tokens, marker, "RED");
    SearchApi.awaitTotal(tokens, "police.analyst", marker, 2);

    // when the police analyst searches for the word, giving a purpose first
    try (Browser browser = signedIn("police.analyst")) {
      search(browser, marker);

      // then both reports, marked, with grading detail
      assertThat(browser.find(By.id("total")).getText()).isEqualTo("2 reports");
      assertThat(cardTitles(browser)).hasSize(2);
      assertThat(browser.findAll(By.cssSelector(".crossline-tlp--red"))).hasSize(1);
      assertThat(browser.findAll(By.cssSelector(".crossline-tlp--green"))).hasSize(1);
      assertThat(browser.driver().getPageSource()).contains("2 B P");
      assertThat(browser.find(By.id("purpose-given")).getText()).contains(PURPOSE);
      browser.screenshotAndAssertAccessible("search-police-analyst");

      // and the RED report opens with everything the analyst may see
      browser.go("/search/events/" + red);
      assertThat(browser.heading()).contains("Deal line").contains("TLP:RED");
      assertThat(browser.find(By.id("event")).getText()).contains(marker);
      browser.screenshotAndAssertAccessible("event-police-analyst");
    }

    // when Redditch's community safety officer searches for the same word
    try (Browser browser = signedIn("redditch.cso")) {
      search(browser, marker);

      // then the GREEN one only: not in the results, not in the counts, not by its address
      assertThat(browser.find(By.id("total")).getText()).isEqualTo("1 report");
      assertThat(browser.findAll(By.cssSelector(".crossline-tlp--red"))).isEmpty();
      assertThat(browser.driver().getPageSource()).doesNotContain("2 B P");
      assertThat(categoryCount(browser, "Deal line")).isEqualTo("(1)");
      browser.screenshot("search-council-officer");
      browser.go("/search/events/" + red);
      assertThat(browser.heading()).isEqualTo("Report not found");
      browser.go("/search/events/" + green);
      assertThat(browser.heading()).contains("TLP:GREEN");
    }
  }

  @Test
  void searchWithoutAPurposeThenAskedForOneFirstAndATooShortOneRefused() {
    try (Browser browser = signedIn("ts.officer")) {
      browser.go("/search?q=vapes");

      assertThat(browser.heading()).isEqualTo("Why are you looking?");
      browser.givePurpose("abc");
      assertThat(browser.find(By.cssSelector(".govuk-error-summary")).getText())
          .contains("at least 5 characters");
      browser.screenshotAndAssertAccessible("purpose-error");

      browser.givePurpose("def: test purchase follow-up");
      assertThat(browser.heading()).isEqualTo("Search intelligence");
      assertThat(browser.find(By.id("q")).getAttribute("value")).isEqualTo("vapes");
    }
  }

  private static void search(Browser browser, String words) {
    browser.consult("/search", PURPOSE);
    browser.type("q", words);
    browser.clickThrough(By.cssSelector("#search-form .govuk-grid-column-two-thirds button"));
    browser.find(By.id("total"));
  }

  private static java.util.List<String> cardTitles(Browser browser) {
    return browser.texts(By.cssSelector(".govuk-summary-card__title"));
  }

  private static String categoryCount(Browser browser, String label) {
    return browser.findAll(By.cssSelector("label.govuk-checkboxes__label")).stream()
        .filter(l -> l.getText().startsWith(label))
        .map(l -> l.findElement(By.cssSelector(".govuk-hint")).getText())
        .findFirst()
        .orElseThrow();
  }
}
