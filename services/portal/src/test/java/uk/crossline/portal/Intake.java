package uk.crossline.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.json.JsonMapper;
import uk.crossline.testsupport.DemoTokens;

/**
 * Submits test reports through the real intake of the {@link RunningHub}, as an agency's system.
 */
final class Intake {

  private Intake() {}

  /** Posts the report to the form path as the demo user; returns the event id. */
  static String submit(DemoTokens tokens, String user, String path, String body) throws Exception {
    HttpResponse<String> response;
    try (HttpClient http = HttpClient.newHttpClient()) {
      response =
          http.send(
              HttpRequest.newBuilder(RunningHub.get().intake.url().resolve(path))
                  .header("Authorization", "Bearer " + tokens.accessToken(user))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    }
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return JsonMapper.builder().build().readTree(response.body()).get("eventId").asString();
  }

  /** A GREEN council report of cuckooing in Redditch, its summary carrying the marker. */
  static String councilCuckooing(DemoTokens tokens, String user, String marker) throws Exception {
    return submit(
        tokens,
        user,
        "/api/v1/council/reports",
        """
        {"reference": "PORTAL/%s",
         "observedAt": {"at": "2026-11-01T00:00:00Z", "precision": "WEEK"},
         "where": {"postcode": "B98 7AA"},
         "concern": "CUCKOOING",
         "indicators": ["VISITORS_AT_ALL_HOURS"],
         "summary": "Tenant reports visitors at all hours %s",
         "marking": {"tlp": "GREEN"}}"""
            .formatted(marker, marker));
  }

  /**
   * A police deal-line report in Redditch (B97) with this marking, its summary and reference
   * carrying the marker; returns the event id.
   */
  static String policeDealLine(DemoTokens tokens, String marker, String tlp) throws Exception {
    return submit(
        tokens,
        "police.analyst",
        "/api/v1/police/reports",
        """
        {"reference": "PORTAL/%s/%s",
         "observedAt": {"at": "2026-11-20T21:30:00Z", "precision": "EXACT"},
         "where": {"postcode": "B97 4AB"},
         "category": "DEAL_LINE",
         "indicators": ["OLDER_ASSOCIATES"],
         "summary": "Deal line advertised to users in Redditch town centre %s",
         "grading": {"source": "2", "intelligence": "B", "handling": "P"},
         "marking": {"tlp": "%s"}}"""
            .formatted(marker, tlp, marker, tlp));
  }
}
