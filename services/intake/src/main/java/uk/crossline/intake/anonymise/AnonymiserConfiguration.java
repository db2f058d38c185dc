package uk.crossline.intake.anonymise;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.crossline.intake.agency.IntakeSettings;
import uk.crossline.model.location.Gazetteer;
import uk.crossline.model.location.LocationGeneraliser;
import uk.crossline.model.pseudonymisation.KeyRing;
import uk.crossline.model.pseudonymisation.Pseudonymiser;
import uk.crossline.model.pseudonymisation.Redactor;

/** The anonymiser with the hub's key ring, the standard redaction rules and the gazetteer. */
@Configuration(proxyBeanMethods = false)
class AnonymiserConfiguration {

  private static final Logger log = LoggerFactory.getLogger(AnonymiserConfiguration.class);

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  Anonymiser anonymiser(IntakeSettings settings, Clock clock) {
    KeyRing keys =
        settings
            .pseudonymKeys()
            .filter(spec -> !spec.isBlank())
            .map(KeyRing::parse)
            .orElseGet(
                () -> {
                  log.warn(
                      "crossline.intake.pseudonym-keys is not set: using the published DEMO keys."
                          + " Tokens made with them protect nothing; set real keys outside a"
                          + " local run.");
                  return KeyRing.demo();
                });
    return new Anonymiser(
        new Pseudonymiser(keys),
        Redactor.standard(),
        new LocationGeneraliser(Gazetteer.bundled()),
        clock);
  }
}
