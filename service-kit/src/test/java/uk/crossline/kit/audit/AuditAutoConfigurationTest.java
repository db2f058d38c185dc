package uk.crossline.kit.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class AuditAutoConfigurationTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(AuditAutoConfiguration.class))
          .withPropertyValues("spring.application.name=crossline-search");

  @Test
  void serviceWithABrokerGetsAnAuditLogChainedUnderItsName() {
    runner
        .withPropertyValues("spring.kafka.bootstrap-servers=127.0.0.1:1")
        .run(
            context -> {
              assertThat(context).hasSingleBean(AuditLog.class);
              assertThat(context.getBean(AuditLog.class).chains())
                  .singleElement()
                  .asString()
                  .matches("crossline-search-[0-9a-f-]{36}");
            });
  }

  @Test
  void serviceMayWriteSeveralChainsAtOnce() {
    runner
        .withPropertyValues(
            "spring.kafka.bootstrap-servers=127.0.0.1:1", "crossline.audit.chains=4")
        .run(
            context ->
                assertThat(context.getBean(AuditLog.class).chains())
                    .hasSize(4)
                    .allMatch(chain -> chain.matches("crossline-search-[0-9a-f-]{36}")));
  }

  @Test
  void serviceWithoutABrokerGetsNoAuditLog() {
    runner.run(context -> assertThat(context).doesNotHaveBean(AuditLog.class));
  }

  @Test
  void serviceWithoutSpringKafkaGetsNoAuditLog() {
    runner
        .withPropertyValues("spring.kafka.bootstrap-servers=127.0.0.1:1")
        .withClassLoader(new FilteredClassLoader(KafkaProperties.class))
        .run(context -> assertThat(context).doesNotHaveBean(AuditLog.class));
  }

  @Test
  void auditLogCanBeSwitchedOff() {
    runner
        .withPropertyValues(
            "spring.kafka.bootstrap-servers=127.0.0.1:1", "crossline.audit.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(AuditLog.class));
  }
}
