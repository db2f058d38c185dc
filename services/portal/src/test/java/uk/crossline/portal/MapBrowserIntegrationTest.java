package uk.crossline.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import uk.crossline.testsupport.DemoTokens;

/**
 * The map in a real browser, through the real search service, on reports submitted through the real
 * intake: the district counts and grid points are what the person may see, a district leads to its
 * search and to alerts for it.
 */
class MapBrowserIntegrationTest extends PortalBrowserTest {

  private static final String PURPOSE = "Hotspots for the Redditch tasking meeting";

  @Test
  void analystSeesTheSeededDistrictCountAndGridPointThenFollowsTheDistrictToSearchAndAlerts(
      DemoTokens tokens) throws Exception {
    // given West Mercia Police shared a GREEN deal-line report in Redditch and kept a RED one
    String marker = marker();
    Intake.policeDealLine(tokens, marker, "GREEN");
    Intake.policeDealLine(tokens, marker, "RED");
    awaitSearchable(tokens, marker, 2);

    try (Browser browser = Browser.open(BASE)) {
      browser.signIn("police.analyst");

      // when the analyst maps this run's reports
      map(browser, marker);

      // then Redditch counts both, in the map, in its table and as one grid point
      assertThat(browser.find(By.id("total")).getText()).startsWith("2 reports");
      assertThat(districtCount(browser, "redditch")).isEqualTo("2");
      assertThat(mapCount(browser, "redditch")).isEqualTo("2");
      assertThat(gridPointsTotal(browser)).isEqualTo(2);
      assertThat(
              browser
                  .find(By.cssSelector("a[data-district='redditch'] title"))
                  .getAttribute("textContent"))
          .isEqualTo("Redditch: 2 reports");
      assertThat(browser.find(By.id("map-attribution")).getText())
          .contains("Contains National Statistics data © Crown copyright and database right")
          .contains("Contains OS data © Crown copyright and database right");
      browser.screenshot("map-police-analyst");
      ((JavascriptExecutor) browser.driver())
          .executeScript("document.getElementById('district-map').scrollIntoView()");
      browser.screenshot("map-police-analyst-svg");
      assertThat(browser.seriousAccessibilityViolations()).isEmpty();

      // when the analyst selects Redditch on the map
      browser.clickThrough(By.cssSelector("svg a[data-district='redditch']"));

      // then the search shows Redditch's reports with the map's words
      assertThat(browser.currentUrl()).contains("district=redditch").contains("q=" + marker);
      assertThat(browser.find(By.id("total")).getText()).isEqualTo("2 reports");
      assertThat(browser.find(By.cssSelector("input[name=district][value=redditch]")).isSelected())
          .isTrue();

      // and the search leads back to the map with its words
      browser.clickThrough(By.cssSelector("#map-link a"));
      assertThat(browser.find(By.id("q")).getAttribute("value")).isEqualTo(marker);
      assertThat(mapCount(browser, "redditch")).isEqualTo("2");

      // and from the map's table, alerts for Redditch start with Redditch chosen
      browser.clickThrough(
          By.xpath(
              "//tr[@data-district='redditch']//a[starts-with(normalize-space(.), 'Get alerts')]"));
      assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Subscribe to alerts");
      assertThat(browser.find(By.cssSelector("input[name=district][value=redditch]")).isSelected())
          .isTrue();
      assertThat(browser.findAll(By.cssSelector("input[name=district]:checked"))).hasSize(1);
      browser.screenshot("subscription-from-map");
      assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    }
  }

  @Test
  void councilOfficersMapNeverCountsARedReportItMayNotSee(DemoTokens tokens) throws Exception {
    // given the same two reports, GREEN and RED, from West Mercia Police in Redditch
    String marker = marker();
    Intake.policeDealLine(tokens, marker, "GREEN");
    Intake.policeDealLine(tokens, marker, "RED");
    awaitSearchable(tokens, marker, 2);

    try (Browser browser = Browser.open(BASE)) {
      browser.signIn("redditch.cso");

      // when Redditch's community safety officer maps them
      map(browser, marker);

      // then only the GREEN one counts: in the district, the grid and the total
      assertThat(browser.find(By.id("total")).getText()).startsWith("1 report");
      assertThat(districtCount(browser, "redditch")).isEqualTo("1");
      assertThat(mapCount(browser, "redditch")).isEqualTo("1");
      assertThat(gridPointsTotal(browser)).isEqualTo(1);
      assertThat(
              browser.findAll(By.cssSelector("svg a[data-count]")).stream()
                  .mapToLong(a -> Long.parseLong(a.getAttribute("data-count")))
                  .sum())
          .isEqualTo(1);
      browser.screenshot("map-council-officer");
      assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    }
  }

  @Test
  void schoolLeadWhoMayNotSearchThenRefusedTheMap() {
    try (Browser browser = Browser.open(BASE)) {
      browser.signIn("school.lead");
      browser.go("/map");

      assertThat(browser.find(By.tagName("h1")).getText())
          .isEqualTo("You do not have access to this page");
      assertThat(browser.findAll(By.id("district-map"))).isEmpty();
      assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    }
  }

  private static void map(Browser browser, String words) {
    browser.go("/map?q=" + URLEncoder.encode(words, StandardCharsets.UTF_8));
    if (browser.has(By.cssSelector("form[action='/purpose']"))) {
      browser.find(By.id("purpose")).sendKeys(PURPOSE);
      browser.clickThrough(By.cssSelector("form[action='/purpose'] button"));
    }
    browser.find(By.id("district-map"));
  }

  private static String districtCount(Browser browser, String district) {
    WebElement row =
        browser.find(By.cssSelector("#district-counts tr[data-district='" + district + "']"));
    return row.findElement(By.cssSelector("td")).getText();
  }

  private static String mapCount(Browser browser, String district) {
    return browser
        .find(By.cssSelector("svg a[data-district='" + district + "']"))
        .getAttribute("data-count");
  }

  private static long gridPointsTotal(Browser browser) {
    return browser.findAll(By.cssSelector("svg circle")).stream()
        .mapToLong(c -> Long.parseLong(c.getAttribute("data-count")))
        .sum();
  }

  private static String marker() {
    return "portal" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  /** Waits until the search API finds this many reports with the word (the indexer's lag). */
  static void awaitSearchable(DemoTokens tokens, String marker, int count) {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              HttpResponse<String> response;
              try (HttpClient http = HttpClient.newHttpClient()) {
                response =
                    http.send(
                        HttpRequest.newBuilder(
                                RunningHub.get()
                                    .search
                                    .url()
                                    .resolve(
                                        "/api/v1/search?purpose=Portal+test+setup&q=" + marker))
                            .header(
                                "Authorization", "Bearer " + tokens.accessToken("police.analyst"))
                            .build(),
                        HttpResponse.BodyHandlers.ofString());
              }
              return response.statusCode() == 200 && response.body().contains("\"total\":" + count);
            });
  }
}
