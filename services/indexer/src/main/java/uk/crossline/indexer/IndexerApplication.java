package uk.crossline.indexer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;
import uk.crossline.model.access.AccessPolicy;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class IndexerApplication {

  public static void main(String[] args) {
    SpringApplication.run(IndexerApplication.class, args);
  }

  /**
   * The partnership's access policy, bundled in shared-model as search's is: the projection stamps
   * each document with the agencies it reaches, and search trusts the stamps only while they are
   * this same policy's.
   */
  @Bean
  AccessPolicy accessPolicy() {
    return AccessPolicy.bundled();
  }
}
