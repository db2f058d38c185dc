package uk.crossline.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import uk.crossline.testsupport.DemoTokens;

/**
 * A premises' page in a real browser: trading standards see every agency's flags on a shop, by
 * month, with the agencies involved and "other agencies hold something" for a flag they may not
 * see; a report's page links to its premises.
 */
class PremisesBrowserIntegrationTest extends PortalBrowserTest {

  private static final String PURPOSE = "Operation Heron, a shop near the Batchley address";

  @Test
  void tradingStandardsOfficerSeesEveryAgencysFlagsOnAShop(DemoTokens tokens) throws Exception {
    // given trading standards, the police and Redditch flagged one shop, and the police kept an
    // AMBER flag on it for themselves
    String marker = Intake.marker("intel");
    String uprn = Intake.uprn();
    String shop = Intake.shop(marker, uprn);
    String ts = Intake.tradingStandardsUnderAgeSale(tokens, marker, shop);
    Intake.ShopFlags flags = Intake.policeAndCouncilFlagTheShop(tokens, marker, shop);
    String police = flags.police();
    String amber = flags.amber();
    SearchApi.awaitVisible(tokens, "ts.officer", ts);

    try (Browser browser = signedIn("ts.officer")) {
      // when the trading standards officer finds the shop by its UPRN
      browser.consult("/premises", PURPOSE);
      browser.screenshotAndAssertAccessible("premises-find");
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
      browser.screenshotAndAssertAccessible("premises-timeline");
    }

    try (Browser browser = signedIn("police.analyst")) {
      // when the police analyst opens the police report, the page links to its premises
      browser.consult("/search/events/" + police, PURPOSE);
      browser.clickThrough(By.id("premises-link"));

      // then the same shop, with the police's AMBER flag too, and nothing else to ask for
      assertThat(browser.find(By.id("premises-name")).getText())
          .isEqualTo("Cloud Nine Vapes " + marker);
      assertThat(browser.find(By.id("total")).getText()).isEqualTo("4 flags from 3 agencies");
      assertThat(browser.has(By.id("no-other-matches"))).isTrue();
      browser.screenshotAndAssertAccessible("premises-police-analyst");
    }
  }

  @Test
  void findWithoutAUprnThenErrorAndWithoutSearchThenForbidden() {
    try (Browser browser = signedIn("redditch.cso")) {
      browser.consult("/premises", PURPOSE);
      browser.clickThrough(By.cssSelector("#premises-address-form button"));
      assertThat(browser.driver().getTitle()).startsWith("Error: ");
      assertThat(
              browser.findAll(By.cssSelector(".govuk-error-summary a")).stream()
                  .map(a -> a.getAttribute("href").replaceAll(".*#", "#"))
                  .toList())
          .containsExactly("#name", "#postcode");
      browser.screenshotAndAssertAccessible("premises-error");
    }
    try (Browser browser = signedIn("school.lead")) {
      browser.go("/premises");
      assertThat(browser.heading()).isEqualTo(Browser.NO_ACCESS);
    }
  }

  private static List<String> agencies(Browser browser) {
    return browser.texts(By.cssSelector("#agencies tbody tr td:first-child"));
  }
}
