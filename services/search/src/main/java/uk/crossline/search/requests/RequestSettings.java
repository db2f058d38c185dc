package uk.crossline.search.requests;

import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of hit / no-hit and access requests.
 *
 * @param matchRefSecret the AES key (base64, 32 bytes) that seals match references; every search
 *     instance must share it. Unset: a published demo key, for local runs only
 * @param matchRefLifetime how long a match reference can be used to ask for access
 * @param topicWait how long a call waits for its own request or decision to come back from the
 *     topic before answering 503
 */
@ConfigurationProperties("crossline.search.requests")
record RequestSettings(
    Optional<String> matchRefSecret,
    @DefaultValue("1h") Duration matchRefLifetime,
    @DefaultValue("10s") Duration topicWait) {}
