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
    properties = "server.port=" + PortalBrowserTest.PORT)
abstract class PortalBrowserTest {

  /** The test port the identity provider's portal client accepts redirects to. */
  static final int PORT = 18080;

  static final String BASE = "http://127.0.0.1:" + PORT;

  @DynamicPropertySource
  static void hub(DynamicPropertyRegistry registry) {
    RunningHub.register(registry);
  }
}
