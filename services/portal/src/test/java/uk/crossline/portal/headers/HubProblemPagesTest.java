package uk.crossline.portal.headers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.ui.ExtendedModelMap;
import uk.crossline.portal.hub.HubProblem;

/** Which page a hub refusal becomes, and what it tells the person about waiting. */
class HubProblemPagesTest {

  private final HubProblemPages pages = new HubProblemPages();

  @Test
  void hubRefusedForTooManyRequestsThenTheTooManyRequestsPageWithTheWait() {
    var response = new MockHttpServletResponse();
    var model = new ExtendedModelMap();

    String view = pages.hubProblem(tooMany(Optional.of(Duration.ofSeconds(20))), response, model);

    assertThat(view).isEqualTo("error/too-many-requests");
    assertThat(response.getStatus()).isEqualTo(429);
    assertThat(response.getHeader("Retry-After")).isEqualTo("20");
    assertThat(model.getAttribute("wait")).isEqualTo("20 seconds");
  }

  @Test
  void hubRefusedWithoutSayingHowLongThenThePageWithoutAWait() {
    var response = new MockHttpServletResponse();
    var model = new ExtendedModelMap();

    String view = pages.hubProblem(tooMany(Optional.empty()), response, model);

    assertThat(view).isEqualTo("error/too-many-requests");
    assertThat(response.getStatus()).isEqualTo(429);
    assertThat(response.getHeader("Retry-After")).isNull();
    assertThat(model.containsAttribute("wait")).isFalse();
  }

  @Test
  void hubRefusedForAnotherReasonThenNotTheTooManyRequestsPage() {
    var response = new MockHttpServletResponse();

    String view =
        pages.hubProblem(
            new HubProblem(403, "Forbidden", "", List.of()), response, new ExtendedModelMap());

    assertThat(view).isEqualTo("error/forbidden");
    assertThat(response.getStatus()).isEqualTo(403);
  }

  @Test
  void waitsThenInWordsRoundedUpToWhatAPersonReads() {
    assertThat(HubProblemPages.inWords(Duration.ofSeconds(1))).isEqualTo("1 second");
    assertThat(HubProblemPages.inWords(Duration.ofSeconds(59))).isEqualTo("59 seconds");
    assertThat(HubProblemPages.inWords(Duration.ofSeconds(60))).isEqualTo("1 minute");
    assertThat(HubProblemPages.inWords(Duration.ofSeconds(61))).isEqualTo("2 minutes");
    assertThat(HubProblemPages.inWords(Duration.ofMinutes(10))).isEqualTo("10 minutes");
  }

  private static HubProblem tooMany(Optional<Duration> wait) {
    return new HubProblem(
        429,
        "Too many requests",
        "You have made too many look-ups in a short time. Try again in 20 seconds.",
        List.of(),
        wait);
  }
}
