package uk.crossline.search.links;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.springframework.stereotype.Component;
import uk.crossline.model.policy.CorrelationPolicy;
import uk.crossline.model.pseudonymisation.Pseudonymiser;

/**
 * The correlation policy as links apply it: the cap, and the warning list's identifiers tokenised
 * once at start-up under every key the hub holds (the values in clear are then never used again).
 */
@Component
class CorrelationBounds {

  private final CorrelationPolicy policy;
  private final Set<String> warnedTokens;

  CorrelationBounds(LinkSettings settings, Pseudonymiser pseudonymiser) {
    this.policy =
        settings.policyFile().map(CorrelationBounds::load).orElseGet(CorrelationPolicy::bundled);
    this.warnedTokens = policy.warnedTokens(pseudonymiser);
  }

  int cap() {
    return policy.capPerToken();
  }

  int version() {
    return policy.version();
  }

  boolean warnsOfToken(String token) {
    return warnedTokens.contains(token);
  }

  boolean warnsOfPremises(String key, String postcode) {
    return policy.warnsOfPremises(key, postcode);
  }

  private static CorrelationPolicy load(Path file) {
    try (InputStream yaml = Files.newInputStream(file)) {
      return CorrelationPolicy.load(yaml);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the correlation policy " + file, e);
    }
  }
}
