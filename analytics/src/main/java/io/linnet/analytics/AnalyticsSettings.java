package io.linnet.analytics;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of analytics, bound to {@code linnet.analytics.*}.
 *
 * @param metering          whether this node counts at all (off: nothing is counted or written, for
 *                          measuring what counting costs)
 * @param flushInterval     how often a node adds what it counted to the database: the most a node that
 *                          dies loses, and how far the numbers shown may lag
 * @param hourlyRetention   how long hourly rows are kept
 * @param dailyRetention    how long daily rows, and the active users of each day, are kept
 * @param retentionInterval how often old rows are removed
 */
@ConfigurationProperties("linnet.analytics")
public record AnalyticsSettings(
        @DefaultValue("true") boolean metering,
        @DefaultValue("PT5S") Duration flushInterval,
        @DefaultValue("P90D") Duration hourlyRetention,
        @DefaultValue("P762D") Duration dailyRetention,
        @DefaultValue("PT1H") Duration retentionInterval) {

    public AnalyticsSettings {
        if (flushInterval.isNegative() || flushInterval.isZero() || flushInterval.compareTo(Duration.ofSeconds(5)) > 0) {
            throw new IllegalArgumentException("linnet.analytics.flush-interval must be more than 0 and at most 5 s");
        }
        if (hourlyRetention.compareTo(Duration.ofDays(2)) < 0 || dailyRetention.compareTo(Duration.ofDays(62)) < 0) {
            throw new IllegalArgumentException("linnet.analytics: keep hourly rows at least 2 days and daily rows at least 62 days");
        }
    }
}
