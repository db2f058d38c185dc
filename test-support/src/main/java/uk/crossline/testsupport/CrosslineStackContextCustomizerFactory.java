package uk.crossline.testsupport;

import java.util.List;
import java.util.Map;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Points the Spring context of a {@link CrosslineIntegrationTest} at the stack, so no test repeats
 * the addresses. Registered in {@code META-INF/spring.factories}.
 */
public final class CrosslineStackContextCustomizerFactory implements ContextCustomizerFactory {

  @Override
  public ContextCustomizer createContextCustomizer(
      Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
    if (!TestContextAnnotationUtils.hasAnnotation(testClass, CrosslineIntegrationTest.class)) {
      return null;
    }
    return new StackProperties();
  }

  /** Equal to every other instance, so Spring caches one context per configuration as usual. */
  private static final class StackProperties implements ContextCustomizer {

    @Override
    public void customizeContext(
        org.springframework.context.ConfigurableApplicationContext context,
        org.springframework.test.context.MergedContextConfiguration mergedConfig) {
      CrosslineStack stack = CrosslineStack.get();
      Map<String, Object> properties =
          Map.of(
              "spring.kafka.bootstrap-servers", stack.kafkaBootstrapServers(),
              "crossline.elasticsearch.url", stack.elasticsearchUrl().toString(),
              "spring.security.oauth2.resourceserver.jwt.issuer-uri", stack.issuer().toString(),
              // The portal signs people in with the same identity provider.
              "spring.security.oauth2.client.provider.keycloak.issuer-uri",
                  stack.issuer().toString());
      context
          .getEnvironment()
          .getPropertySources()
          .addFirst(new MapPropertySource("crosslineStack", properties));
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof StackProperties;
    }

    @Override
    public int hashCode() {
      return StackProperties.class.hashCode();
    }
  }
}
