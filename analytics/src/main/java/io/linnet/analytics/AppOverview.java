package io.linnet.analytics;

import io.linnet.tenancy.AppId;

/**
 * An app's headline numbers, as of now (UTC days): what the console's overview cards show.
 *
 * @param activeToday           distinct end users who connected or sent today
 * @param activeThisMonth       distinct end users active in the calendar month so far
 * @param activeLast30Days      distinct end users active in the last 30 days, today included
 * @param peakConnectionsToday  the most connections open at once today, over all nodes
 */
public record AppOverview(AppId appId, long activeToday, long activeThisMonth, long activeLast30Days,
                          long messagesToday, long messagesYesterday, long deliveriesToday, long peakConnectionsToday,
                          long apiCallsToday, long apiErrorsToday) {
}
