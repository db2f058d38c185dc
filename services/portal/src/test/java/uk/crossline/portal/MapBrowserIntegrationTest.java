package uk.crossline.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
    String marker = greenAndRedDealLinesInRedditch(tokens);

    try (Browser browser = signedIn("police.analyst")) {
      // when the analyst maps this run's reports
      map(browser, marker);

      // then Redditch counts both, in the map, in its table and as one grid point
      assertRedditchCounted(browser, "2 reports", 2);
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
      browser.screenshotAndAssertAccessible("map-police-analyst-svg");

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
      assertThat(browser.heading()).isEqualTo("Subscribe to alerts");
      assertThat(browser.find(By.cssSelector("input[name=district][value=redditch]")).isSelected())
          .isTrue();
      assertThat(browser.findAll(By.cssSelector("input[name=district]:checked"))).hasSize(1);
      browser.screenshotAndAssertAccessible("subscription-from-map");
    }
  }

  @Test
  void councilOfficersMapNeverCountsARedReportItMayNotSee(DemoTokens tokens) throws Exception {
    // given the same two reports, GREEN and RED, from West Mercia Police in Redditch
    String marker = greenAndRedDealLinesInRedditch(tokens);

    try (Browser browser = signedIn("redditch.cso")) {
      // when Redditch's community safety officer maps them
      map(browser, marker);

      // then only the GREEN one counts: in the district, the grid and the total
      assertRedditchCounted(browser, "1 report", 1);
      assertThat(
              browser.findAll(By.cssSelector("svg a[data-count]")).stream()
                  .mapToLong(a -> Long.parseLong(a.getAttribute("data-count")))
                  .sum())
          .isEqualTo(1);
      browser.screenshotAndAssertAccessible("map-council-officer");
    }
  }

  @Test
  void schoolLeadWhoMayNotSearchThenRefusedTheMap() {
    try (Browser browser = signedIn("school.lead")) {
      browser.go("/map");

      assertThat(browser.heading()).isEqualTo(Browser.NO_ACCESS);
      assertThat(browser.findAll(By.id("district-map"))).isEmpty();
      assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    }
  }

  /**
   * West Mercia Police's GREEN and RED deal-line reports in Redditch, searchable by the analyst;
   * returns their marker.
   */
  private static String greenAndRedDealLinesInRedditch(DemoTokens tokens) throws Exception {
    String marker = Intake.marker("portal");
    Intake.policeDealLine(tokens, marker, "GREEN");
    Intake.policeDealLine(tokens, marker, "RED");
    SearchApi.awaitTotal(tokens, "police.analyst", marker, 2);
    return marker;
  }

  private static void map(Browser browser, String words) {
    browser.consult("/map?q=" + URLEncoder.encode(words, StandardCharsets.UTF_8), PURPOSE);
    browser.find(By.id("district-map"));
  }

  /**
   * The map counts this many of the run's reports: in its total, in Redditch's row of the table and
   * shape on the map, and on the grid.
   */
  private static void assertRedditchCounted(Browser browser, String total, int count) {
    assertThat(browser.find(By.id("total")).getText()).startsWith(total);
    assertThat(districtCount(browser, "redditch")).isEqualTo(String.valueOf(count));
    assertThat(mapCount(browser, "redditch")).isEqualTo(String.valueOf(count));
    assertThat(gridPointsTotal(browser)).isEqualTo(count);
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
}
