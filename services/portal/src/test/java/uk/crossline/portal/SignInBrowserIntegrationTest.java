package uk.crossline.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Signing in and out in a real browser against the real identity provider: the header names the
 * person's agency and roles, and the start page offers only what the roles allow.
 */
class SignInBrowserIntegrationTest extends PortalBrowserTest {

  @Test
  void policeAnalystSignsInThenSeesAgencyRolesAndTheirTasks() {
    try (Browser browser = Browser.open(BASE)) {
      browser.signIn("police.analyst");

      String header = browser.find(By.id("signed-in")).getText();
      assertThat(header)
          .contains("police.analyst")
          .contains("west-mercia-police")
          .contains("Police")
          .contains("SEARCH")
          .contains("LINK_ANALYSIS");
      assertThat(tasks(browser))
          .contains("Submit a report", "Search intelligence", "Alerts", "Statistics")
          .doesNotContain("Access log");
      browser.screenshotAndAssertAccessible("home-police-analyst");
    }
  }

  @Test
  void schoolLeadSignsInThenIsOfferedSubmittingOnlyAndNoSearch() {
    try (Browser browser = Browser.open(BASE)) {
      browser.signIn("school.lead");

      assertThat(tasks(browser)).containsExactly("Submit a report", "Access requests");
      assertThat(browser.findAll(By.cssSelector("a[href='/search']"))).isEmpty();
      browser.screenshot("home-school-lead");
    }
  }

  @Test
  void signOutThenSignedOutThereAndAtTheIdentityProvider() {
    try (Browser browser = Browser.open(BASE)) {
      browser.signIn("redditch.cso");

      browser.clickThrough(By.cssSelector("form[action='/sign-out'] button"));

      assertThat(browser.heading()).isEqualTo("You have signed out");
      browser.screenshotAndAssertAccessible("signed-out");
      // Coming back needs the password again: the identity provider's session ended too.
      browser.driver().get(BASE + "/");
      assertThat(browser.find(By.id("username")).isDisplayed()).isTrue();
    }
  }

  private static java.util.List<String> tasks(Browser browser) {
    return browser.texts(By.cssSelector("#tasks h2"));
  }
}
