package uk.crossline.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.crossline.testsupport.DemoTokens;

/**
 * The partnership's statistics in a real browser, through the real search service: the tables are
 * the API's, suppressed cells marked as it marks them, the CSV is its CSV as a download, and a
 * person without the role is refused.
 */
class StatisticsBrowserIntegrationTest extends PortalBrowserTest {

  private static final String PURPOSE = "Scrutiny panel November meeting";

  /** The month the seeded reports are observed in (the current month may be asked for). */
  private static final String MONTH = "2026-11";

  /** A month long gone: nothing observed then is still live, so every cell is suppressed. */
  private static final String EMPTY_MONTH = "2024-01";

  @Test
  void scrutinyPanelSeesTablesWithSuppressedCellsMarkedAndDownloadsTheCsv(DemoTokens tokens)
      throws Exception {
    // given Redditch shared twelve GREEN reports this month, enough to be published
    String marker = "portal" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    for (int i = 0; i < 12; i++) {
      councilReport(tokens, marker, i);
    }
    MapBrowserIntegrationTest.awaitSearchable(tokens, marker, 12);

    try (Browser browser = Browser.open(BASE)) {
      browser.signIn("scrutiny.panel");

      // when the panel reads this month's statistics
      statistics(browser, "?from=" + MONTH + "&to=" + MONTH);

      // then Redditch's count is published, rounded, and every cell is a multiple of 5 or [c]
      assertThat(browser.find(By.id("period")).getText()).startsWith("November 2026:");
      int redditch = number(cell(browser, "district", "redditch").get(0));
      assertThat(redditch).isGreaterThanOrEqualTo(10);
      assertThat(redditch % 5).isZero();
      List<String> cells =
          browser
              .findAll(By.cssSelector("table.crossline-statistics td.govuk-table__cell--numeric"))
              .stream()
              .map(WebElement::getText)
              .toList();
      assertThat(cells).isNotEmpty().allSatisfy(c -> assertThat(c).matches("\\[c\\]|[0-9,]+"));
      assertThat(
              cells.stream()
                  .filter(c -> !c.equals("[c]"))
                  .map(StatisticsBrowserIntegrationTest::number))
          .allSatisfy(n -> assertThat(n % 5).isZero());
      assertThat(browser.find(By.id("suppression")).getText())
          .contains("[c]")
          .contains("under 10")
          .contains("nearest 5");
      assertThat(browser.findAll(By.cssSelector("#table-priority .crossline-bar"))).isNotNull();
      browser.screenshot("statistics-scrutiny-panel");
      ((JavascriptExecutor) browser.driver())
          .executeScript("document.getElementById('table-priority').scrollIntoView()");
      browser.screenshot("statistics-tables");
      assertThat(browser.seriousAccessibilityViolations()).isEmpty();

      // and the CSV link downloads the API's CSV as an attachment
      String href = browser.find(By.id("download")).getAttribute("href");
      HttpResponse<String> csv = get(browser, URI.create(href));
      assertThat(csv.statusCode()).isEqualTo(200);
      assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
      assertThat(csv.headers().firstValue("Content-Disposition").orElse(""))
          .isEqualTo(
              "attachment; filename=\"crossline-statistics-" + MONTH + "-to-" + MONTH + ".csv\"");
      assertThat(csv.body()).startsWith("# ").contains("\r\ntable,row,column,value\r\n");
      String line =
          csv.body()
              .lines()
              .filter(l -> l.startsWith("district,redditch,count,"))
              .findFirst()
              .orElseThrow();
      assertThat(number(line.substring(line.lastIndexOf(',') + 1))).isGreaterThanOrEqualTo(10);
      assertThat(csv.body().lines().filter(l -> !l.startsWith("#")))
          .allSatisfy(
              l ->
                  assertThat(Arrays.stream(l.split(",")))
                      .noneMatch(f -> !f.isEmpty() && "=+-@".indexOf(f.charAt(0)) >= 0));

      // when the panel reads a month with nothing in it
      statistics(browser, "?from=" + EMPTY_MONTH + "&to=" + EMPTY_MONTH);

      // then each cell reads as the API publishes it: every one suppressed, shown as [c]
      Map<String, String> published = published(tokens, EMPTY_MONTH);
      assertThat(published).isNotEmpty();
      for (var table : List.of("priority", "category", "district", "agencyType", "month")) {
        for (WebElement row :
            browser.findAll(By.cssSelector("#table-" + table + " tbody tr[data-row]"))) {
          String key = table + "," + row.getAttribute("data-row") + ",count";
          assertThat(row.findElement(By.cssSelector("td")).getText())
              .as(key)
              .isEqualTo(published.get(key));
        }
      }
      assertThat(cell(browser, "month", EMPTY_MONTH)).containsExactly("[c]");
      assertThat(browser.findAll(By.cssSelector("#table-priorityByDistrict td")))
          .allSatisfy(td -> assertThat(td.getText()).isEqualTo("[c]"));
      browser.screenshot("statistics-suppressed");
      assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    }
  }

