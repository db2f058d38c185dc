package uk.crossline.alerts;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How webhooks are accepted and delivered.
 *
 * @param allowLocalHttp whether a webhook may be plain {@code http} to 127.0.0.1 or localhost
 *     (local runs and tests); every other webhook is {@code https}
 * @param initialBackoff the wait after the first failed attempt; each later wait doubles
 * @param maxBackoff the longest wait between two attempts
 * @param giveUpAfter how long after the alert was handed to delivery the last attempt is made; then
 *     it is given up and the subscription shows it
 * @param timeout how long one POST may take, connection included
 * @param tick how often the delivery worker looks for attempts that are due
 * @param groupId the consumer group whose members share out the deliveries topic's partitions
 * @param deliver whether this instance posts webhooks at all (tests that share a broker switch it
 *     off, so that only the webhook tests' own instance posts to their receivers)
 * @param secretOverlap how long a rotated-out secret is still signed with, so the receiver can
 *     switch to the new one without refusing genuine alerts; also the longest overlap a subscriber
 *     may ask for (a shorter one, down to none, on request)
 * @param keepDeliveriesFor how long a settled delivery (delivered or given up) is kept on the
 *     deliveries topic after it settled; then its owner writes a tombstone so the topic does not
 *     grow without end
 * @param retentionSweep how often each instance looks for settled deliveries older than that
 */
@ConfigurationProperties("crossline.alerts.webhook")
public record WebhookSettings(
    @DefaultValue("false") boolean allowLocalHttp,
    @DefaultValue("10s") Duration initialBackoff,
    @DefaultValue("10m") Duration maxBackoff,
    @DefaultValue("24h") Duration giveUpAfter,
    @DefaultValue("10s") Duration timeout,
    @DefaultValue("500ms") Duration tick,
    @DefaultValue("crossline-alerts-webhooks") String groupId,
    @DefaultValue("true") boolean deliver,
    @DefaultValue("24h") Duration secretOverlap,
    @DefaultValue("30d") Duration keepDeliveriesFor,
    @DefaultValue("10m") Duration retentionSweep) {}
