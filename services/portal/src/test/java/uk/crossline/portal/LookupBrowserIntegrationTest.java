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

  @Test
  void amberReportOfAnotherCouncilThenOtherMatchesAskApprovedAndThenSeen(DemoTokens tokens)
      throws Exception {
    // given Redditch keeps an AMBER report naming a phone, shared with nobody
    String marker = IntelSeeds.marker();
    String phone = IntelSeeds.phone();
    String report =
        IntelSeeds.council(tokens, "redditch.cso", marker, "{\"tlp\": \"AMBER\"}", phone, null);
    IntelSeeds.awaitVisible(tokens, "redditch.cso", report);

    try (Browser asker = Browser.open(BASE)) {
      // when Wyre Forest's officer looks the phone up
      asker.signIn("wyreforest.cso");
      lookUp(asker, "PHONE", phone);

      // then no report it may see, but other agencies hold something, and the value is not echoed
      assertThat(asker.find(By.id("result")).getText()).isEqualTo("No report you may see matches");
      assertThat(asker.has(By.id("other-matches-exist"))).isTrue();
      assertThat(asker.currentUrl()).endsWith("/lookup/answer").doesNotContain(phone);
      assertThat(asker.driver().getPageSource()).doesNotContain(phone).doesNotContain(marker);
      asker.screenshot("lookup-other-matches");
      assertThat(asker.seriousAccessibilityViolations()).isEmpty();

      // and a too short reason is refused on the form
      asker.find(By.id("justification")).sendKeys("hm");
      asker.clickThrough(By.cssSelector("#ask-form button"));
      assertThat(asker.find(By.cssSelector(".govuk-error-summary")).getText())
          .contains("at least 5 characters");
      assertThat(asker.driver().getTitle()).startsWith("Error: ");
      assertThat(asker.seriousAccessibilityViolations()).isEmpty();

      // when it asks for access with a reason
      WebElement justification = asker.find(By.id("justification"));
      justification.clear();
      justification.sendKeys("Joint visit " + marker);
      asker.clickThrough(By.cssSelector("form[action='/access-requests/ask'] button"));

      // then the request is sent, and listed as waiting
      assertThat(asker.find(By.tagName("h1")).getText()).isEqualTo("Request sent");
      asker.screenshot("lookup-request-sent");
      assertThat(asker.seriousAccessibilityViolations()).isEmpty();
      asker.go("/access-requests/sent");
      assertThat(row(asker, marker).getText()).contains("Waiting for a decision");
      asker.screenshot("access-requests-sent");
      assertThat(asker.seriousAccessibilityViolations()).isEmpty();
    }

    try (Browser originator = Browser.open(BASE)) {
      // when Redditch's officer approves it in the inbox, giving a reason
      originator.signIn("redditch.cso");
      originator.go("/access-requests");
      WebElement request = request(originator, marker);
      assertThat(request.getText())
          .contains("Request from Wyre Forest District Council")
          .contains("wyreforest.cso")
          .contains("Waiting for a decision");
      originator.screenshot("access-requests-inbox");
      assertThat(originator.seriousAccessibilityViolations()).isEmpty();
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
      originator.screenshot("access-requests-decided");
      assertThat(originator.seriousAccessibilityViolations()).isEmpty();
    }

    try (Browser asker = Browser.open(BASE)) {
      // then the asker sees the report, once the indexer has written the grant
      asker.signIn("wyreforest.cso");
      IntelSeeds.consult(asker, "/search/events/" + report);
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
      asker.screenshot("lookup-hit");
      assertThat(asker.seriousAccessibilityViolations()).isEmpty();

      // and the ask reads answered, with the report approved
      asker.go("/access-requests/sent");
      assertThat(row(asker, marker).getText()).contains("Answered").contains("Report from");
    }
  }

  @Test
  void redReportOfAnotherAgencyNeverAppearsAndANumberNobodyHasIsANoHit(DemoTokens tokens)
      throws Exception {
    // given West Mercia Police keeps a RED report naming a phone
    String marker = IntelSeeds.marker();
    String phone = IntelSeeds.phone();
    String red = IntelSeeds.police(tokens, marker, "RED", phone, null);
    IntelSeeds.awaitVisible(tokens, "police.analyst", red);

    try (Browser browser = Browser.open(BASE)) {
      // when Redditch's officer looks it up
      browser.signIn("redditch.cso");
      IntelSeeds.consult(browser, "/lookup");
      browser.screenshot("lookup-form");
      assertThat(browser.seriousAccessibilityViolations()).isEmpty();
      lookUp(browser, "PHONE", phone);

      // then nothing: no report, and no "other agencies hold something" either
      assertThat(browser.find(By.id("result")).getText())
          .isEqualTo("No report you may see matches");
      assertThat(browser.has(By.id("other-matches-exist"))).isFalse();
      assertThat(browser.has(By.id("no-other-matches"))).isTrue();
      assertThat(browser.driver().getPageSource()).doesNotContain(red).doesNotContain(marker);
      browser.screenshot("lookup-no-hit");
      assertThat(browser.seriousAccessibilityViolations()).isEmpty();

      // and a number nobody reported is a no-hit too
      lookUp(browser, "PHONE", IntelSeeds.phone());
      assertThat(browser.find(By.id("result")).getText())
          .isEqualTo("No report you may see matches");
      assertThat(browser.has(By.id("other-matches-exist"))).isFalse();

      // and a value that is no phone number is refused on the form, linked to the field
      lookUp(browser, "PHONE", "12");
      WebElement error = browser.find(By.cssSelector(".govuk-error-summary a"));
      assertThat(error.getAttribute("href")).endsWith("#value");
      assertThat(error.getText()).startsWith("Enter a phone number Crossline can read (");
      browser.screenshot("lookup-error");
      assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    }
  }

  @Test
  void youthMentorWithoutSearchThenNoLookupButTheInbox() {
    try (Browser browser = Browser.open(BASE)) {
      browser.signIn("youth.mentor");
      browser.go("/lookup");
      assertThat(browser.find(By.tagName("h1")).getText())
          .isEqualTo("You do not have access to this page");
      assertThat(browser.seriousAccessibilityViolations()).isEmpty();

      // an originator who submits decides on requests for its reports, so the inbox opens
      browser.go("/access-requests");
      assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Access requests");
      assertThat(browser.has(By.cssSelector("a[href='/access-requests/sent']"))).isFalse();
      browser.go("/access-requests/sent");
      assertThat(browser.find(By.tagName("h1")).getText())
          .isEqualTo("You do not have access to this page");
    }
  }

  private static void lookUp(Browser browser, String type, String value) {
    IntelSeeds.consult(browser, "/lookup");
    browser.find(By.cssSelector("input[name='type'][value='" + type + "']")).click();
    browser.find(By.id("value")).sendKeys(value);
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
