package io.linnet.messaging;

import io.linnet.tenancy.AppRef;

/**
 * The port through which the tenant's plan admits WebSocket connections (implemented by billing): how
 * many an app may have open at once over all nodes (the newest past that is closed with
 * {@code 4030}), and, on plans with a hard quota, whether an end user who is not yet active this month
 * may become one (refused with an {@code error} frame {@code quota_exceeded} and close code
 * {@code 4031}).
 */
public interface ConnectionAllowance {

    /** No limits: for a platform that bills nobody, and for tests of the gateway alone. */
    ConnectionAllowance NONE = new ConnectionAllowance() {
        @Override
        public int maxConnections(AppRef app) {
            return Integer.MAX_VALUE;
        }

        @Override
        public void admitConnection(AppRef app, UserId user) {
        }
    };

    /** The most connections the app may have open at once, over all nodes. */
    int maxConnections(AppRef app);

    /** Admits a connecting end user, or throws {@link io.linnet.tenancy.LimitExceeded}. */
    void admitConnection(AppRef app, UserId user);
}
