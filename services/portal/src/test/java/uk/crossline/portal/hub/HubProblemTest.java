package uk.crossline.portal.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What the portal reads from an API's refusal: the problem, and how long a 429 asks to wait. */
class HubProblemTest {

  private static final String TOO_MANY =
      """
      {"type": "https://crossline.example/problems/too-many-requests", "title": "Too many requests",
       "status": 429, "detail": "You have made too many look-ups in a short time. Try again in 20 seconds.",
       "retryAfter": 20, "allowance": "LOOKUP", "scope": "USER"}
      """;

  @Test
  void tooManyRequestsWithRetryAfterThenTheWaitIsKept() {
    HubProblem problem = Hub.problem("search", 429, "20", body(TOO_MANY));

    assertThat(problem.isTooManyRequests()).isTrue();
    assertThat(problem.isForbidden()).isFalse();
    assertThat(problem.retryAfter()).contains(Duration.ofSeconds(20));
    assertThat(problem.title()).isEqualTo("Too many requests");
  }

  @Test
  void tooManyRequestsWithAnUnreadableBodyThenStillTheWait() {
    HubProblem problem = Hub.problem("search", 429, " 7 ", body("<html>busy</html>"));

    assertThat(problem.isTooManyRequests()).isTrue();
    assertThat(problem.retryAfter()).contains(Duration.ofSeconds(7));
  }

  @Test
  void retryAfterNotInSecondsOrAbsentThenNoWait() {
    assertThat(
            Hub.problem("search", 429, "Wed, 25 Nov 2026 10:00:00 GMT", body(TOO_MANY))
                .retryAfter())
        .isEmpty();
    assertThat(Hub.problem("search", 429, null, body(TOO_MANY)).retryAfter()).isEmpty();
    assertThat(Hub.problem("search", 429, "-5", body(TOO_MANY)).retryAfter()).isEmpty();
  }

  @Test
  void otherRefusalThenNotTooManyRequests() {
    HubProblem problem =
        Hub.problem("search", 403, null, body("{\"title\": \"Forbidden\", \"status\": 403}"));

    assertThat(problem.isTooManyRequests()).isFalse();
    assertThat(problem.isForbidden()).isTrue();
  }

  private static ByteArrayInputStream body(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
