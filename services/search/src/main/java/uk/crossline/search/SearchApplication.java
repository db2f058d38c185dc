package uk.crossline.search;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import uk.crossline.model.access.AccessPolicy;
import uk.crossline.model.pseudonymisation.KeyRing;
import uk.crossline.model.pseudonymisation.Pseudonymiser;

@SpringBootApplication
@ConfigurationPropertiesScan
public class SearchApplication {

  private static final Logger log = LoggerFactory.getLogger(SearchApplication.class);

  public static void main(String[] args) {
    SpringApplication.run(SearchApplication.class, args);
  }

  /** The partnership's access policy, from the versioned policy files bundled in shared-model. */
  @Bean
  AccessPolicy accessPolicy() {
    return AccessPolicy.bundled();
  }

  /**
   * Tokenises what a caller looks up exactly as the intakes tokenised what they received, under
   * every key version, so a look-up finds events tokenised before a key rotation.
   */
  @Bean
  Pseudonymiser pseudonymiser(SearchSettings settings) {
    KeyRing keys =
        settings
            .pseudonymKeys()
            .filter(spec -> !spec.isBlank())
            .map(KeyRing::parse)
            .orElseGet(
                () -> {
                  log.warn(
                      "crossline.search.pseudonym-keys is not set: using the published DEMO keys."
                          + " Set the hub's real keys outside a local run.");
                  return KeyRing.demo();
                });
    return new Pseudonymiser(keys);
  }
}
