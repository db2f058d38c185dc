package uk.crossline.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Every demo user signs in and visits every page the service navigation and the start page offer
 * them (so pages added later are covered without changing this test): each is accessible (no
 * serious or critical axe violation), carries the security headers, and breaks no rule of the
 * content security policy in Chromium's console; the role-gated pages they are not offered give the
 * "no access" page, never the page; and signing out (a POST redirected to the identity provider) is
 * allowed by the policy too.
 */
class EveryPageBrowserIntegrationTest extends PortalBrowserTest {

  /** The first page of each role-gated group, as the navigation links to them. */
  /** The pages (without their query) already checked for accessibility, by any user. */
  private static final Set<String> AUDITED = ConcurrentHashMap.newKeySet();

  private static final List<String> GATED =
      List.of(
          "/submit",
          "/search",
          "/map",
          "/lookup",
          "/premises",
          "/access-requests",
          "/alerts",
          "/statistics",
          "/audit");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "police.analyst",
        "wmp.analyst",
        "ts.officer",
        "redditch.cso",
        "bromsgrove.cso",
        "wyreforest.cso",
        "school.lead",
        "youth.mentor",
        "wychavon.officer",
        "ig.auditor",
        "scrutiny.panel",
        "ops.admin"
      })
  void userVisitsEveryOfferedPageThenAccessibleHeadersNoPolicyViolationAndNoOtherPage(String user)
      throws Exception {
    try (Browser browser = Browser.open(BASE)) {
      browser.signIn(user);
      check(browser, user, "/");

      Set<String> offered = new LinkedHashSet<>();
      for (WebElement link :
          browser.findAll(By.cssSelector("#navigation a[href], #tasks a[href]"))) {
        offered.add(link.getAttribute("href").substring(BASE.length()));
      }

      Set<String> visited = new LinkedHashSet<>();
      for (String path : offered) {
        visit(browser, user, path);
        visited.add(path);
        // and, one level down, the first few pages this one links to (subscriptions from the
        // inbox, a report from the search, the check from the access log)
        List<String> linked =
            browser.findAll(By.cssSelector("main a[href]")).stream()
                .map(a -> a.getAttribute("href"))
                .filter(href -> href.startsWith(BASE + "/") && !href.contains("#"))
                .map(href -> href.substring(BASE.length()))
                .filter(href -> !href.startsWith("/purpose") && !href.contains("clear"))
                .filter(href -> !visited.contains(href.split("\\?")[0]) && !offered.contains(href))
                .distinct()
                .limit(3)
                .toList();
        for (String href : linked) {
          visit(browser, user, href);
          visited.add(href.split("\\?")[0]);
        }
      }

      for (String path : GATED) {
        if (!offered.contains(path)) {
          browser.go(path);
          assertThat(browser.heading())
              .as(user + " at " + path + ", not offered")
              .isEqualTo(Browser.NO_ACCESS);
          assertThat(browser.fetch(path).statusCode()).isEqualTo(403);
          check(browser, user, path + "-refused");
        }
      }

      browser.go("/no-such-page-" + UUID.randomUUID());
      assertThat(browser.heading()).isEqualTo("Page not found");
      check(browser, user, "/not-found");

      browser.go("/");
      browser.clickThrough(By.cssSelector("form[action='/sign-out'] button"));
      assertThat(browser.heading()).isEqualTo("You have signed out");
      assertThat(browser.contentSecurityPolicyViolations()).as(user + " signing out").isEmpty();
    }
  }

  /** Opens a page the user is offered (giving a purpose first if asked) and checks it. */
  private static void visit(Browser browser, String user, String path) throws Exception {
    browser.go(path);
    if (browser.asksForAPurpose()) {
      check(browser, user, "/purpose");
      browser.givePurpose("Checking every page of the portal, " + user);
    }
    String heading = browser.heading();
    assertThat(heading)
        .as(user + " at " + path)
        .isNotEqualTo(Browser.NO_ACCESS)
        .isNotEqualTo("Sorry, there is a problem with the service")
        .isNotEqualTo("Sorry, the service is unavailable")
        .isNotEqualTo("Page not found");
    check(browser, user, path);
  }

  /**
   * The page shown now: no policy violation and the headers for every user; accessible, and a
   * screenshot, the first time the page is met (the same page for another user differs only in
   * content the same templates draw, and axe is the slowest check of the build's slowest test).
   */
  private static void check(Browser browser, String user, String name) throws Exception {
    String path = browser.currentUrl().substring(BASE.length());
    assertThat(browser.contentSecurityPolicyViolations()).as(user + " at " + path).isEmpty();
    if (!AUDITED.add(name.split("\\?")[0])) {
      checkHeaders(browser, user, path);
      return;
    }
    assertThat(browser.seriousAccessibilityViolations()).as(user + " at " + path).isEmpty();
    checkHeaders(browser, user, path);
    browser.screenshot(
        "every-page-" + user + (name.equals("/") ? "-home" : name.replaceAll("[^a-z0-9]+", "-")));
  }

  private static void checkHeaders(Browser browser, String user, String path) throws Exception {
    HttpResponse<String> page = browser.fetch(path);
    var headers = page.headers();
    assertThat(headers.firstValue("Content-Security-Policy"))
        .as(user + " at " + path)
        .hasValueSatisfying(
            policy ->
                assertThat(policy)
                    .contains("script-src 'self' 'sha256-")
                    .contains("object-src 'none'")
                    .contains("frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline")
                    .doesNotContain("unsafe-eval"));
    assertThat(headers.firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(headers.firstValue("Referrer-Policy")).contains("same-origin");
    assertThat(headers.firstValue("Permissions-Policy")).isPresent();
    assertThat(headers.firstValue("Cross-Origin-Opener-Policy")).contains("same-origin");
    assertThat(headers.firstValue("Cache-Control"))
        .hasValueSatisfying(c -> assertThat(c).contains("no-store"));
  }
}