  @Test
  void badMonthThenErrorSummaryLinkedToTheField() throws Exception {
    try (Browser browser = Browser.open(BASE)) {
      browser.signIn("scrutiny.panel");

      statistics(browser, "?from=November&to=" + MONTH);

      WebElement summary = browser.find(By.cssSelector(".govuk-error-summary"));
      assertThat(summary.findElement(By.tagName("a")).getAttribute("href")).endsWith("#from");
      assertThat(browser.driver().getTitle()).startsWith("Error: ");

      // and the same bad month asked for as CSV is the same page, not a file
      HttpResponse<String> download =
          get(browser, URI.create(BASE + "/statistics/download?from=November&to=" + MONTH));
      assertThat(download.headers().firstValue("Content-Disposition")).isEmpty();
      assertThat(download.body()).contains("govuk-error-summary").contains("href=\"#from\"");
      assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    }
  }

  @Test
  void schoolLeadWithoutTheStatisticsRoleThenTheForbiddenPage() throws Exception {
    try (Browser browser = Browser.open(BASE)) {
      browser.signIn("school.lead");

      browser.go("/statistics");

      assertThat(browser.find(By.tagName("h1")).getText())
          .isEqualTo("You do not have access to this page");
      assertThat(browser.findAll(By.cssSelector("table.crossline-statistics"))).isEmpty();
      assertThat(get(browser, URI.create(BASE + "/statistics")).statusCode()).isEqualTo(403);
      assertThat(get(browser, URI.create(BASE + "/statistics/download")).statusCode())
          .isEqualTo(403);
      browser.screenshot("statistics-forbidden");
      assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    }
  }

  private static void statistics(Browser browser, String query) {
    browser.go("/statistics" + query);
    if (browser.has(By.cssSelector("form[action='/purpose']"))) {
      browser.find(By.id("purpose")).sendKeys(PURPOSE);
      browser.clickThrough(By.cssSelector("form[action='/purpose'] button"));
    }
    browser.find(By.id("period-form"));
  }

  private static List<String> cell(Browser browser, String table, String row) {
    return browser
        .findAll(
            By.cssSelector(
                "#table-" + table + " tr[data-row='" + row + "'] td.govuk-table__cell--numeric"))
        .stream()
        .map(WebElement::getText)
        .toList();
  }

  private static int number(String text) {
    return Integer.parseInt(text.replace(",", ""));
  }

  /** The API's own cells for the month, as "table,row,column" to "[c]" or the count. */
  private static Map<String, String> published(DemoTokens tokens, String month) throws Exception {
    HttpResponse<String> response;
    try (HttpClient http = HttpClient.newHttpClient()) {
      response =
          http.send(
              HttpRequest.newBuilder(
                      RunningHub.get()
                          .search
                          .url()
                          .resolve(
                              "/api/v1/statistics?purpose=Portal+test+check&from="
                                  + month
                                  + "&to="
                                  + month))
                  .header("Authorization", "Bearer " + tokens.accessToken("scrutiny.panel"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    }
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    Map<String, String> cells = new HashMap<>();
    JsonNode answer = JsonMapper.builder().build().readTree(response.body());
    for (JsonNode table : answer.path("tables")) {
      for (JsonNode cell : table.path("cells")) {
        cells.put(
            table.path("name").asString()
                + ","
                + cell.path("row").asString()
                + ","
                + cell.path("column").asString(),
            cell.path("suppressed").asBoolean()
                ? "[c]"
                : String.format("%,d", cell.path("count").asLong()));
      }
    }
    return cells;
  }

  /** A page or download fetched as the browser's signed-in session, status and headers kept. */
  private static HttpResponse<String> get(Browser browser, URI uri) throws Exception {
    Cookie session = browser.driver().manage().getCookieNamed("JSESSIONID");
    try (HttpClient http =
        HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()) {
      return http.send(
          HttpRequest.newBuilder(uri).header("Cookie", "JSESSIONID=" + session.getValue()).build(),
          HttpResponse.BodyHandlers.ofString());
    }
  }

  /** A GREEN council report of cuckooing in Redditch observed in {@link #MONTH}. */
  private static void councilReport(DemoTokens tokens, String marker, int n) throws Exception {
    Intake.submit(
        tokens,
        "redditch.cso",
        "/api/v1/council/reports",
        """
        {"reference": "PORTAL/STATS/%s/%d",
         "observedAt": {"at": "%s-10T12:00:00Z", "precision": "EXACT"},
         "where": {"postcode": "B98 7AA"},
         "concern": "CUCKOOING",
         "indicators": ["VISITORS_AT_ALL_HOURS"],
         "summary": "Visitors at all hours at a flat %s",
         "marking": {"tlp": "GREEN"}}"""
            .formatted(marker, n, MONTH, marker));
  }
}
