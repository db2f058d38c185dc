package uk.crossline.search.links;

import java.nio.file.Path;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How links are bounded.
 *
 * @param policyFile a correlation policy to use instead of the one bundled with the build, e.g. a
 *     newer version mounted by the deployment
 */
@ConfigurationProperties("crossline.search.links")
record LinkSettings(Optional<Path> policyFile) {}
