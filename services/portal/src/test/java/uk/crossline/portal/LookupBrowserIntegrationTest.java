package uk.crossline.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import uk.crossline.testsupport.DemoTokens;

/**
 * The identifier look-up in a real browser: hit and no-hit, "other agencies hold something" for
 * another agency's AMBER report, the ask, the originator's approval in its inbox, and the asker
 * then seeing the report. The value typed never appears in an address or a later page.
 */
class LookupBrowserIntegrationTest extends PortalBrowserTest {

  private static final String PURPOSE = "Operation Heron, a number seen at a Batchley address";

  @Test
  void amberReportOfAnotherCouncilThenOtherMatchesAskApprovedAndThenSeen(DemoTokens tokens)
      throws Exception {
    // given Redditch keeps an AMBER report naming a phone, shared with nobody
    String marker = Intake.marker("intel");
    String phone = Intake.phone();
    String report =
        Intake.councilAntiSocialBehaviour(
            tokens, "redditch.cso", marker, "{\"tlp\": \"AMBER\"}", phone, null);
    SearchApi.awaitVisible(tokens, "redditch.cso", report);

    try (Browser asker = signedIn("wyreforest.cso")) {
      // when Wyre Forest's officer looks the phone up
      lookUp(asker, "PHONE", phone);

      // then no report it may see, but other agencies hold something, and the value is not echoed
      assertThat(asker.find(By.id("result")).getText()).isEqualTo("No report you may see matches");
      assertThat(asker.has(By.id("other-matches-exist"))).isTrue();
      assertThat(asker.currentUrl()).endsWith("/lookup/answer").doesNotContain(phone);
      assertThat(asker.driver().getPageSource()).doesNotContain(phone).doesNotContain(marker);
      asker.screenshotAndAssertAccessible("lookup-other-matches");

      // and a too short reason is refused on the form
      asker.find(By.id("justification")).sendKeys("hm");
      asker.clickThrough(By.cssSelector("#ask-form button"));
      assertThat(asker.find(By.cssSelector(".govuk-error-summary")).getText())
          .contains("at least 5 characters");
      assertThat(asker.driver().getTitle()).startsWith("Error: ");
      assertThat(asker.seriousAccessibilityViolations()).isEmpty();

      // when it asks for access with a reason
      asker.type("justification", "Joint visit " + marker);
      asker.clickThrough(By.cssSelector("form[action='/access-requests/ask'] button"));

      // then the request is sent, and listed as waiting
      assertThat(asker.heading()).isEqualTo("Request sent");
      asker.screenshotAndAssertAccessible("lookup-request-sent");
      asker.go("/access-requests/sent");
      assertThat(row(asker, marker).getText()).contains("Waiting for a decision");
      asker.screenshotAndAssertAccessible("access-requests-sent");
    }

    try (Browser originator = signedIn("redditch.cso")) {
      // when Redditch's officer approves it in the inbox, giving a reason
      originator.go("/access-requests");
      WebElement request = request(originator, marker);
      assertThat(request.getText())
          .contains("Request from Wyre Forest District Council")
          .contains("wyreforest.cso")
          .contains("Waiting for a decision");
      originator.screenshotAndAssertAccessible("access-requests-inbox");
      String id = request.getAttribute("id").substring("request-".length());

      // (a decision without a reason is refused first)
      originator.clickThrough(By.cssSelector("#request-" + id + " button[value='approval']"));
      assertThat(originator.find(By.cssSelector(".govuk-error-summary a")).getAttribute("href"))
          .endsWith("#reason-" + id);
      assertThat(originator.seriousAccessibilityViolations()).isEmpty();

      originator.find(By.id("reason-" + id)).sendKeys("Joint visit agreed with Wyre Forest");
      originator.clickThrough(By.cssSelector("#request-" + id + " button[value='approval']"));

      // then it reads approved, after a redirect
      assertThat(originator.find(By.id("decided")).getText())
          .contains("You approved the request from Wyre Forest District Council.");
      assertThat(originator.currentUrl()).endsWith("/access-requests");
      assertThat(request(originator, marker).getText())
          .contains("Approved by redditch.cso")
          .contains("Joint visit agreed with Wyre Forest");
      originator.screenshotAndAssertAccessible("access-requests-decided");
    }

    try (Browser asker = signedIn("wyreforest.cso")) {
      // then the asker sees the report, once the indexer has written the grant
      asker.consult("/search/events/" + report, PURPOSE);
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> {
                asker.go("/search/events/" + report);
                return asker.has(By.id("event"));
              });
      assertThat(asker.find(By.id("event")).getText()).contains(marker);

      // and a look-up of the phone is now a hit
      lookUp(asker, "PHONE", phone);
      assertThat(asker.find(By.id("result")).getText()).isEqualTo("1 report matches");
      assertThat(asker.has(By.cssSelector("a[href='/search/events/" + report + "']"))).isTrue();
      assertThat(asker.has(By.id("no-other-matches"))).isTrue();
      asker.screenshotAndAssertAccessible("lookup-hit");

      // and the ask reads answered, with the report approved
      asker.go("/access-requests/sent");
      assertThat(row(asker, marker).getText()).contains("Answered").contains("Report from");
    }
  }

  @Test
  void redReportOfAnotherAgencyNeverAppearsAndANumberNobodyHasIsANoHit(DemoTokens tokens)
      throws Exception {
    // given West Mercia Police keeps a RED report naming a phone
    String marker = Intake.marker("intel");
    String phone = Intake.phone();
    String red = Intake.policeDrugDealing(tokens, marker, "RED", phone, null);
    SearchApi.awaitVisible(tokens, "police.analyst", red);

    try (Browser browser = signedIn("redditch.cso")) {
      // when Redditch's officer looks it up
      browser.consult("/lookup", PURPOSE);
      browser.screenshotAndAssertAccessible("lookup-form");
      lookUp(browser, "PHONE", phone);

      // then nothing: no report, and no "other agencies hold something" either
      assertThat(browser.find(By.id("result")).getText())
          .isEqualTo("No report you may see matches");
      assertThat(browser.has(By.id("other-matches-exist"))).isFalse();
      assertThat(browser.has(By.id("no-other-matches"))).isTrue();
      assertThat(browser.driver().getPageSource()).doesNotContain(red).doesNotContain(marker);
      browser.screenshotAndAssertAccessible("lookup-no-hit");

      // and a number nobody reported is a no-hit too
      lookUp(browser, "PHONE", Intake.phone());
      assertThat(browser.find(By.id("result")).getText())
          .isEqualTo("No report you may see matches");
      assertThat(browser.has(By.id("other-matches-exist"))).isFalse();

      // and a value that is no phone number is refused on the form, linked to the field
      lookUp(browser, "PHONE", "12");
      WebElement error = browser.find(By.cssSelector(".govuk-error-summary a"));
      assertThat(error.getAttribute("href")).endsWith("#value");
      assertThat(error.getText()).startsWith("Enter a phone number Crossline can read (");
      browser.screenshotAndAssertAccessible("lookup-error");
    }
  }

  @Test
  void youthMentorWithoutSearchThenNoLookupButTheInbox() {
    try (Browser browser = signedIn("youth.mentor")) {
      browser.go("/lookup");
      assertThat(browser.heading()).isEqualTo(Browser.NO_ACCESS);
      assertThat(browser.seriousAccessibilityViolations()).isEmpty();

      // an originator who submits decides on requests for its reports, so the inbox opens
      browser.go("/access-requests");
      assertThat(browser.heading()).isEqualTo("Access requests");
      assertThat(browser.has(By.cssSelector("a[href='/access-requests/sent']"))).isFalse();
      browser.go("/access-requests/sent");
      assertThat(browser.heading()).isEqualTo(Browser.NO_ACCESS);
    }
  }

  private static void lookUp(Browser browser, String type, String value) {
    browser.consult("/lookup", PURPOSE);
    browser.choose("type", type);
    browser.type("value", value);
    browser.clickThrough(By.cssSelector("#lookup-form button"));
  }

  private static WebElement request(Browser browser, String marker) {
    return browser.findAll(By.cssSelector(".govuk-summary-card")).stream()
        .filter(c -> c.getText().contains(marker))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no request with " + marker));
  }

  private static WebElement row(Browser browser, String marker) {
    return browser.findAll(By.cssSelector("#asks tbody tr")).stream()
        .filter(r -> r.getText().contains(marker))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no ask with " + marker));
  }
}
