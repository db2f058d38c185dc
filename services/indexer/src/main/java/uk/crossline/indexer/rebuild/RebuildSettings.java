package uk.crossline.indexer.rebuild;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a rebuild runs.
 *
 * @param heartbeat how often the running rebuild renews the state document, so other instances can
 *     tell it is alive
 * @param abandonedAfter how old the state document of a rebuild may grow before another rebuild may
 *     take over (its instance died); far longer than the heartbeat
 * @param pollTimeout how long one read of the topic waits for records
 * @param giveUpAfter how long Elasticsearch may stay unable to take a batch before the rebuild
 *     fails and is rolled back
 */
@ConfigurationProperties("crossline.indexer.rebuild")
record RebuildSettings(
    @DefaultValue("5s") Duration heartbeat,
    @DefaultValue("2m") Duration abandonedAfter,
    @DefaultValue("500ms") Duration pollTimeout,
    @DefaultValue("2m") Duration giveUpAfter) {}
