package uk.crossline.portal.hub;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the hub's APIs are.
 *
 * @param timeout how long one call may take before the page says the service is unavailable
 */
@ConfigurationProperties("crossline.portal")
public record HubSettings(
    @DefaultValue("http://127.0.0.1:8081") URI intakeUrl,
    @DefaultValue("http://127.0.0.1:8083") URI searchUrl,
    @DefaultValue("http://127.0.0.1:8084") URI alertsUrl,
    @DefaultValue("15s") Duration timeout) {}
