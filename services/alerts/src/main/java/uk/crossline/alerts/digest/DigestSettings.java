package uk.crossline.alerts.digest;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When digests are made.
 *
 * @param dailyAt the local time of day the daily digests are due, before a working day starts
 * @param zone the zone of {@code dailyAt}: the partnership's, so the digest comes at the same
 *     wall-clock time in summer and winter
 * @param tick how often this instance looks for digests that are due
 * @param grace how long after its due time a digest is made, so that an alert matched in the last
 *     moments of its period (on this instance or another) has landed in the inbox first
 */
@ConfigurationProperties("crossline.alerts.digest")
record DigestSettings(
    @DefaultValue("07:00") LocalTime dailyAt,
    @DefaultValue("Europe/London") ZoneId zone,
    @DefaultValue("15s") Duration tick,
    @DefaultValue("10s") Duration grace) {}
