package io.linnet.bench.chat;

import tools.jackson.databind.JsonNode;

/** What a scenario does with the frames its clients receive; called on the connection's event loop. */
interface FrameListener {

    /**
     * A frame other than {@code ready} and {@code pong}.
     *
     * @param receivedNanos {@link System#nanoTime()} when the frame was read off the socket
     */
    void onFrame(ChatConnection connection, JsonNode frame, long receivedNanos);

    /** The socket closed without the benchmark closing it; {@code code} is the server's close code, 0 if none came. */
    default void onClosed(ChatConnection connection, int code) {
    }
}
