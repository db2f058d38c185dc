package uk.crossline.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import uk.crossline.testsupport.DemoTokens;

/**
 * A premises' page in a real browser: trading standards see every agency's flags on a shop, by
 * month, with the agencies involved and "other agencies hold something" for a flag they may not
 * see; a report's page links to its premises.
 */
class PremisesBrowserIntegrationTest extends PortalBrowserTest {

  @Test
  void tradingStandardsOfficerSeesEveryAgencysFlagsOnAShop(DemoTokens tokens) throws Exception {
    // given trading standards, the police and Redditch flagged one shop, and the police kept an
    // AMBER flag on it for themselves
    String marker = IntelSeeds.marker();
    String uprn = IntelSeeds.uprn();
    String shop = IntelSeeds.shop(marker, uprn);
    String ts = IntelSeeds.tradingStandards(tokens, marker, shop);
    String police = IntelSeeds.police(tokens, marker, "GREEN", IntelSeeds.phone(), shop);
    String council =
        IntelSeeds.council(
            tokens, "redditch.cso", marker, "{\"tlp\": \"GREEN\"}", IntelSeeds.phone(), shop);
    String amber = IntelSeeds.police(tokens, marker, "AMBER", IntelSeeds.phone(), shop);
    for (String id : List.of(ts, police, council, amber)) {
      IntelSeeds.awaitVisible(
          tokens,
          id.equals(ts) ? "ts.officer" : id.equals(council) ? "redditch.cso" : "police.analyst",
          id);
    }

    try (Browser browser = Browser.open(BASE)) {
      // when the trading standards officer finds the shop by its UPRN
      browser.signIn("ts.officer");
      IntelSeeds.consult(browser, "/premises");
      browser.screenshot("premises-find");
      assertThat(browser.seriousAccessibilityViolations()).isEmpty();
      browser.find(By.id("uprn")).sendKeys(uprn);
      browser.clickThrough(By.cssSelector("#premises-form button"));

      // then every agency's flag it may see, by month, with the agencies
      assertThat(browser.find(By.id("premises-name")).getText())
          .isEqualTo("Cloud Nine Vapes " + marker);
      assertThat(browser.find(By.id("total")).getText()).isEqualTo("3 flags from 3 agencies");
      assertThat(agencies(browser))
          .containsExactlyInAnyOrder(
              "worcs-trading-standards", "west-mercia-police", "redditch-bc");
      String timeline = browser.find(By.id("timeline")).getText();
      assertThat(timeline)
          .contains("November 2026")
          .contains("October 2026")
          .contains("September 2026")
          .contains("Test purchase: vape sold to a 15 year old volunteer " + marker)
          .contains("Dealing seen from the shop doorway " + marker)
          .contains("TLP:GREEN")
          .doesNotContain("TLP:AMBER");
      assertThat(
              browser.findAll(By.cssSelector("#timeline a[href='/search/events/" + amber + "']")))
          .isEmpty();
      // and the police's own AMBER flag is another agency's match it may ask for
      assertThat(browser.has(By.id("other-matches-exist"))).isTrue();
      assertThat(browser.has(By.id("ask-form"))).isTrue();
      browser.screenshot("premises-trading-standards");
      ((org.openqa.selenium.JavascriptExecutor) browser.driver())
          .executeScript("document.getElementById('timeline').scrollIntoView()");
      browser.screenshot("premises-timeline");
      assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    }

    try (Browser browser = Browser.open(BASE)) {
      // when the police analyst opens the police report, the page links to its premises
      browser.signIn("police.analyst");
      IntelSeeds.consult(browser, "/search/events/" + police);
      browser.clickThrough(By.id("premises-link"));

      // then the same shop, with the police's AMBER flag too, and nothing else to ask for
      assertThat(browser.find(By.id("premises-name")).getText())
          .isEqualTo("Cloud Nine Vapes " + marker);
      assertThat(browser.find(By.id("total")).getText()).isEqualTo("4 flags from 3 agencies");
      assertThat(browser.has(By.id("no-other-matches"))).isTrue();
      browser.screenshot("premises-police-analyst");
      assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    }
  }

  @Test
  void findWithoutAUprnThenErrorAndWithoutSearchThenForbidden() {
    try (Browser browser = Browser.open(BASE)) {
      browser.signIn("redditch.cso");
      IntelSeeds.consult(browser, "/premises");
      browser.clickThrough(By.cssSelector("#premises-address-form button"));
      assertThat(browser.driver().getTitle()).startsWith("Error: ");
      assertThat(
              browser.findAll(By.cssSelector(".govuk-error-summary a")).stream()
                  .map(a -> a.getAttribute("href").replaceAll(".*#", "#"))
                  .toList())
          .containsExactly("#name", "#postcode");
      browser.screenshot("premises-error");
      assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    }
    try (Browser browser = Browser.open(BASE)) {
      browser.signIn("school.lead");
      browser.go("/premises");
      assertThat(browser.find(By.tagName("h1")).getText())
          .isEqualTo("You do not have access to this page");
    }
  }

  private static List<String> agencies(Browser browser) {
    return browser.findAll(By.cssSelector("#agencies tbody tr td:first-child")).stream()
        .map(WebElement::getText)
        .toList();
  }
}
