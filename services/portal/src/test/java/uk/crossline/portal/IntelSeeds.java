package uk.crossline.portal;

import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.UUID;
import org.openqa.selenium.By;
import uk.crossline.testsupport.DemoTokens;

/**
 * Reports for the links, look-up and premises tests, submitted through the real intake with a
 * per-run marker, and the few steps those tests share (a purpose, a report visible to someone).
 */
final class IntelSeeds {

  static final String PURPOSE = "Operation Heron, cuckooing at a Batchley address";
  private static final SecureRandom RANDOM = new SecureRandom();

  private IntelSeeds() {}

  /** A word no other test run uses. */
  static String marker() {
    return "intel" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  /** A UK mobile number no other test run uses (11 digits, 077...). */
  static String phone() {
    return "077" + String.format("%08d", RANDOM.nextInt(100_000_000));
  }

  /** A UPRN no other test run uses (12 digits). */
  static String uprn() {
    return "9" + String.format("%011d", Math.abs(RANDOM.nextLong()) % 100_000_000_000L);
  }

  /** A police report of drug dealing, graded 2 B P, naming a phone and optionally premises. */
  static String police(DemoTokens tokens, String marker, String tlp, String phone, String premises)
      throws Exception {
    return Intake.submit(
        tokens,
        "police.analyst",
        "/api/v1/police/reports",
        """
        {"reference": "INTEL/%s/%s/%s",
         "observedAt": {"at": "2026-11-03T21:30:00Z", "precision": "DAY"},
         "where": {"postcode": "B97 4AB"},
         "category": "DRUG_DEALING",
         "indicators": ["OLDER_ASSOCIATES"],
         "summary": "Dealing seen from the shop doorway %s",
         "grading": {"source": "2", "intelligence": "B", "handling": "P"},
         "identifiers": [{"type": "PHONE", "value": "%s"}]%s,
         "marking": {"tlp": "%s"}}"""
            .formatted(
                marker,
                tlp,
                UUID.randomUUID(),
                marker,
                phone,
                premises == null ? "" : ",\n \"premises\": " + premises,
                tlp));
  }

  /** A council report of anti-social behaviour, naming a phone and optionally premises. */
  static String council(
      DemoTokens tokens, String user, String marker, String marking, String phone, String premises)
      throws Exception {
    return Intake.submit(
        tokens,
        user,
        "/api/v1/council/reports",
        """
        {"reference": "INTEL/%s/%s",
         "observedAt": {"at": "2026-10-20T00:00:00Z", "precision": "DAY"},
         "where": {"postcode": "B98 7AA"},
         "concern": "ANTI_SOCIAL_BEHAVIOUR",
         "indicators": [],
         "summary": "Groups gathering and calling a number late at night %s",
         "identifiers": [{"type": "PHONE", "value": "%s"}]%s,
         "marking": %s}"""
            .formatted(
                marker,
                UUID.randomUUID(),
                marker,
                phone,
                premises == null ? "" : ",\n \"premises\": " + premises,
                marking));
  }

  /** A trading standards test purchase: an under-age sale at the premises. */
  static String tradingStandards(DemoTokens tokens, String marker, String premises)
      throws Exception {
    return Intake.submit(
        tokens,
        "ts.officer",
        "/api/v1/trading-standards/reports",
        """
        {"reference": "INTEL/%s/%s",
         "observedAt": {"at": "2026-09-12T15:00:00Z", "precision": "DAY"},
         "where": {"postcode": "B97 4AB"},
         "visit": "TEST_PURCHASE",
         "finding": "UNDER_AGE_SALE",
         "premises": %s,
         "summary": "Test purchase: vape sold to a 15 year old volunteer %s",
         "marking": {"tlp": "GREEN"}}"""
            .formatted(marker, UUID.randomUUID(), premises, marker));
  }

  /** A shop, as a report's premises. */
  static String shop(String marker, String uprn) {
    return """
        {"name": "Cloud Nine Vapes %s", "address": "1 Alcester Street, Redditch",
         "postcode": "B97 4AB", "uprn": "%s"}"""
        .formatted(marker, uprn);
  }

  /** Waits until the user may open the report through the search API (the indexer's lag). */
  static void awaitVisible(DemoTokens tokens, String user, String eventId) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              try (HttpClient http = HttpClient.newHttpClient()) {
                return http.send(
                            HttpRequest.newBuilder(
                                    RunningHub.get()
                                        .search
                                        .url()
                                        .resolve(
                                            "/api/v1/events/"
                                                + eventId
                                                + "?purpose=Portal+test+setup"))
                                .header("Authorization", "Bearer " + tokens.accessToken(user))
                                .build(),
                            HttpResponse.BodyHandlers.discarding())
                        .statusCode()
                    == 200;
              }
            });
  }

  /** Opens a page that consults the hub, giving the purpose first when asked for one. */
  static Browser consult(Browser browser, String path) {
    browser.go(path);
    if (browser.has(By.cssSelector("form[action='/purpose']"))) {
      browser.find(By.id("purpose")).sendKeys(PURPOSE);
      browser.clickThrough(By.cssSelector("form[action='/purpose'] button"));
    }
    return browser;
  }
}
