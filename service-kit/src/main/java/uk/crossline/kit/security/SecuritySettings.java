package uk.crossline.kit.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How tokens are checked beyond signature, issuer and time (which the resource server does).
 *
 * @param audience the audience every token must carry: tokens minted for other applications of the
 *     same identity provider are refused
 */
@ConfigurationProperties("crossline.security")
public record SecuritySettings(@DefaultValue("crossline-api") String audience) {}
