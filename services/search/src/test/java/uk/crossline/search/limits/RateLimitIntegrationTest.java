package uk.crossline.search.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.crossline.search.AccessLogReader;
import uk.crossline.search.lookup.LookupSeeds;
import uk.crossline.testsupport.CrosslineIntegrationTest;
import uk.crossline.testsupport.DemoTokens;

/**
 * The look-up limit on the real stack (tokens from the identity provider, look-ups in
 * Elasticsearch, the access log in Kafka), with three look-ups per person per minute. Its own
 * context, closed after it, because of the low limits and the limiter's clock: the test moves that
 * clock (the rest of the service, the access log included, keeps the real one), so "after the
 * window" takes no waiting. Each test starts an hour later, when every bucket is full again.
 */
@CrosslineIntegrationTest
@SpringBootTest(
    properties = {
      "crossline.search.limits.lookup-per-user.requests=3",
      "crossline.search.limits.lookup-per-user.per=1m",
      "crossline.search.limits.lookup-per-agency.requests=100",
      "crossline.search.limits.lookup-per-agency.per=1m",
      // this context serves look-ups only: the auditors' copy is the shared context's work
      "crossline.search.audit.projection=false"
    })
@AutoConfigureMockMvc
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class RateLimitIntegrationTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final ManualClock CLOCK = new ManualClock(Instant.now());

  @TestConfiguration
  static class LimiterOnTheTestsClock {
    @Bean
    @Primary
    RateLimiter limiterOnTheTestsClock(LimitSettings settings) {
      return new RateLimiter(settings, CLOCK);
    }
  }

  @Autowired MockMvc mvc;
  @Autowired ElasticsearchClient client;

  @BeforeEach
  void everyBucketFullAgain() {
    CLOCK.advance(Duration.ofHours(1));
  }

  @Test
  void fourthLookupInAMinuteThenRefusedWith429RetryAfterAndAProblem(DemoTokens tokens)
      throws Exception {
    // given a police analyst's three look-ups in the minute
    for (int i = 0; i < 3; i++) {
      lookup(tokens, "police.analyst", "limits test", LookupSeeds.phone())
          .andExpect(status().isOk());
    }

    // when the fourth comes
    ResultActions refused = lookup(tokens, "police.analyst", "limits test", LookupSeeds.phone());

    // then 429, how long to wait in whole seconds (one look-up comes back each 20 s), and why
    refused
        .andExpect(status().isTooManyRequests())
        .andExpect(header().string("Retry-After", "20"))
        .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE));
    JsonNode problem = read(refused);
    assertThat(problem.path("status").asInt()).isEqualTo(429);
    assertThat(problem.path("title").asString()).isEqualTo("Too many requests");
    assertThat(problem.path("type").asString())
        .isEqualTo("https://crossline.example/problems/too-many-requests");
    assertThat(problem.path("detail").asString())
        .isEqualTo("You have made too many look-ups in a short time. Try again in 20 seconds.");
    assertThat(problem.path("retryAfter").asLong()).isEqualTo(20);
    assertThat(problem.path("allowance").asString()).isEqualTo("LOOKUP");
    assertThat(problem.path("scope").asString()).isEqualTo("USER");
  }

  @Test
  void oneAnalystRefusedThenAnotherAgencysOfficerUnaffected(DemoTokens tokens) throws Exception {
    // given a police analyst refused
    for (int i = 0; i < 3; i++) {
      lookup(tokens, "police.analyst", "limits test", LookupSeeds.phone())
          .andExpect(status().isOk());
    }
    lookup(tokens, "police.analyst", "limits test", LookupSeeds.phone())
        .andExpect(status().isTooManyRequests());

    // then a trading standards officer still looks up, three times
    for (int i = 0; i < 3; i++) {
      lookup(tokens, "ts.officer", "limits test", LookupSeeds.phone()).andExpect(status().isOk());
    }
  }

  @Test
  void lookupsUsedUpThenSearchesStillAnswered(DemoTokens tokens) throws Exception {
    for (int i = 0; i < 3; i++) {
      lookup(tokens, "police.analyst", "limits test", LookupSeeds.phone())
          .andExpect(status().isOk());
    }
    lookup(tokens, "police.analyst", "limits test", LookupSeeds.phone())
        .andExpect(status().isTooManyRequests());

    mvc.perform(
            get("/api/v1/search")
                .param("purpose", "limits test")
                .param("q", "limits" + UUID.randomUUID().toString().substring(0, 8))
                .header("Authorization", "Bearer " + tokens.accessToken("police.analyst")))
        .andExpect(status().isOk());
  }

  @Test
  void retryAfterHasPassedThenTheLookupIsAnsweredAndTheNextRefusedAgain(DemoTokens tokens)
      throws Exception {
    for (int i = 0; i < 3; i++) {
      lookup(tokens, "wmp.analyst", "limits test", LookupSeeds.phone()).andExpect(status().isOk());
    }
    long retryAfter =
        Long.parseLong(
            lookup(tokens, "wmp.analyst", "limits test", LookupSeeds.phone())
                .andExpect(status().isTooManyRequests())
                .andReturn()
                .getResponse()
                .getHeader("Retry-After"));

    // when the limiter's clock has moved on by Retry-After
    CLOCK.advance(Duration.ofSeconds(retryAfter));

    // then one look-up is answered, and the next refused again
    lookup(tokens, "wmp.analyst", "limits test", LookupSeeds.phone()).andExpect(status().isOk());
    lookup(tokens, "wmp.analyst", "limits test", LookupSeeds.phone())
        .andExpect(status().isTooManyRequests())
        .andExpect(header().string("Retry-After", "20"));
  }

  @Test
  void refusedLookupThenNoHitNoHitNoAccessLogEntryAndNoValueLogged(
      DemoTokens tokens, CapturedOutput output) throws Exception {
    // given a Redditch AMBER event for Wyre Forest with a phone: Bromsgrove may not see it, but
    // a look-up tells it that a match exists
    String hit = LookupSeeds.phone();
    new LookupSeeds(client).redditchAmberForWyreForest(hit);
    JsonNode answered = read(lookup(tokens, "bromsgrove.cso", "limits test", hit));
    assertThat(answered.path("otherMatches").path("exists").asBoolean()).isTrue();
    lookup(tokens, "bromsgrove.cso", "limits test", LookupSeeds.phone()).andExpect(status().isOk());
    lookup(tokens, "bromsgrove.cso", "limits test", LookupSeeds.phone()).andExpect(status().isOk());
    var start = AccessLogReader.mark();

    // when Bromsgrove, its allowance used up, looks up the matching phone and one that matches
    // nothing
    String refusedPurpose = "refused look-up " + UUID.randomUUID();
    String noHit = LookupSeeds.phone();
    String hitRefused =
        lookup(tokens, "bromsgrove.cso", refusedPurpose, hit)
            .andExpect(status().isTooManyRequests())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String noHitRefused =
        lookup(tokens, "bromsgrove.cso", refusedPurpose, noHit)
            .andExpect(status().isTooManyRequests())
            .andReturn()
            .getResponse()
            .getContentAsString();

    // then the two refusals are the same to the byte, and say nothing of a match
    assertThat(hitRefused).isEqualTo(noHitRefused);
    assertThat(JSON.readTree(hitRefused).propertyNames())
        .containsExactlyInAnyOrder(
            "type", "title", "status", "detail", "instance", "allowance", "scope", "retryAfter");
    // and no look-up was made: nothing went to the access log for them (a later answered look-up
    // of this service's chain is there, so theirs would be too)
    CLOCK.advance(Duration.ofMinutes(1));
    String answeredPurpose = "answered look-up " + UUID.randomUUID();
    lookup(tokens, "bromsgrove.cso", answeredPurpose, noHit).andExpect(status().isOk());
    assertThat(AccessLogReader.entriesWithPurpose(start, answeredPurpose)).hasSize(1);
    assertThat(AccessLogReader.entriesWithPurpose(start, refusedPurpose)).isEmpty();
    // and the refusal was logged, without the number in any form
    assertThat(output.getAll()).contains("Refused POST /api/v1/lookups for user");
    for (String value : new String[] {hit, hit.replace(" ", ""), "+44" + hit.substring(1)}) {
      assertThat(output.getAll()).doesNotContain(value.replace(" ", "")).doesNotContain(value);
    }
  }

  @Test
  void everyCountedEndpointThenDescribesIts429() throws Exception {
    JsonNode paths =
        read(mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())).path("paths");

    assertThat(
            paths
                .path("/api/v1/lookups")
                .path("post")
                .path("responses")
                .path("429")
                .path("description")
                .asString())
        .startsWith("Too many look-ups");
    assertThat(
            paths
                .path("/api/v1/search")
                .path("get")
                .path("responses")
                .path("429")
                .path("description")
                .asString())
        .startsWith("Too many searches");
    assertThat(paths.path("/api/v1/audit/records").path("get").path("responses").has("429"))
        .isFalse();
  }

  private ResultActions lookup(DemoTokens tokens, String user, String purpose, String phone)
      throws Exception {
    return mvc.perform(
        post("/api/v1/lookups")
            .header("Authorization", "Bearer " + tokens.accessToken(user))
            .contentType(MediaType.APPLICATION_JSON)
            .content(
                JSON.writeValueAsString(
                    Map.of("purpose", purpose, "type", "PHONE", "value", phone))));
  }

  private static JsonNode read(ResultActions result) throws Exception {
    return JSON.readTree(result.andReturn().getResponse().getContentAsString());
  }
}
