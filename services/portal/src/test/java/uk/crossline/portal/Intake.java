package uk.crossline.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;
import uk.crossline.testsupport.DemoTokens;

/**
 * Submits test reports through the real intake of the {@link RunningHub}, as an agency's system,
 * each carrying a per-run marker (and, where a test needs them, identifiers no other run uses) so a
 * test only ever asserts on what it seeded.
 */
final class Intake {

  private static final SecureRandom RANDOM = new SecureRandom();

  private Intake() {}

  /** A word no other test run uses, starting with the prefix (which says whose it is). */
  static String marker(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  /** A UK mobile number no other test run uses (11 digits, 077...). */
  static String phone() {
    return "077" + String.format("%08d", RANDOM.nextInt(100_000_000));
  }

  /** A UPRN no other test run uses (12 digits). */
  static String uprn() {
    return "9" + String.format("%011d", Math.abs(RANDOM.nextLong()) % 100_000_000_000L);
  }

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
    return councilCuckooing(
        tokens,
        user,
        "PORTAL/" + marker,
        "\"2026-11-01T00:00:00Z\", \"precision\": \"WEEK\"",
        marker);
  }

  /**
   * A GREEN council report of cuckooing in Redditch (B98) under this reference, observed exactly at
   * this instant (the statistics count it in that month), its summary carrying the marker.
   */
  static String councilCuckooingAt(
      DemoTokens tokens, String user, String reference, String observedAt, String marker)
      throws Exception {
    return councilCuckooing(
        tokens, user, reference, "\"" + observedAt + "\", \"precision\": \"EXACT\"", marker);
  }

  private static String councilCuckooing(
      DemoTokens tokens, String user, String reference, String observed, String marker)
      throws Exception {
    return submit(
        tokens,
        user,
        "/api/v1/council/reports",
        """
        {"reference": "%s",
         "observedAt": {"at": %s},
         "where": {"postcode": "B98 7AA"},
         "concern": "CUCKOOING",
         "indicators": ["VISITORS_AT_ALL_HOURS"],
         "summary": "Tenant reports visitors at all hours %s",
         "marking": {"tlp": "GREEN"}}"""
            .formatted(reference, observed, marker));
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

  /**
   * A police report of drug dealing from a shop doorway, graded 2 B P, naming a phone and
   * optionally premises (as {@link #shop}).
   */
  static String policeDrugDealing(
      DemoTokens tokens, String marker, String tlp, String phone, String premises)
      throws Exception {
    return submit(
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
                marker, tlp, UUID.randomUUID(), marker, phone, premisesField(premises), tlp));
  }

  /**
   * A council report of anti-social behaviour with this marking (JSON), naming a phone and
   * optionally premises (as {@link #shop}).
   */
  static String councilAntiSocialBehaviour(
      DemoTokens tokens, String user, String marker, String marking, String phone, String premises)
      throws Exception {
    return submit(
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
            .formatted(marker, UUID.randomUUID(), marker, phone, premisesField(premises), marking));
  }

  /** A trading standards test purchase: an under-age sale at the premises (as {@link #shop}). */
  static String tradingStandardsUnderAgeSale(DemoTokens tokens, String marker, String premises)
      throws Exception {
    return submit(
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

  /** The event ids of the flags {@link #policeAndCouncilFlagTheShop} put on a shop. */
  record ShopFlags(String police, String council, String amber) {}

  /**
   * West Mercia Police and Redditch each flag the shop GREEN, and the police keep an AMBER flag on
   * it to themselves; returns once each flag is visible to its own agency (the indexer's lag).
   */
  static ShopFlags policeAndCouncilFlagTheShop(DemoTokens tokens, String marker, String shop)
      throws Exception {
    String police = policeDrugDealing(tokens, marker, "GREEN", phone(), shop);
    String council =
        councilAntiSocialBehaviour(
            tokens, "redditch.cso", marker, "{\"tlp\": \"GREEN\"}", phone(), shop);
    String amber = policeDrugDealing(tokens, marker, "AMBER", phone(), shop);
    SearchApi.awaitVisible(tokens, "police.analyst", police);
    SearchApi.awaitVisible(tokens, "redditch.cso", council);
    SearchApi.awaitVisible(tokens, "police.analyst", amber);
    return new ShopFlags(police, council, amber);
  }

  /** A shop, as a report's premises (JSON). */
  static String shop(String marker, String uprn) {
    return """
        {"name": "Cloud Nine Vapes %s", "address": "1 Alcester Street, Redditch",
         "postcode": "B97 4AB", "uprn": "%s"}"""
        .formatted(marker, uprn);
  }

  private static String premisesField(String premises) {
    return premises == null ? "" : ",\n \"premises\": " + premises;
  }
}
