package uk.crossline.portal.headers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static uk.crossline.portal.MockSignIn.policeUser;

import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import uk.crossline.testsupport.CrosslineIntegrationTest;
import uk.crossline.testsupport.CrosslineStack;

/**
 * The headers every portal response carries, the exact content security policy, and the GOV.UK
 * error pages, on the portal's real security configuration (sign-in through the real identity
 * provider's metadata; no hub call is made).
 */
@CrosslineIntegrationTest
@SpringBootTest
@AutoConfigureMockMvc
class SecurityHeadersIntegrationTest {

  @Autowired MockMvc mvc;

  @Test
  void pageWhenSignedInThenEverySecurityHeaderAndTheExactPolicy(CrosslineStack stack)
      throws Exception {
    // when a signed-in person opens the start page
    MockHttpServletResponse page =
        mvc.perform(get("/").with(policeUser("police.analyst", "SEARCH")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse();

    // then the policy allows exactly the page's own inline scripts (by hash), the portal itself,
    // and forms to the identity provider (sign-out's POST is redirected there)
    var inline = InlineScripts.hashesIn(page.getContentAsString());
    assertThat(inline).hasSize(2);
    String identityProvider = SecurityHeaders.origin(stack.issuer().toString());
    assertThat(page.getHeader("Content-Security-Policy"))
        .isEqualTo(
            "default-src 'self'; script-src 'self' "
                + String.join(" ", inline)
                + "; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self';"
                + " manifest-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self' "
                + identityProvider
                + "; frame-ancestors 'none'")
        .doesNotContain("unsafe-inline")
        .doesNotContain("unsafe-eval");
    assertThat(page.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(page.getHeader("X-Frame-Options")).isEqualTo("DENY");
    assertThat(page.getHeader("Referrer-Policy")).isEqualTo("same-origin");
    assertThat(page.getHeader("Permissions-Policy"))
        .isEqualTo(SecurityHeaders.PERMISSIONS_POLICY)
        .contains("camera=()", "geolocation=()", "microphone=()");
    assertThat(page.getHeader("Cross-Origin-Opener-Policy")).isEqualTo("same-origin");
    // and intelligence never stays in a shared computer's cache
    assertThat(page.getHeader("Cache-Control")).contains("no-store");
  }

  @Test
  void staticAssetThenCacheableAndStillUnderThePolicy() throws Exception {
    MockHttpServletResponse css =
        mvc.perform(get("/portal.css")).andExpect(status().isOk()).andReturn().getResponse();

    assertThat(css.getHeader("Cache-Control")).isEqualTo("max-age=3600").doesNotContain("no-store");
    assertThat(css.getHeader("Content-Security-Policy")).contains("frame-ancestors 'none'");
    assertThat(css.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
  }

  @Test
  void signedOutPageWhenAnonymousThenHeadersToo() throws Exception {
    MockHttpServletResponse page =
        mvc.perform(get("/signed-out")).andExpect(status().isOk()).andReturn().getResponse();

    assertThat(page.getHeader("Content-Security-Policy")).contains("object-src 'none'");
    assertThat(page.getHeader("Cache-Control")).contains("no-store");
  }

  @Test
  void postWithoutCsrfTokenThenRefusedAndMarkedForTheSessionPage() throws Exception {
    var refused =
        mvc.perform(
                post("/purpose").param("purpose", "A good purpose").with(policeUser("x", "SEARCH")))
            .andExpect(status().isForbidden())
            .andReturn();

    assertThat(refused.getRequest().getAttribute(ErrorPages.CSRF_REFUSED)).isEqualTo(Boolean.TRUE);
  }

  @Test
  void postWithCsrfTokenThenAccepted() throws Exception {
    mvc.perform(
            post("/purpose")
                .param("purpose", "A good purpose")
                .with(policeUser("x", "SEARCH"))
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
  }

  @Test
  void errorPagesThenGovukWordsAndNoExceptionText() throws Exception {
    assertErrorPage(404, null, "Page not found");
    assertErrorPage(403, null, "You do not have access to this page");
    assertErrorPage(
        500,
        new IllegalStateException("secret detail"),
        "Sorry, there is a problem with the service");
    assertErrorPage(503, null, "Sorry, the service is unavailable");
  }

  @Test
  void csrfRefusalThenTheStartAgainPage() throws Exception {
    String body =
        mvc.perform(
                get("/error")
                    .accept(MediaType.TEXT_HTML)
                    .with(policeUser("x", "SEARCH"))
                    .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 403)
                    .requestAttr(ErrorPages.CSRF_REFUSED, Boolean.TRUE))
            .andExpect(status().isForbidden())
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(body).contains("You need to start again").contains("href=\"/\"");
  }

  private void assertErrorPage(int code, Exception exception, String heading) throws Exception {
    var request =
        get("/error")
            .accept(MediaType.TEXT_HTML)
            .with(policeUser("police.analyst", "SEARCH"))
            // (no ERROR_REQUEST_URI: with it the CSRF filter takes this for a second dispatch of a
            // request it has seen, and the layout's sign-out form would have no token)
            .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, code);
    if (exception != null) {
      request = request.requestAttr(RequestDispatcher.ERROR_EXCEPTION, exception);
    }
    MockHttpServletResponse page =
        mvc.perform(request).andExpect(status().is(code)).andReturn().getResponse();
    String body = page.getContentAsString();
    assertThat(body)
        .contains("<h1 class=\"govuk-heading-l\">" + heading + "</h1>")
        .contains("<title>" + heading)
        .contains("Signed in as")
        .doesNotContain("Exception")
        .doesNotContain("secret detail")
        .doesNotContain("Whitelabel")
        .doesNotContain("at org.");
    assertThat(page.getHeader("Content-Security-Policy")).contains("frame-ancestors 'none'");
  }
}
