package uk.crossline.testsupport;

import java.net.URI;
import java.util.Optional;

/**
 * Where the real components of a test run listen. One instance per JVM, resolved on first use (see
 * {@link #get()}); every test class and Spring context of the build talks to the same components.
 *
 * @param issuer the OpenID Connect issuer of the {@code crossline} realm
 * @param localEnvironment the {@code ./crossline} environment of a stack of local processes (empty
 *     for containers), which fault tests can stop and start
 */
public record CrosslineStack(
    String kafkaBootstrapServers,
    URI elasticsearchUrl,
    URI keycloakUrl,
    URI issuer,
    Optional<String> localEnvironment) {

  private static CrosslineStack resolved;

  /**
   * The stack of this build, in this order: the one named by {@code -Dcrossline.stack.file} (what
   * {@code ./crossline test} passes); the local test stack if it already runs; containers of the
   * official images where a Docker engine answers; otherwise the local test stack, started now with
   * {@code ./crossline up --env test} and left running for the next module of the build.
   */
  public static synchronized CrosslineStack get() {
    if (resolved == null) {
      resolved = StackResolver.resolve();
    }
    return resolved;
  }

  /** Fault drills ({@link #stop}, {@link #start}) work on a stack of local processes. */
  public boolean canStopComponents() {
    return localEnvironment.isPresent();
  }

  /** Stops one component ({@code kafka}, {@code elasticsearch}, {@code keycloak}) of the stack. */
  public void stop(String component) {
    LocalComponents.run("stop", component, environment());
  }

  /** Starts a stopped component again and waits until it is healthy. */
  public void start(String component) {
    LocalComponents.run("start", component, environment());
  }

  private String environment() {
    return localEnvironment.orElseThrow(
        () -> new UnsupportedOperationException("components of a container stack are not drilled"));
  }

  /** Tokens for the demo users of the realm, fetched from this stack's identity provider. */
  public DemoTokens tokens() {
    return DemoTokens.of(issuer);
  }
}
