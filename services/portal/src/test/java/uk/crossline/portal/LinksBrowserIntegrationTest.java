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

  @Test
  void analystFollowsASharedPhoneToTheOtherAgencysReport(DemoTokens tokens) throws Exception {
    // given West Mercia Police and Redditch report the same phone at the same shop
    String marker = IntelSeeds.marker();
    String phone = IntelSeeds.phone();
    String shop = IntelSeeds.shop(marker, IntelSeeds.uprn());
    String police = IntelSeeds.police(tokens, marker, "GREEN", phone, shop);
    String council =
        IntelSeeds.council(tokens, "redditch.cso", marker, "{\"tlp\": \"GREEN\"}", phone, shop);
    IntelSeeds.awaitVisible(tokens, "police.analyst", police);
    IntelSeeds.awaitVisible(tokens, "police.analyst", council);

    try (Browser browser = Browser.open(BASE)) {
      browser.signIn("police.analyst");

      // when the analyst opens the police report and its links
      IntelSeeds.consult(browser, "/search/events/" + police);
      browser.screenshot("links-event-police-analyst");
      assertThat(browser.seriousAccessibilityViolations()).isEmpty();
      browser.clickThrough(By.id("links-link"));

      // then the phone links to the council's report, with its count and (for an analyst) token
      assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Links to other reports");
      WebElement phoneLink = card(browser, "A shared phone");
      assertThat(phoneLink.getText()).contains("1 other report shares it.").contains("Token:");
      assertThat(card(browser, "The same premises").getText()).contains("1 other report");
      assertThat(browser.has(By.id("not-followed"))).isFalse();
      browser.screenshot("links-police-analyst");
      assertThat(browser.seriousAccessibilityViolations()).isEmpty();

      // and following it opens the council's report
      browser.clickThrough(
          By.cssSelector(".crossline-link a[href='/search/events/" + council + "']"));
      assertThat(browser.currentUrl()).endsWith("/search/events/" + council);
      assertThat(browser.find(By.id("event")).getText()).contains(marker);
    }

    // when Redditch's community safety officer opens the links of its own report
    try (Browser browser = Browser.open(BASE)) {
      browser.signIn("redditch.cso");
      IntelSeeds.consult(browser, "/search/events/" + council + "/links");

      // then the premises link only, no token, and what was not followed
      assertThat(titles(browser)).containsExactly("The same premises");
      assertThat(card(browser, "The same premises").getText())
          .contains("1 other report shares it.")
          .doesNotContain("Token:");
      assertThat(browser.find(By.id("not-followed")).getText())
          .isEqualTo(
              "1 identifier in this report is not followed: that needs the link analysis role.");
      assertThat(browser.has(By.cssSelector("a[href='/search/events/" + police + "']"))).isTrue();
      browser.screenshot("links-council-officer");
      assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    }
  }

  @Test
  void youthMentorWithoutSearchThenTheForbiddenPage() {
    try (Browser browser = Browser.open(BASE)) {
      browser.signIn("youth.mentor");
      browser.go("/search/events/00000000-0000-0000-0000-000000000000/links");

      assertThat(browser.find(By.tagName("h1")).getText())
          .isEqualTo("You do not have access to this page");
      browser.screenshot("forbidden-youth-mentor");
      assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    }
  }

  private static java.util.List<String> titles(Browser browser) {
    return browser.findAll(By.cssSelector(".crossline-link .govuk-summary-card__title")).stream()
        .map(WebElement::getText)
        .toList();
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
