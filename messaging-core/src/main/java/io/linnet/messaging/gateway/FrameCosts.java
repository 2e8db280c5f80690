package io.linnet.messaging.gateway;

/**
 * What each client frame costs from its connection's frame budget (docs/realtime.md, "Budgets"):
 * about one unit per database or Redis round trip it causes, so that nothing a client can send is
 * free. A {@code sync} pays up front for its queries and afterwards for the messages it returned;
 * a {@code presence} query for the users it names.
 */
final class FrameCosts {

    /** A frame that could not be read (not JSON, unknown type, bad field): refused, but counted. */
    static final double UNREADABLE = 1;
    /** A sync's listing of the user's conversations. */
    static final double SYNC_BASE = 10;
    /** Per conversation a sync reads the gap of. */
    static final double SYNC_PER_CONVERSATION = 1;
    /** Per message frame a sync returned, charged after it ran. */
    static final double SYNC_PER_MESSAGE = 0.05;
    /** Per user a presence query names (a batch of 10 costs one unit). */
    static final double PRESENCE_PER_USER = 0.1;

    private FrameCosts() {
    }

    /** The cost taken before a frame is handled. */
    static double upFront(ClientFrame frame) {
        return switch (frame) {
            case ClientFrame.Ping ping -> 1;
            case ClientFrame.Typing typing -> 1;
            case ClientFrame.Read read -> 1;
            case ClientFrame.Send send -> 1;
            case ClientFrame.Recall recall -> 1;
            case ClientFrame.ReadCount count -> 2;
            case ClientFrame.Report report -> 5;
            case ClientFrame.Presence presence -> 1 + Math.ceil(presence.userIds().size() * PRESENCE_PER_USER);
            case ClientFrame.Sync sync -> SYNC_BASE + sync.conversations().size() * SYNC_PER_CONVERSATION;
            // authenticating is bounded otherwise: once per connection, within the auth timeout
            case ClientFrame.Auth auth -> 0;
        };
    }

    /** Whether a frame also draws on the connection's sends per second (it writes, or makes others' devices write). */
    static boolean isWrite(ClientFrame frame) {
        return frame instanceof ClientFrame.Send || frame instanceof ClientFrame.Read || frame instanceof ClientFrame.Typing
                || frame instanceof ClientFrame.Recall || frame instanceof ClientFrame.Report;
    }
}
