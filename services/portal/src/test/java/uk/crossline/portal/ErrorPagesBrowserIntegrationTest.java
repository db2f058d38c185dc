package uk.crossline.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The error pages a person meets in a real browser, as GOV.UK pages with no exception text. */
class ErrorPagesBrowserIntegrationTest extends PortalBrowserTest {

  @Test
  void formSentAfterTheSessionEndedThenStartAgainPageAndNothingSaved() {
    try (Browser browser = signedIn("redditch.cso")) {
      browser.go("/purpose?next=/search");
      browser.find(By.id("purpose")).sendKeys("Weekly cuckooing review");

      // when the session ends while the form is open (as after a long break)
      browser.driver().manage().deleteCookieNamed("JSESSIONID");
      browser.clickThrough(By.cssSelector("form[action='/purpose'] button"));

      // then the person is told to start again, on a page of the service
      assertThat(browser.heading()).isEqualTo("You need to start again");
      assertThat(browser.driver().getPageSource())
          .doesNotContain("Exception")
          .doesNotContain("Whitelabel");
      assertThat(browser.contentSecurityPolicyViolations()).isEmpty();
      browser.screenshotAndAssertAccessible("error-start-again");
    }
  }

  @Test
  void unknownAddressThenPageNotFound() {
    try (Browser browser = signedIn("school.lead")) {
      browser.go("/search/../nothing-here");

      assertThat(browser.heading()).isEqualTo("Page not found");
      browser.screenshotAndAssertAccessible("error-not-found");

      browser.go("/audit/verification");
      assertThat(browser.heading()).isEqualTo(Browser.NO_ACCESS);
      browser.screenshot("error-forbidden");
    }
  }
}
