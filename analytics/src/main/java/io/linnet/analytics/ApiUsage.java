package io.linnet.analytics;

import io.linnet.tenancy.AppCaller;

/**
 * Told of every developer API call made with an app key, once it is answered: the server's web
 * layer calls it, analytics counts calls and their 4xx and 5xx answers per app and key.
 */
public interface ApiUsage {

    /** Counts one call of {@code caller} answered with {@code status}; only counts, in memory, and never throws. */
    void answered(AppCaller caller, int status);
}
