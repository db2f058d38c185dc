package uk.crossline.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.json.JsonMapper;
import uk.crossline.model.Topics;
import uk.crossline.testsupport.CrosslineStack;
import uk.crossline.testsupport.DemoTokens;
import uk.crossline.testsupport.ServiceProcess;
import uk.crossline.testsupport.TopicReader;

/**
 * The personal-data canary over the whole hub as it runs: a report naming a young person, with
 * their phone, email, date of birth, home postcode and car, goes in through the intake; an analyst
 * then looks the phone up, searches and reads the report in the portal. Afterwards none of those
 * values, in any usual spelling, is in any record of any of the hub's Kafka topics, in any document
 * of its Elasticsearch indices, or in the log of any service (intake, indexer, search, alerts and
 * the portal itself), while the anonymised report did get through. (The intake's own canary test
 * also tries its other ways in, at DEBUG.)
 */
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataCanaryBrowserIntegrationTest extends PortalBrowserTest {

  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * This run's own person, so that a leak of an earlier run, still in the stack's indices, fails
   * the run that caused it and not every one after.
   */
  private final String given = word(8);

  private final String family = word(9) + "-" + word(5);
  private final String name = given + " " + family;
  private final String phone = Intake.phone();
  private final String email = given.toLowerCase(Locale.ROOT) + ".canary@example.org";
  // Q is not among the DVLA's letters: only the report's own identifier can find this one.
  private final String vehicle = "CV21 Q" + word(2).toUpperCase(Locale.ROOT);
  private static final String HOME_POSTCODE = "B98 0QZ";
  private static final String DATE_OF_BIRTH = "2010-07-09";

  /** Every spelling of the canaries that would betray them, this run's own first. */
  private List<String> ownCanaries() {
    String digits = phone.replaceAll("[^0-9]", "");
    return List.of(
        given.toLowerCase(Locale.ROOT),
        family.toLowerCase(Locale.ROOT).split("-")[0],
        family.toLowerCase(Locale.ROOT).split("-")[1],
        phone.toLowerCase(Locale.ROOT),
        digits,
        "+44" + digits.substring(1),
        "44" + digits.substring(1),
        digits.substring(1),
        email.substring(0, email.indexOf('@')),
        vehicle.toLowerCase(Locale.ROOT),
        vehicle.toLowerCase(Locale.ROOT).replace(" ", ""));
  }

  private List<String> canaries() {
    List<String> all = new ArrayList<>(ownCanaries());
    all.addAll(List.of("b98 0qz", "b980qz", DATE_OF_BIRTH, "09/07/2010"));
    return all;
  }

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void personalDataGivenToTheHubReachesNoTopicNoIndexAndNoServiceLog(
      DemoTokens tokens, CapturedOutput portalLog) throws Exception {
    Instant began = Instant.now();
    List<TopicReader.Mark> marks = hubTopics().stream().map(TopicReader::mark).toList();
    String marker = Intake.marker("canary");

    // given a police report full of personal data, submitted through the intake
    String eventId =
        Intake.submit(tokens, "police.analyst", "/api/v1/police/reports", report(marker));
    SearchApi.awaitVisible(tokens, "police.analyst", eventId);

    // when an analyst looks its phone up, then finds and reads the report in the portal
    try (Browser browser = signedIn("police.analyst")) {
      browser.consult("/lookup", "Operation Kestrel, a number from a seized handset");
      browser.choose("type", "PHONE");
      browser.type("value", phone);
      browser.clickThrough(By.cssSelector("#lookup-form button"));
      assertThat(browser.find(By.id("result")).getText()).doesNotContain("No report");
      browser.go("/search?q=" + marker);
      browser.clickThrough(By.cssSelector("a[href*='" + eventId + "']"));
      assertThat(browser.heading()).isNotBlank();
      assertThat(browser.driver().getPageSource()).contains(marker);
    }

    // then no Kafka record, key or header of any topic holds a canary
    List<String> published = TopicReader.textsSince(marks);
    String kafka = String.join("\n", published).toLowerCase(Locale.ROOT);
    // (the report, the receipt, the look-up's and the search's access-log entries at least)
    assertThat(published).as("records published").hasSizeGreaterThan(4);
    assertThat(kafka).contains(marker.toLowerCase(Locale.ROOT));

    // nor any document of the hub's indices: the report's own, the access log's since the start,
    // and whatever else any index's text fields would find
    String documents =
        (search("crossline-intelligence", Map.of("term", Map.of("eventId", eventId)))
                + search(
                    "crossline-audit-*",
                    Map.of("range", Map.of("at", Map.of("gte", began.toString())))))
            .toLowerCase(Locale.ROOT);
    assertThat(documents).contains(marker.toLowerCase(Locale.ROOT)).contains("[name]");
    for (String canary : ownCanaries()) {
      String anywhere =
          search(
              "crossline-*",
              Map.of(
                  "multi_match",
                  Map.of(
                      "query", canary, "type", "phrase", "fields", List.of("*"), "lenient", true)));
      assertThat(JSON.readTree(anywhere).at("/hits/total/value").asLong())
          .as("documents anywhere with %s", canary)
          .isZero();
    }

    // nor any service's log
    Map<String, String> logs = new java.util.LinkedHashMap<>();
    for (ServiceProcess service : RunningHub.get().all()) {
      logs.put(service.name(), Files.readString(service.log()).toLowerCase(Locale.ROOT));
    }
    logs.put("portal", portalLog.getAll().toLowerCase(Locale.ROOT));

    for (String canary : canaries()) {
      assertThat(kafka).as("Kafka records").doesNotContain(canary);
      assertThat(documents).as("Elasticsearch documents").doesNotContain(canary);
      logs.forEach((service, log) -> assertThat(log).as(service + " log").doesNotContain(canary));
    }
  }

  /** Every topic the hub names, so that a topic added later is scanned too. */
  private static List<String> hubTopics() {
    return Arrays.stream(Topics.class.getFields())
        .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
        .map(PersonalDataCanaryBrowserIntegrationTest::value)
        .collect(Collectors.toList());
  }

  private static String value(Field field) {
    try {
      return (String) field.get(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The indices' documents matching the query, every write so far included (refreshed first). */
  private static String search(String indices, Map<String, Object> query)
      throws IOException, InterruptedException {
    post(indices, "_refresh", "");
    String body = JSON.writeValueAsString(Map.of("size", 500, "query", query));
    return JSON.readTree(post(indices, "_search", body)).toString();
  }

  /** Elasticsearch's answer to a POST to the indices, which must be 200. */
  private static String post(String indices, String action, String json)
      throws IOException, InterruptedException {
    HttpResponse<String> answer =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(
                        CrosslineStack.get().elasticsearchUrl()
                            + "/"
                            + indices
                            + "/"
                            + action
                            + "?ignore_unavailable=true&allow_no_indices=true"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return answer.body();
  }

  private String report(String marker) {
    return """
        {
          "reference": "%s",
          "observedAt": {"at": "2026-11-20T21:30:00Z", "precision": "EXACT"},
          "where": {"postcode": "B97 4AB"},
          "category": "DEAL_LINE",
          "summary": "%s: %s (DOB 09/07/2010) of %s was seen in %s; texted from %s, emails %s.",
          "grading": {"source": "1", "intelligence": "A", "handling": "P"},
          "subjects": [{"role": "YOUNG_PERSON", "name": "%s", "dateOfBirth": "%s"}],
          "identifiers": [
            {"type": "PHONE", "value": "%s"},
            {"type": "EMAIL", "value": "%s"},
            {"type": "VEHICLE", "value": "%s"}
          ],
          "marking": {"tlp": "GREEN"}
        }
        """
        .formatted(
            marker,
            marker,
            name,
            HOME_POSTCODE,
            vehicle,
            phone,
            email,
            name,
            DATE_OF_BIRTH,
            phone,
            email,
            vehicle);
  }

  /** A capitalised made-up word of this many letters, unlike any real name or word. */
  private static String word(int letters) {
    String consonants = "bdfghjklmnprstvz";
    String vowels = "aeiou";
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < letters; i++) {
      String from = i % 2 == 0 ? consonants : vowels;
      word.append(from.charAt(RANDOM.nextInt(from.length())));
    }
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }
}
