package io.linnet.messaging;

import java.net.URI;

/** Where end users' clients open their real-time connection (the WebSocket gateway). */
public interface GatewayAddress {

    URI websocketUrl();
}
