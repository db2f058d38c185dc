package uk.crossline.indexer;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import uk.crossline.model.Topics;

/**
 * How the indexer consumes and retries.
 *
 * @param topic the events topic (another only for fault drills on a topic of their own)
 * @param consumerGroup the consumer group of every indexer instance
 * @param concurrency consumers per instance (each takes some of the topic's partitions)
 * @param retryInitialInterval first wait after Elasticsearch could not take a batch
 * @param retryMaxInterval the longest wait between retries; retries go on until it is back
 * @param generationRefresh how old the knowledge of the live and building generations may be
 * @param pastMonthsRefresh how often the indices of months before the current one refresh: a
 *     backfill writes to many of them at once, and each refresh makes a segment to merge; the
 *     current month's index keeps the template's second
 */
@ConfigurationProperties("crossline.indexer")
public record IndexerSettings(
    @DefaultValue(Topics.INTELLIGENCE_EVENTS) String topic,
    @DefaultValue("crossline-indexer") String consumerGroup,
    @DefaultValue("2") int concurrency,
    @DefaultValue("500ms") Duration retryInitialInterval,
    @DefaultValue("30s") Duration retryMaxInterval,
    @DefaultValue("2s") Duration generationRefresh,
    @DefaultValue("5s") Duration pastMonthsRefresh) {}
