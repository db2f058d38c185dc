package uk.crossline.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;
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
    String marker = Intake.marker("portal");
    for (int i = 0; i < 12; i++) {
      Intake.councilCuckooingAt(
          tokens,
          "redditch.cso",
          "PORTAL/STATS/" + marker + "/" + i,
          MONTH + "-10T12:00:00Z",
          marker);
    }
    SearchApi.awaitTotal(tokens, "police.analyst", marker, 12);

    try (Browser browser = signedIn("scrutiny.panel")) {
      // when the panel reads this month's statistics
      statistics(browser, "?from=" + MONTH + "&to=" + MONTH);

      // then Redditch's count is published, rounded, and every cell is a multiple of 5 or [c]
      assertThat(browser.find(By.id("period")).getText()).startsWith("November 2026:");
      int redditch = number(cell(browser, "district", "redditch").get(0));
      assertThat(redditch).isGreaterThanOrEqualTo(10);
      assertThat(redditch % 5).isZero();
      List<String> cells =
          browser.texts(By.cssSelector("table.crossline-statistics td.govuk-table__cell--numeric"));
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
      browser.screenshotAndAssertAccessible("statistics-tables");

      // and the CSV link downloads the API's CSV as an attachment
      String href = browser.find(By.id("download")).getAttribute("href");
      HttpResponse<String> csv = browser.fetch(href);
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
      browser.screenshotAndAssertAccessible("statistics-suppressed");
    }
  }

  @Test
  void badMonthThenErrorSummaryLinkedToTheField() throws Exception {
    try (Browser browser = signedIn("scrutiny.panel")) {
      statistics(browser, "?from=November&to=" + MONTH);

      WebElement summary = browser.find(By.cssSelector(".govuk-error-summary"));
      assertThat(summary.findElement(By.tagName("a")).getAttribute("href")).endsWith("#from");
      assertThat(browser.driver().getTitle()).startsWith("Error: ");

      // and the same bad month asked for as CSV is the same page, not a file
      HttpResponse<String> download =
          browser.fetch("/statistics/download?from=November&to=" + MONTH);
      assertThat(download.headers().firstValue("Content-Disposition")).isEmpty();
      assertThat(download.body()).contains("govuk-error-summary").contains("href=\"#from\"");
      assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    }
  }

  @Test
  void schoolLeadWithoutTheStatisticsRoleThenTheForbiddenPage() throws Exception {
    try (Browser browser = signedIn("school.lead")) {
      browser.go("/statistics");

      assertThat(browser.heading()).isEqualTo(Browser.NO_ACCESS);
      assertThat(browser.findAll(By.cssSelector("table.crossline-statistics"))).isEmpty();
      assertThat(browser.fetch("/statistics").statusCode()).isEqualTo(403);
      assertThat(browser.fetch("/statistics/download").statusCode()).isEqualTo(403);
      browser.screenshotAndAssertAccessible("statistics-forbidden");
    }
  }

  private static void statistics(Browser browser, String query) {
    browser.consult("/statistics" + query, PURPOSE);
    browser.find(By.id("period-form"));
  }

  private static List<String> cell(Browser browser, String table, String row) {
    return browser.texts(
        By.cssSelector(
            "#table-" + table + " tr[data-row='" + row + "'] td.govuk-table__cell--numeric"));
  }

  private static int number(String text) {
    return Integer.parseInt(text.replace(",", ""));
  }

  /** The API's own cells for the month, as "table,row,column" to "[c]" or the count. */
  private static Map<String, String> published(DemoTokens tokens, String month) throws Exception {
    JsonNode answer =
        SearchApi.get(
            tokens, "scrutiny.panel", "/api/v1/statistics?from=" + month + "&to=" + month);
    Map<String, String> cells = new HashMap<>();
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
}
