package io.linnet.push;

import io.linnet.tenancy.AppRef;

/**
 * The port through which the tenant's plan admits a push request of the developer API before its job
 * is stored (implemented by billing): the app's pushes per second, and a hard quota on pushes. A
 * refusal is an {@link io.linnet.tenancy.LimitExceeded}; nothing is stored.
 */
public interface PushAllowance {

    PushAllowance NONE = app -> {
    };

    void admit(AppRef app);
}
