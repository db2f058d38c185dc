package uk.crossline.search;

import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The search service's own settings.
 *
 * @param pseudonymKeys the key ring shared by every service of the hub (as {@code
 *     crossline.intake.pseudonym-keys}), with which an identifier typed into a look-up is tokenised
 *     exactly as the intakes tokenised it; unset, the published demo keys of a local run
 */
@ConfigurationProperties("crossline.search")
public record SearchSettings(Optional<String> pseudonymKeys) {}
