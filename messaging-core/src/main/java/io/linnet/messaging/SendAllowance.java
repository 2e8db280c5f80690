package io.linnet.messaging;

import io.linnet.tenancy.AppRef;

/**
 * The port through which the tenant's plan admits every send before it is stored, over the WebSocket
 * or the REST API (implemented by billing): the sender's sends per second and, on plans with a hard
 * quota, the period's messages and monthly active users. A refusal is an
 * {@link io.linnet.tenancy.LimitExceeded}; nothing is stored. An admitted send that ends up not
 * stored (refused later, or a retry answered by the original) gives its place back.
 */
public interface SendAllowance {

    SendAllowance NONE = (app, sender) -> Admission.FREE;

    Admission admit(AppRef app, UserId sender);

    /** An admitted send. */
    interface Admission {

        Admission FREE = () -> {
        };

        /** The send stored nothing new: what it took of a quota is given back. */
        void notStored();
    }
}
