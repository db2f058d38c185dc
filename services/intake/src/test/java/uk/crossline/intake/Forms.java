package uk.crossline.intake;

import java.util.UUID;

/**
 * Report forms as JSON, as each agency's people or systems send them; fictional people, numbers and
 * places only. Every call gets a fresh reference unless one is given.
 */
final class Forms {

  private Forms() {}

  static String reference() {
    return "T-" + UUID.randomUUID();
  }

  static String police(String reference) {
    return """
        {
          "reference": "%s",
          "observedAt": {"at": "2026-11-20T21:30:00Z", "precision": "EXACT"},
          "where": {"postcode": "B97 4AB"},
          "category": "DEAL_LINE",
          "indicators": ["OLDER_ASSOCIATES", "TRAVEL_OUT_OF_AREA"],
          "summary": "Deal line advertised by text to users in Redditch town centre.",
          "grading": {"source": "2", "intelligence": "B", "handling": "P"},
          "subjects": [{"role": "SUSPECT", "ageBand": "AGE_18_TO_24"}],
          "identifiers": [{"type": "PHONE", "value": "07700 900123", "dealLine": true}],
          "marking": {"tlp": "AMBER", "shareWithAgencyTypes": ["LOCAL_AUTHORITY"]}
        }
        """
        .formatted(reference);
  }

  static String tradingStandards(String reference) {
    return """
        {
          "reference": "%s",
          "observedAt": {"at": "2026-11-18T16:05:00Z", "precision": "EXACT"},
          "where": {"postcode": "DY10 1AA"},
          "visit": "TEST_PURCHASE",
          "finding": "UNDER_AGE_SALE",
          "premises": {
            "name": "Kidder Vape Hub",
            "address": "12 Worcester Street, Kidderminster",
            "postcode": "DY10 1AA",
            "uprn": "100120000001"
          },
          "indicators": ["FREE_OR_CHEAP_VAPES"],
          "summary": "Test purchase volunteer aged 15 sold a 600-puff vape without ID check at Kidder Vape Hub, 12 Worcester Street, Kidderminster DY10 1AA.",
          "marking": {"tlp": "GREEN"}
        }
        """
        .formatted(reference);
  }

  static String safeguarding(String reference) {
    return """
        {
          "reference": "%s",
          "observedAt": {"at": "2026-11-17T00:00:00Z", "precision": "DAY"},
          "where": {"district": "bromsgrove"},
          "concern": "GROOMING_TACTIC",
          "youngPerson": {"yearGroup": 10},
          "indicators": ["FREE_OR_CHEAP_VAPES", "NEW_PHONE"],
          "summary": "Pupil given free vapes and a new phone by older teenagers after school.",
          "marking": {"tlp": "AMBER", "shareWithAgencies": ["west-mercia-police"]}
        }
        """
        .formatted(reference);
  }

  static String council(String reference) {
    return """
        {
          "reference": "%s",
          "observedAt": {"at": "2026-11-01T00:00:00Z", "precision": "WEEK"},
          "where": {"postcode": "B98 7AA"},
          "concern": "CUCKOOING",
          "subjects": [{"role": "VULNERABLE_ADULT", "ageBand": "AGE_40_AND_OVER"}],
          "indicators": ["VISITORS_AT_ALL_HOURS"],
          "summary": "Tenant reports visitors at all hours; flat believed taken over.",
          "marking": {"tlp": "GREEN"}
        }
        """
        .formatted(reference);
  }
}
