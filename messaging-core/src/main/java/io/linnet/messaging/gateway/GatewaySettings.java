package io.linnet.messaging.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of the real-time gateway, bound to {@code linnet.gateway.*}.
 *
 * @param port                  the WebSocket port (0: any free one, for tests)
 * @param host                  the address to listen on
 * @param publicUrl             the URL clients are told to connect to; empty: {@code ws://<public host>:<port>/v1/ws}
 * @param heartbeat             how often clients should ping; a connection silent for twice this long is closed
 * @param handshakeTimeout      how long a new socket may take to finish its WebSocket upgrade (a partial request, or none, is dropped)
 * @param authTimeout           how long a new connection may take to authenticate once upgraded
 * @param maxConnections        the most sockets the gateway holds at once, authenticated or not (lowered at start to leave
 *                              {@value #RESERVED_FILES} of the process's open files to HTTP, JDBC, Redis and the rest)
 * @param maxUnauthenticatedPerAddress how many sockets one remote address may hold before they authenticate
 * @param frameBudget           the units of frame budget a connection earns per second (a burst of twice that); what each
 *                              frame type costs is in docs/realtime.md
 * @param maxFrameBytes         the largest frame a client may send
 * @param sendsPerSecond        how many sends (and other writes: reads, typing, recalls) a connection may make per second
 * @param maxConnectionsPerUser how many connections one user may hold at once, across all nodes
 * @param maxOutboundBytes      how many bytes may wait to be written to a connection before it counts as too slow
 * @param presenceTtl           how long a node's claim that a user is connected lasts unless renewed (a dead node's claims lapse)
 * @param reorderWindow         how long a message that overtook an earlier one waits before the gap is read from the database
 * @param liveEventMemberLimit  receipts and typing go to every member only in conversations up to this size
 * @param maxRefusedInARow      how many refused frames in a row close a connection as abusive
 * @param eventLoopThreads      Netty's I/O threads (0: two per core)
 */
@ConfigurationProperties("linnet.gateway")
public record GatewaySettings(
        @DefaultValue("8081") int port,
        @DefaultValue("0.0.0.0") String host,
        @DefaultValue("") String publicUrl,
        @DefaultValue("PT30S") Duration heartbeat,
        @DefaultValue("PT5S") Duration handshakeTimeout,
        @DefaultValue("PT10S") Duration authTimeout,
        @DefaultValue("19500") int maxConnections,
        @DefaultValue("256") int maxUnauthenticatedPerAddress,
        @DefaultValue("100") int frameBudget,
        @DefaultValue("65536") int maxFrameBytes,
        @DefaultValue("20") int sendsPerSecond,
        @DefaultValue("10") int maxConnectionsPerUser,
        @DefaultValue("1048576") int maxOutboundBytes,
        @DefaultValue("PT60S") Duration presenceTtl,
        @DefaultValue("PT0.1S") Duration reorderWindow,
        @DefaultValue("200") int liveEventMemberLimit,
        @DefaultValue("20") int maxRefusedInARow,
        @DefaultValue("0") int eventLoopThreads) {

    /** Open files kept for the rest of the server when the process's limit is below {@code maxConnections} plus this. */
    public static final int RESERVED_FILES = 500;
}
