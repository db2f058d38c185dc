package uk.crossline.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import uk.crossline.testsupport.DemoTokens;

/**
 * The access log in a real browser: a police analyst searches with a purpose of this run, the
 * auditor finds that search in the log by who did it and why, opens it, and checks the log's hash
 * chains; the analyst is refused the access log.
 */
class AuditBrowserIntegrationTest extends PortalBrowserTest {

  @Test
  void analystSearchesThenAuditorFindsTheSearchByUserAndPurposeOpensItAndChecksTheChains(
      DemoTokens tokens) throws Exception {
    // given a report of this run that the analyst will find
    String marker = Intake.marker("audit");
    String eventId = Intake.councilCuckooing(tokens, "redditch.cso", marker);
    SearchApi.awaitTotal(tokens, "police.analyst", marker, 1);
    String purpose = "Cuckooing review for the access-log test " + marker;

    // when the analyst searches for it in the browser with a purpose of this run, and opens it
    try (Browser browser = signedIn("police.analyst")) {
      browser.go("/search");
      browser.givePurpose(purpose);
      browser.find(By.id("q")).sendKeys(marker);
      browser.clickThrough(By.cssSelector("#search-form .govuk-grid-column-two-thirds button"));
      assertThat(browser.find(By.id("total")).getText()).isEqualTo("1 report");
      assertThat(browser.contentSecurityPolicyViolations()).isEmpty();
      browser.clickThrough(By.cssSelector(".govuk-summary-card__title a"));
      assertThat(browser.find(By.id("event")).getText()).contains(marker);
      assertThat(browser.contentSecurityPolicyViolations()).isEmpty();

      // and the analyst may not read the access log
      browser.go("/audit");
      assertThat(browser.heading()).isEqualTo(Browser.NO_ACCESS);
      browser.screenshotAndAssertAccessible("audit-refused-police-analyst");
    }

    // then the auditor finds that search by who made it and why
    try (Browser browser = signedIn("ig.auditor")) {
      browser.go("/audit");
      assertThat(browser.heading()).isEqualTo("Why are you looking?");
      browser.givePurpose("Monthly review of analysts' searches " + marker);
      assertThat(browser.heading()).isEqualTo("Access log");
      browser.screenshotAndAssertAccessible("audit-form");

      browser.find(By.id("user")).sendKeys("police.analyst");
      browser.find(By.cssSelector("input[name=action][value=SEARCH]")).click();
      browser.find(By.id("from")).sendKeys(LocalDate.now(ZoneOffset.UTC).toString());
      browser.clickThrough(By.cssSelector("#audit-form button[type=submit]"));
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofSeconds(2))
          .until(
              () -> {
                browser.go("/audit");
                return browser.has(By.id("records"))
                    && browser.find(By.id("records")).getText().contains(purpose);
              });
      WebElement row =
          browser.find(
              By.xpath("//table[@id='records']//tr[td[normalize-space(.)='" + purpose + "']]"));
      assertThat(row.getText()).contains("police.analyst").contains("west-mercia-police");
      assertThat(browser.contentSecurityPolicyViolations()).isEmpty();
      browser.screenshotAndAssertAccessible("audit-records");

      // and opens it: who, why, what was asked and the event it returned
      browser.clickThrough(
          By.xpath("//table[@id='records']//tr[td[normalize-space(.)='" + purpose + "']]/td[1]/a"));
      assertThat(browser.heading()).isEqualTo("Search by police.analyst");
      String record = browser.find(By.id("record")).getText();
      assertThat(record).contains(purpose).contains(marker).contains(eventId);
      assertThat(browser.find(By.id("record-json")).getAttribute("textContent"))
          .contains("\"hash\"");
      assertThat(browser.contentSecurityPolicyViolations()).isEmpty();
      browser.screenshotAndAssertAccessible("audit-record");

      // and the event's id leads to every record naming it
      browser.clickThrough(By.xpath("//dl[@id='record']//a[normalize-space(.)='" + eventId + "']"));
      assertThat(browser.find(By.id("records")).getText()).contains(purpose);

      // and checks the log's chains: both copies reported, chain by chain
      browser.go("/audit/verification");
      assertThat(browser.heading()).isEqualTo("Check the access log");
      browser.screenshotAndAssertAccessible("audit-verification-start");
      browser.find(By.cssSelector("#verify-form button")).click();
      new WebDriverWait(browser.driver(), Duration.ofMinutes(3))
          .until(d -> !d.findElements(By.id("verdict")).isEmpty());
      String report = browser.find(By.tagName("main")).getText();
      assertThat(report)
          .contains("The log (the source of truth)")
          .contains("The searchable copy")
          .contains("Records read")
          .containsPattern("The access log is (not )?whole");
      assertThat(browser.contentSecurityPolicyViolations()).isEmpty();
      browser.screenshotAndAssertAccessible("audit-verification");

      // and the policy holds: a script put into the page is refused, and the console says so (so
      // the empty lists above mean something)
      var js = (org.openqa.selenium.JavascriptExecutor) browser.driver();
      js.executeScript(
          "const s = document.createElement('script');"
              + " s.textContent = 'window.injected = true';"
              + " document.body.appendChild(s);");
      assertThat(js.executeScript("return window.injected === true")).isEqualTo(false);
      assertThat(browser.contentSecurityPolicyViolations())
          .anySatisfy(message -> assertThat(message).contains("script-src"));
    }
  }
}
