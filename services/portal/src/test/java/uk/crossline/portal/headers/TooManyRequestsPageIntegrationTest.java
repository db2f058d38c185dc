package uk.crossline.portal.headers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static uk.crossline.portal.MockSignIn.policeUser;

import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import uk.crossline.testsupport.CrosslineIntegrationTest;

/**
 * The "too many requests" page as the portal renders it, in the same context as {@link
 * SecurityHeadersIntegrationTest} (no hub call is made; which refusal leads here is {@link
 * HubProblemPagesTest}'s).
 */
@CrosslineIntegrationTest
@SpringBootTest
@AutoConfigureMockMvc
class TooManyRequestsPageIntegrationTest {

  @Autowired MockMvc mvc;

  @Test
  void tooManyRequestsThenAGovukPageSayingToWaitAndNoExceptionText() throws Exception {
    String body =
        mvc.perform(
                get("/error")
                    .accept(MediaType.TEXT_HTML)
                    .with(policeUser("police.analyst", "SEARCH"))
                    .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 429)
                    .requestAttr(
                        RequestDispatcher.ERROR_EXCEPTION,
                        new IllegalStateException("secret detail")))
            .andExpect(status().isTooManyRequests())
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(body)
        .contains("<title>Too many requests")
        .contains("<h1 class=\"govuk-heading-l\">Too many requests</h1>")
        .contains("You have made too many searches or look-ups in a short time.")
        .contains("Wait a minute before you try again.")
        .contains("Signed in as")
        .contains("href=\"/\"")
        .doesNotContain("Exception")
        .doesNotContain("secret detail")
        .doesNotContain("Whitelabel")
        .doesNotContain("at org.");
  }
}
