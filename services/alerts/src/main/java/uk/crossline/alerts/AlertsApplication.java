package uk.crossline.alerts;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import uk.crossline.model.access.AccessPolicy;
import uk.crossline.model.location.Gazetteer;

@SpringBootApplication
@ConfigurationPropertiesScan
@org.springframework.scheduling.annotation.EnableScheduling
public class AlertsApplication {

  public static void main(String[] args) {
    SpringApplication.run(AlertsApplication.class, args);
  }

  /** The partnership's access policy, from the versioned policy files bundled in shared-model. */
  @Bean
  AccessPolicy accessPolicy() {
    return AccessPolicy.bundled();
  }

  /** Districts, outward postcodes and their centroids: what subscriptions' areas are made of. */
  @Bean
  Gazetteer gazetteer() {
    return Gazetteer.bundled();
  }
}
