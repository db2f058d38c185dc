package uk.crossline.portal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import uk.crossline.model.location.Gazetteer;

@SpringBootApplication
@ConfigurationPropertiesScan
public class PortalApplication {

  public static void main(String[] args) {
    SpringApplication.run(PortalApplication.class, args);
  }

  /** Districts and their names, for the pages' filters and labels. */
  @Bean
  Gazetteer gazetteer() {
    return Gazetteer.bundled();
  }
}
