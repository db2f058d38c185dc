package uk.crossline.alerts.matching;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/** How the matching consumer meets failure. */
@Configuration
class ConsumerConfiguration {

  /**
   * A batch that fails (broker or access log away, state still being read) is retried with back-off
   * without end: skipping it would lose alerts, and the stable alert ids make a retry harmless.
   * Unreadable events never fail a batch; the listener skips them.
   */
  @Bean
  DefaultErrorHandler alertsErrorHandler() {
    ExponentialBackOff backOff = new ExponentialBackOff(500, 2);
    backOff.setMaxInterval(30_000);
    return new DefaultErrorHandler(backOff);
  }
}
