package io.linnet.billing;

import io.linnet.tenancy.AppCaller;

/**
 * The developer API's requests per second per app key, from the tenant's plan: the server asks before it
 * handles a call made with an app key, and answers 429 {@code rate_limited} with {@code Retry-After} on a
 * {@link io.linnet.tenancy.LimitExceeded}.
 */
public interface ApiRequestLimits {

    void admit(AppCaller caller);
}
