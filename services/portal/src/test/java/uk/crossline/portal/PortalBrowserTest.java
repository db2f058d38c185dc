package uk.crossline.portal;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.crossline.testsupport.CrosslineIntegrationTest;

/**
 * What every browser test of the portal shares, so they share one portal: the real stack, the hub's
 * services running ({@link RunningHub}), and the portal on the port the identity provider's client
 * redirects to.
 */
@CrosslineIntegrationTest
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
    properties = "server.port=${crossline.portal.test-port:18080}")
abstract class PortalBrowserTest {

  /**
   * The port the portal listens on in the tests: one the identity provider's portal client accepts
   * redirects to (18080, or 18081 to 18084 to run several test JVMs side by side, chosen with the
   * system property {@code crossline.portal.test-port}).
   */
  static final int PORT = Integer.getInteger("crossline.portal.test-port", 18080);

  static final String BASE = "http://127.0.0.1:" + PORT;

  /**
   * A new browser with the demo user signed in to the portal under test (closed again if signing in
   * fails); the test closes it.
   */
  static Browser signedIn(String user) {
    Browser browser = Browser.open(BASE);
    try {
      return browser.signIn(user);
    } catch (RuntimeException | Error e) {
      browser.close();
      throw e;
    }
  }

  @DynamicPropertySource
  static void hub(DynamicPropertyRegistry registry) {
    RunningHub.register(registry);
  }
}
