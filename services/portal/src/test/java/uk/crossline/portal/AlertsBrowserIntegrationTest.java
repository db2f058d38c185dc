package uk.crossline.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import uk.crossline.testsupport.DemoTokens;

/**
 * A council officer subscribes in the browser and sees a neighbour's report arrive in the inbox
 * live, without reloading: through the real intake, the real alerts service and the portal's relay
 * of its stream.
 */
class AlertsBrowserIntegrationTest extends PortalBrowserTest {

  @Test
  void councilOfficerSubscribesThenSeesANewAlertArriveLive(DemoTokens tokens) throws Exception {
    String name = "Redditch " + UUID.randomUUID().toString().substring(0, 8);
    try (Browser browser = signedIn("bromsgrove.cso")) {
      // a subscription without a district is refused, the error linked to the field
      browser.go("/alerts/subscriptions/new");
      browser.find(By.id("name")).sendKeys(name);
      browser.find(By.id("purpose")).sendKeys("Cuckooing patrols with Redditch");
      browser.clickThrough(By.cssSelector("#subscription-form button[type=submit]"));
      WebElement summary = browser.find(By.cssSelector(".govuk-error-summary"));
      assertThat(summary.getText()).contains("Select at least one district");
      assertThat(summary.findElement(By.tagName("a")).getAttribute("href")).endsWith("#district");
      browser.screenshotAndAssertAccessible("subscription-error");

      // subscribing to Redditch
      browser.find(By.cssSelector("input[name=district][value=redditch]")).click();
      browser.clickThrough(By.cssSelector("#subscription-form button[type=submit]"));
      WebElement card = card(browser, name);
      assertThat(card.getText()).contains("Redditch").contains("Each alert as it comes");
      browser.screenshotAndAssertAccessible("subscriptions");

      // pausing and resuming it
      browser.clickThrough(
          By.xpath(cardXpath(name) + "//button[starts-with(normalize-space(.), 'Pause')]"));
      assertThat(card(browser, name).getText()).contains("Paused");
      browser.clickThrough(
          By.xpath(cardXpath(name) + "//button[starts-with(normalize-space(.), 'Resume')]"));
      assertThat(card(browser, name).getText()).doesNotContain("Paused");

      // when Redditch reports cuckooing while the officer has the inbox open
      browser.go("/alerts");
      browser.find(By.id("alerts-live"));
      String marker = Intake.marker("portal");
      Intake.councilCuckooing(tokens, "redditch.cso", marker);

      // then the alert appears without a reload
      new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
          .until(d -> d.findElement(By.id("alerts-live")).getText().contains(marker));
      assertThat(browser.find(By.id("alerts-announce")).getText()).contains("New alert");
      browser.screenshotAndAssertAccessible("inbox-live");

      // and after a reload it is listed, from the inbox itself
      browser.go("/alerts");
      assertThat(browser.find(By.id("alerts-live")).getText()).contains(marker).contains(name);

      // ending the subscription
      browser.go("/alerts/subscriptions");
      browser.clickThrough(
          By.xpath(cardXpath(name) + "//button[starts-with(normalize-space(.), 'End')]"));
      assertThat(browser.driver().getPageSource()).doesNotContain(name);
    }
  }

  @Test
  void schoolLeadWithoutTheAlertsRoleThenRefused() {
    try (Browser browser = signedIn("school.lead")) {
      browser.go("/alerts");

      // the pages a role is not offered are closed to it (PageRoles): the "no access" page
      assertThat(browser.heading()).isEqualTo(Browser.NO_ACCESS);
      assertThat(browser.findAll(By.cssSelector("#alerts-live .govuk-summary-card"))).isEmpty();
    }
  }

  private static WebElement card(Browser browser, String name) {
    return browser.find(By.xpath(cardXpath(name)));
  }

  private static String cardXpath(String name) {
    return "//div[contains(@class,'govuk-summary-card')][.//h2[contains(normalize-space(.), '"
        + name
        + "')]]";
  }
}
