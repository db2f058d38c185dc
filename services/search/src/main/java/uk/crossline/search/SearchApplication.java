package uk.crossline.search;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import uk.crossline.model.access.AccessPolicy;

@SpringBootApplication
@ConfigurationPropertiesScan
public class SearchApplication {

  public static void main(String[] args) {
    SpringApplication.run(SearchApplication.class, args);
  }

  /** The partnership's access policy, from the versioned policy files bundled in shared-model. */
  @Bean
  AccessPolicy accessPolicy() {
    return AccessPolicy.bundled();
  }
}
