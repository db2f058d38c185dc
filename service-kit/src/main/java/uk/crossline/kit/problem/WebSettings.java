package uk.crossline.kit.problem;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on request bodies, so that one request cannot exhaust a service.
 *
 * @param maxBodySize the largest body of an ordinary request (one report, one search)
 * @param maxUploadSize the largest body of a bulk upload (paths ending in {@code /bulk})
 */
@ConfigurationProperties("crossline.web")
public record WebSettings(
    @DefaultValue("256KB") DataSize maxBodySize, @DefaultValue("200MB") DataSize maxUploadSize) {}
