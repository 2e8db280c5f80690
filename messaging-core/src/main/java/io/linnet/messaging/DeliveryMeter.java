package io.linnet.messaging;

import io.linnet.tenancy.AppRef;

/**
 * Told, on each node, how many devices each live message reached there: the real-time gateway calls
 * it once per message and node as it writes the message to the sockets it holds (the sender's other
 * devices included). Analytics implements it; called on the gateway's delivery path, so it must
 * only count, in memory, and never throw.
 */
public interface DeliveryMeter {

    /** Counts nothing: for a deployment without analytics. */
    DeliveryMeter NONE = (app, devices) -> {
    };

    void delivered(AppRef app, int devices);
}
