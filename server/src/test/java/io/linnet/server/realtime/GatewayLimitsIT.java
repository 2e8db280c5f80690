package io.linnet.server.realtime;

import io.linnet.server.messaging.MessagingApp;
import io.linnet.server.support.ServerIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What keeps one client from holding the gateway: sockets that never finish their upgrade are
 * dropped, one address holds only so many unauthenticated ones, every frame type is paid for from
 * a budget, a connection is one user for its whole life and no longer than its token.
 */
class GatewayLimitsIT extends ServerIT {

    @Value("${linnet.gateway.max-unauthenticated-per-address}")
    int maxUnauthenticatedPerAddress;

    private Chat chat;
    private URI gateway;
    private final List<Socket> sockets = new ArrayList<>();

    @BeforeEach
    void anApp() {
        chat = new Chat(MessagingApp.create(api(), fixtures(), "Gateway Limits"));
        chat.app().users("alice", "bob");
        gateway = URI.create(chat.mint("alice").json().get("websocketUrl").asString());
    }

    @AfterEach
    void disconnect() throws IOException {
        chat.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    @Test
    void a_socket_that_sends_nothing_is_dropped_after_the_handshake_timeout() throws IOException {
        Socket silent = rawSocket(InetAddress.getLoopbackAddress());

        awaitClosedByServer(silent);
    }

    @Test
    void a_socket_that_sends_half_a_request_line_is_dropped_after_the_handshake_timeout() throws IOException {
        Socket partial = rawSocket(InetAddress.getLoopbackAddress());
        partial.getOutputStream().write("GET /v1/ws?tok".getBytes(StandardCharsets.US_ASCII));
        partial.getOutputStream().flush();

        awaitClosedByServer(partial);
    }

    @Test
    void one_address_holds_only_so_many_unauthenticated_sockets_while_others_still_connect() throws IOException {
        // an address of its own, so that no other test's clients count against it
        InetAddress crowded = InetAddress.getByName("127.0.0.77");
        List<Socket> held = new ArrayList<>();
        for (int i = 0; i < maxUnauthenticatedPerAddress; i++) {
            held.add(rawSocket(crowded));
        }
        // every one upgrades (and so surely holds its place) but none authenticates; all requests go out before any
        // answer is read, well within the handshake and auth timeouts
        for (Socket socket : held) {
            requestUpgrade(socket);
        }
        for (Socket socket : held) {
            assertThat(upgradeAnswer(socket)).isEqualTo("HTTP/1.1 101");
        }

        Socket oneTooMany = rawSocket(crowded);
        assertThat(upgrade(oneTooMany)).as("the socket over the limit is closed unanswered").isEmpty();

        try (ChatClient elsewhere = chat.device("alice")) {
            assertThat(elsewhere.isClosed()).isFalse();
        }

        held.getFirst().close();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(upgrade(rawSocket(crowded))).isEqualTo("HTTP/1.1 101"));
    }

    @Test
    void a_socket_with_a_token_in_its_url_stays_that_user_when_it_sends_an_auth_frame_for_another() {
        String direct = chat.app().direct("alice", "bob");
        try (ChatClient both = ChatClient.connectAnonymously(URI.create(gateway + "?token=" + chat.token("alice")))) {
            both.send(Map.of("type", "auth", "ref", "as-bob", "token", chat.token("bob")));
            both.send(Map.of("type", "ping", "ref", "after"));

            JsonNode refused = both.next(frame -> "as-bob".equals(frame.path("ref").asString(null)));
            assertThat(refused.get("code").asString()).isEqualTo("invalid_request");
            both.next(frame -> "after".equals(frame.path("ref").asString(null)));
            assertThat(both.seen()).filteredOn(frame -> frame.get("type").asString().equals("ready"))
                    .singleElement().satisfies(ready -> assertThat(ready.get("userId").asString()).isEqualTo("alice"));
            both.say(direct, "one", "who am I?");
            assertThat(both.next("message").get("senderId").asString()).isEqualTo("alice");
        }
    }

    @Test
    void presence_and_sync_floods_are_refused_with_a_retry_time() {
        ChatClient alice = chat.device("alice");
        List<String> manyUsers = IntStream.range(0, 200).mapToObj(i -> "user-" + i).toList();

        for (int i = 0; i < 30; i++) {
            alice.send(Map.of("type", "presence", "ref", "p" + i, "userIds", manyUsers));
        }
        JsonNode limited = alice.next("error");
        assertThat(limited.get("code").asString()).isEqualTo("rate_limited");
        assertThat(limited.get("retryAfterMs").asLong()).isPositive();

        ChatClient bob = chat.device("bob");
        for (int i = 0; i < 60; i++) {
            bob.send(Map.of("type", "sync", "ref", "s" + i));
        }
        assertThat(bob.next("error").get("code").asString()).isEqualTo("rate_limited");
    }

    @Test
    void a_socket_is_closed_when_its_token_expires() {
        String shortLived = chat.app().client().post("/v1/users/alice/tokens", Map.of("ttlSeconds", 5)).json().get("token").asString();
        try (ChatClient alice = ChatClient.connect(gateway, shortLived)) {
            assertThat(alice.seen().getFirst().get("tokenExpiresAt").asString()).isNotBlank();
            // pings keep it from counting as idle until then
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
                if (!alice.isClosed()) {
                    alice.sendText("{\"type\":\"ping\"}");
                }
                return alice.isClosed();
            });
            assertThat(alice.closeCode()).isEqualTo(4001);
        }
    }

    private Socket rawSocket(InetAddress from) throws IOException {
        Socket socket = new Socket();
        sockets.add(socket);
        socket.bind(new InetSocketAddress(from, 0));
        socket.connect(new InetSocketAddress("localhost", gatewayPort()));
        return socket;
    }

    private int gatewayPort() {
        return gateway.getPort();
    }

    /** Sends a WebSocket upgrade and answers the start of the response; empty when the server closed the socket instead. */
    private static String upgrade(Socket socket) throws IOException {
        try {
            requestUpgrade(socket);
        } catch (SocketException reset) {
            return "";
        }
        return upgradeAnswer(socket);
    }

    private static void requestUpgrade(Socket socket) throws IOException {
        socket.getOutputStream().write(("GET /v1/ws HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    private static String upgradeAnswer(Socket socket) throws IOException {
        socket.setSoTimeout(10_000);
        try {
            return new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
        } catch (SocketException reset) {
            return "";
        }
    }

    private static void awaitClosedByServer(Socket socket) throws IOException {
        socket.setSoTimeout(15_000);
        InputStream in = socket.getInputStream();
        int read;
        try {
            read = in.read();
        } catch (SocketException reset) {
            read = -1;
        }
        assertThat(read).as("the server closed the socket").isEqualTo(-1);
    }
}
