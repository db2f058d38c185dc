package uk.crossline.alerts.stream;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The live stream's settings.
 *
 * @param heartbeat how often a comment is sent when there is nothing to say, so proxies and load
 *     balancers keep the connection open
 * @param maxDuration how long one connection lasts; then it ends and the browser reconnects with
 *     its last event id (a bound on a connection held by a token that has since expired)
 * @param reconnect the reconnection time the stream asks the browser for ({@code retry:})
 * @param backlog how many alerts may wait for a slow client; beyond it the connection ends and the
 *     client resumes from its last event id, so nothing is lost and memory stays bounded
 */
@ConfigurationProperties("crossline.alerts.stream")
record StreamSettings(
    @DefaultValue("15s") Duration heartbeat,
    @DefaultValue("30m") Duration maxDuration,
    @DefaultValue("3s") Duration reconnect,
    @DefaultValue("1000") int backlog) {}
