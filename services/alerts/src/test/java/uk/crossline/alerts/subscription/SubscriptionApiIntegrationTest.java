package uk.crossline.alerts.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import uk.crossline.alerts.AlertSettings;
import uk.crossline.alerts.AlertsApi;
import uk.crossline.model.subscription.Area;
import uk.crossline.testsupport.CrosslineIntegrationTest;
import uk.crossline.testsupport.CrosslineStack;
import uk.crossline.testsupport.DemoTokens;

@CrosslineIntegrationTest
@SpringBootTest
@AutoConfigureMockMvc
class SubscriptionApiIntegrationTest {

  private static final String PATH = "/api/v1/subscriptions";

  @Autowired MockMvc mvc;
  @Autowired KafkaProperties kafka;

  private static final String GROUP =
      AlertsApi.groupAtEnd(CrosslineStack.get().kafkaBootstrapServers());

  @org.springframework.test.context.DynamicPropertySource
  static void matchingGroup(org.springframework.test.context.DynamicPropertyRegistry registry) {
    registry.add("crossline.alerts.group-id", () -> GROUP);
  }

  @Test
  void subscriberWithAlertsRoleThenCreatesListsReplacesAndEndsOwnSubscription(DemoTokens tokens)
      throws Exception {
    // given Bromsgrove's community safety officer subscribes to Redditch district
    String name = "Redditch " + UUID.randomUUID();
    String id =
        call(tokens, "bromsgrove.cso", post(PATH), AlertsApi.district(name, "redditch"))
            .andExpect(status().isCreated())
            .andExpect(header().exists("Location"))
            .andExpect(jsonPath("$.agency").value("bromsgrove-dc"))
            .andExpect(jsonPath("$.areas[0].district").value("redditch"))
            .andExpect(jsonPath("$.channel").value("INBOX"))
            .andReturn()
            .getResponse()
            .getContentAsString()
            .replaceAll(".*\"subscriptionId\":\"([^\"]+)\".*", "$1");

    // then it is listed for the agency, and not found by another agency
    call(tokens, "bromsgrove.cso", get(PATH), null)
        .andExpect(status().isOk())
        .andExpect(
            jsonPath("$.subscriptions[?(@.subscriptionId == '" + id + "')].name").value(name));
    call(tokens, "redditch.cso", get(PATH + "/" + id), null).andExpect(status().isNotFound());
    call(tokens, "redditch.cso", put(PATH + "/" + id), AlertsApi.district("x", "bromsgrove"))
        .andExpect(status().isNotFound());
    call(tokens, "redditch.cso", delete(PATH + "/" + id), null).andExpect(status().isNotFound());

    // when its owner replaces it
    call(
            tokens,
            "bromsgrove.cso",
            put(PATH + "/" + id),
            AlertsApi.district(name + " v2", "wyre-forest"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.areas[0].district").value("wyre-forest"));
    call(tokens, "bromsgrove.cso", get(PATH + "/" + id), null)
        .andExpect(jsonPath("$.name").value(name + " v2"));

    // then a second reader of the topic rebuilds the same state
    var second = new Subscriptions(kafka, new AlertSettings(Duration.ofSeconds(10)));
    second.start();
    try {
      await().atMost(Duration.ofSeconds(30)).until(second::caughtUp);
      var rebuilt = second.find(UUID.fromString(id)).orElseThrow();
      assertThat(rebuilt.name()).isEqualTo(name + " v2");
      assertThat(rebuilt.areas()).containsExactly(new Area.District("wyre-forest"));
      assertThat(rebuilt.subscriber().username()).isEqualTo("bromsgrove.cso");
      assertThat(second.live()).anyMatch(s -> s.subscriptionId().toString().equals(id));

      // when its owner ends it
      call(tokens, "bromsgrove.cso", delete(PATH + "/" + id), null)
          .andExpect(status().isNoContent());

      // then it is gone here and, from the topic, in the second reader too
      call(tokens, "bromsgrove.cso", get(PATH + "/" + id), null).andExpect(status().isNotFound());
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  second.live().stream().noneMatch(s -> s.subscriptionId().toString().equals(id)));
      assertThat(second.get(UUID.fromString(id)).orElseThrow().ended()).isTrue();
    } finally {
      second.stop();
    }
  }

  @Test
  void callerWithoutAlertsThenForbidden(DemoTokens tokens) throws Exception {
    // school.lead: SUBMIT only, and education's agreement gives no alerts
    call(tokens, "school.lead", post(PATH), AlertsApi.district("x", "redditch"))
        .andExpect(status().isForbidden());
    call(tokens, "school.lead", get(PATH), null).andExpect(status().isForbidden());
    call(tokens, "school.lead", get("/api/v1/alerts"), null).andExpect(status().isForbidden());
    // wmp.analyst: West Midlands' agreement has alerts, but not this person's roles
    call(tokens, "wmp.analyst", get(PATH), null).andExpect(status().isForbidden());
  }

  @Test
  void badInputThenProblemNamingTheField(DemoTokens tokens) throws Exception {
    call(
            tokens,
            "bromsgrove.cso",
            post(PATH),
            """
            {"name": "x", "purpose": "Patrol planning", "colour": "red",
             "areas": [{"type": "DISTRICT", "district": "atlantis"}], "categories": ["NOPE"]}""")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[?(@.field == 'colour')]").exists())
        .andExpect(jsonPath("$.errors[?(@.field == 'areas[0].district')]").exists())
        .andExpect(jsonPath("$.errors[?(@.field == 'categories[0]')]").exists());
    call(
            tokens,
            "bromsgrove.cso",
            post(PATH),
            "{\"name\": \"x\", \"purpose\": \"Patrol planning\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("areas"));
    call(
            tokens,
            "bromsgrove.cso",
            post(PATH),
            """
            {"name": "x", "purpose": "no", "channel": "WEBHOOK",
             "areas": [{"type": "RADIUS", "lat": 52.3, "lon": -1.9, "km": 500}]}""")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[?(@.field == 'purpose')]").exists())
        .andExpect(jsonPath("$.errors[?(@.field == 'webhook.url')]").exists())
        .andExpect(jsonPath("$.errors[?(@.field == 'areas[0].km')]").exists());
    call(tokens, "bromsgrove.cso", get(PATH).param("agency", "redditch-bc"), null)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("agency"));
  }

  @Test
  void filterFinerThanTheSubscribersAccessThenRefused(DemoTokens tokens) throws Exception {
    // a district-detail neighbour subscribes by district only, without indicators
    call(
            tokens,
            "wychavon.officer",
            post(PATH),
            """
            {"name": "x", "purpose": "Patrol planning", "indicators": ["NEW_PHONE"],
             "areas": [{"type": "OUTWARD", "outward": "B97"}]}""")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[?(@.field == 'areas[0].type')]").exists())
        .andExpect(jsonPath("$.errors[?(@.field == 'indicators')]").exists());
    // grading is for those who see grading detail: a council does not, a police analyst does
    String graded =
        """
        {"name": "x", "purpose": "Patrol planning",
         "areas": [{"type": "OUTWARD", "outward": "b97"}],
         "minimumGrading": {"source": "2", "intelligence": "B", "includeUngraded": false}}""";
    call(tokens, "bromsgrove.cso", post(PATH), graded)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("minimumGrading"));
    String id =
        call(tokens, "police.analyst", post(PATH), graded)
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.areas[0].outward").value("B97"))
            .andExpect(jsonPath("$.minimumGrading.source").value("2"))
            .andReturn()
            .getResponse()
            .getContentAsString()
            .replaceAll(".*\"subscriptionId\":\"([^\"]+)\".*", "$1");
    call(tokens, "police.analyst", delete(PATH + "/" + id), null).andExpect(status().isNoContent());
  }

  private ResultActions call(
      DemoTokens tokens,
      String user,
      org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
      String body)
      throws Exception {
    request.header("Authorization", "Bearer " + tokens.accessToken(user));
    if (body != null) {
      request.contentType(MediaType.APPLICATION_JSON).content(body);
    }
    return mvc.perform(request);
  }
}
