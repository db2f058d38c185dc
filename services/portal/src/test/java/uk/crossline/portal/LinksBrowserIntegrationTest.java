package uk.crossline.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import uk.crossline.testsupport.DemoTokens;

/**
 * Links between reports in a real browser, on reports of two agencies that name the same phone and
 * the same shop: the police analyst follows the phone from one report to the other; a council
 * officer (no link analysis) follows the premises only and is told what was not followed.
 */
class LinksBrowserIntegrationTest extends PortalBrowserTest {

  private static final String PURPOSE = "Operation Heron, links between the Batchley reports";

  @Test
  void analystFollowsASharedPhoneToTheOtherAgencysReport(DemoTokens tokens) throws Exception {
    // given West Mercia Police and Redditch report the same phone at the same shop
    String marker = Intake.marker("intel");
    String phone = Intake.phone();
    String shop = Intake.shop(marker, Intake.uprn());
    String police = Intake.policeDrugDealing(tokens, marker, "GREEN", phone, shop);
    String council =
        Intake.councilAntiSocialBehaviour(
            tokens, "redditch.cso", marker, "{\"tlp\": \"GREEN\"}", phone, shop);
    SearchApi.awaitVisible(tokens, "police.analyst", police);
    SearchApi.awaitVisible(tokens, "police.analyst", council);

    try (Browser browser = signedIn("police.analyst")) {
      // when the analyst opens the police report and its links
      browser.consult("/search/events/" + police, PURPOSE);
      browser.screenshotAndAssertAccessible("links-event-police-analyst");
      browser.clickThrough(By.id("links-link"));

      // then the phone links to the council's report, with its count and (for an analyst) token
      assertThat(browser.heading()).isEqualTo("Links to other reports");
      WebElement phoneLink = card(browser, "A shared phone");
      assertThat(phoneLink.getText()).contains("1 other report shares it.").contains("Token:");
      assertThat(card(browser, "The same premises").getText()).contains("1 other report");
      assertThat(browser.has(By.id("not-followed"))).isFalse();
      browser.screenshotAndAssertAccessible("links-police-analyst");

      // and following it opens the council's report
      browser.clickThrough(
          By.cssSelector(".crossline-link a[href='/search/events/" + council + "']"));
      assertThat(browser.currentUrl()).endsWith("/search/events/" + council);
      assertThat(browser.find(By.id("event")).getText()).contains(marker);
    }

    // when Redditch's community safety officer opens the links of its own report
    try (Browser browser = signedIn("redditch.cso")) {
      browser.consult("/search/events/" + council + "/links", PURPOSE);

      // then the premises link only, no token, and what was not followed
      assertThat(titles(browser)).containsExactly("The same premises");
      assertThat(card(browser, "The same premises").getText())
          .contains("1 other report shares it.")
          .doesNotContain("Token:");
      assertThat(browser.find(By.id("not-followed")).getText())
          .isEqualTo(
              "1 identifier in this report is not followed: that needs the link analysis role.");
      assertThat(browser.has(By.cssSelector("a[href='/search/events/" + police + "']"))).isTrue();
      browser.screenshotAndAssertAccessible("links-council-officer");
    }
  }

  @Test
  void youthMentorWithoutSearchThenTheForbiddenPage() {
    try (Browser browser = signedIn("youth.mentor")) {
      browser.go("/search/events/00000000-0000-0000-0000-000000000000/links");

      assertThat(browser.heading()).isEqualTo(Browser.NO_ACCESS);
      browser.screenshotAndAssertAccessible("forbidden-youth-mentor");
    }
  }

  private static java.util.List<String> titles(Browser browser) {
    return browser.texts(By.cssSelector(".crossline-link .govuk-summary-card__title"));
  }

  private static WebElement card(Browser browser, String title) {
    return browser.findAll(By.cssSelector(".crossline-link")).stream()
        .filter(
            c ->
                c.findElement(By.cssSelector(".govuk-summary-card__title")).getText().equals(title))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no link card " + title));
  }
}
