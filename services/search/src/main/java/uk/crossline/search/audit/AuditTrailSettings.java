package uk.crossline.search.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import uk.crossline.model.Topics;

/**
 * How search copies the access log into Elasticsearch and reads it back for auditors.
 *
 * @param topic the audit topic (another only for tests of unreadable records, on a topic of their
 *     own, that must never reach the shared one)
 * @param projection whether this instance copies the audit topic into the index (every instance
 *     may: they share the consumer group)
 * @param consumerGroup the consumer group of the copy, its own, apart from every other reader of
 *     the topic
 * @param concurrency consumers per instance (each takes some of the topic's partitions)
 * @param maxPollRecords the most records one batch, and so one bulk request, holds
 * @param batchWait how long the copy lets entries gather (up to 64 KB) before it writes them: one
 *     bulk and one refresh's worth of work per wait under load instead of one per search, for a
 *     view auditors read rarely and never within a second
 * @param retryInitialInterval first wait after Elasticsearch could not take a batch
 * @param retryMaxInterval the longest wait between retries; retries go on until it is back
 * @param verificationPageSize documents per page when the verification walks the index
 * @param pointInTimeKeepAlive how long the verification's point in time lives between two pages
 * @param logReadTimeout the longest the verification reads the topic before it answers 503
 */
@ConfigurationProperties("crossline.search.audit")
record AuditTrailSettings(
    @DefaultValue(Topics.AUDIT_LOG) String topic,
    @DefaultValue("true") boolean projection,
    @DefaultValue("crossline-search-audit") String consumerGroup,
    @DefaultValue("1") int concurrency,
    @DefaultValue("500") int maxPollRecords,
    @DefaultValue("500ms") Duration batchWait,
    @DefaultValue("500ms") Duration retryInitialInterval,
    @DefaultValue("30s") Duration retryMaxInterval,
    @DefaultValue("1000") int verificationPageSize,
    @DefaultValue("2m") Duration pointInTimeKeepAlive,
    @DefaultValue("2m") Duration logReadTimeout) {}
