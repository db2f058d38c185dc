package uk.crossline.search.access;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How search decides between the two forms of the access filters.
 *
 * @param checkEvery how often to check that every live document bears the access policy's stamps
 * @param useStamps false to read the fields always, whatever the projection holds
 */
@ConfigurationProperties("crossline.search.reach")
record ReachSettings(
    @DefaultValue("10s") Duration checkEvery, @DefaultValue("true") boolean useStamps) {}
