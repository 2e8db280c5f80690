package io.linnet.server.realtime;

import io.linnet.server.messaging.MessagingApp;
import io.linnet.server.moderation.Moderation;
import io.linnet.server.support.Api;
import io.linnet.server.support.ServerIT;
import io.linnet.server.support.ServerJar;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two server processes sharing PostgreSQL and Redis: the test's server and the packaged jar
 * started beside it. Clients on different nodes chat, see each other's presence and are signed
 * out across nodes (a user, or a whole suspended tenant); the second node also runs with tight limits (a 1 s heartbeat, two connections
 * per user, 64 KiB waiting for a client, 3 s presence claims), and is finally killed to show that
 * it leaves no ghost presence.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RealtimeTwoNodesIT extends ServerIT {

    private static ServerJar second;

    @Autowired
    ApplicationContext context;

    private Chat chat;

    @BeforeEach
    void startTheSecondNodeOnce() throws Exception {
        if (second == null) {
            second = SecondNode.start(context, List.of(
                    "--linnet.gateway.heartbeat=PT1S",
                    "--linnet.gateway.presence-ttl=PT3S",
                    "--linnet.gateway.max-connections-per-user=2",
                    "--linnet.gateway.max-outbound-bytes=65536"));
        }
        chat = new Chat(MessagingApp.create(api(), fixtures(), "Two Nodes"));
        chat.app().users("ann", "ben", "cat", "eve");
    }

    @AfterEach
    void disconnect() {
        chat.close();
    }

    @AfterAll
    static void stopTheSecondNode() {
        if (second != null) {
            second.close();
            second = null;
        }
    }

    /** A device of {@code user} connected to the second node. */
    private ChatClient onSecondNode(String user) {
        return ChatClient.connect(second.gateway(), chat.token(user));
    }

    /**
     * Pings from {@code clients} every 300 ms until closed: the second node's heartbeat is 1 s, and a client
     * that only listens would be closed as idle on a busy machine before the test is done with it.
     */
    private static AutoCloseable keptAlive(ChatClient... clients) {
        ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor();
        pinger.scheduleAtFixedRate(() -> {
            for (ChatClient client : clients) {
                try {
                    client.sendText("{\"type\":\"ping\"}");
                } catch (RuntimeException closed) {
                    // closed on purpose by the test, or by the server: nothing left to keep alive
                }
            }
        }, 0, 300, TimeUnit.MILLISECONDS);
        return pinger::shutdownNow;
    }

    @Test
    @Order(1)
    void clients_on_different_nodes_chat_in_real_time_on_every_device() {
        String direct = chat.app().direct("ann", "ben");
        ChatClient ann = chat.device("ann");
        ChatClient benLaptop = chat.device("ben");
        try (ChatClient benPhone = onSecondNode("ben")) {
            ann.say(direct, "a-1", "hello, other node");
            benPhone.say(direct, "b-1", "hello back");

            for (ChatClient device : List.of(ann, benLaptop, benPhone)) {
                assertThat(device.messages(direct, 2)).extracting(message -> message.at("/body/text").asString())
                        .containsExactly("hello, other node", "hello back");
            }
        }
    }

    @Test
    @Order(2)
    void a_group_split_across_nodes_receives_concurrent_senders_in_seq_order() throws Exception {
        String group = chat.app().group("Split", "ann", "ben", "cat");
        ChatClient ann = chat.device("ann");
        try (ChatClient ben = onSecondNode("ben"); ChatClient cat = onSecondNode("cat"); AutoCloseable pinging = keptAlive(ben)) {
            int each = 25;
            try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> sending = new ArrayList<>();
                for (ChatClient sender : List.of(ann, cat)) {
                    sending.add(senders.submit(() -> {
                        for (int i = 0; i < each; i++) {
                            sender.say(group, sender.hashCode() + "-" + i, "message " + i);
                        }
                        return null;
                    }));
                }
                for (Future<?> one : sending) {
                    one.get();
                }
            }
            List<Long> expected = LongStream.rangeClosed(1, 2L * each).boxed().toList();
            for (ChatClient device : List.of(ann, ben, cat)) {
                assertThat(device.messages(group, 2 * each)).extracting(message -> message.get("seq").asLong())
                        .containsExactlyElementsOf(expected);
            }
        }
    }

    @Test
    @Order(3)
    void presence_and_recalls_cross_nodes() {
        String direct = chat.app().direct("ann", "ben");
        ChatClient ann = chat.device("ann");
        ChatClient ben = onSecondNode("ben");

        JsonNode online = ann.next("presence");
        assertThat(online.get("userId").asString()).isEqualTo("ben");
        assertThat(online.get("status").asString()).isEqualTo("online");

        String messageId = ben.say(direct, "r-1", "take this back").get("messageId").asString();
        ben.send(Map.of("type", "recall", "messageId", messageId));
        assertThat(ann.next("recalled").get("messageId").asString()).isEqualTo(messageId);

        ben.close();
        JsonNode offline = ann.next("presence");
        assertThat(offline.get("status").asString()).isEqualTo("offline");
    }

    @Test
    @Order(4)
    void revoking_a_users_tokens_on_one_node_closes_their_socket_on_the_other() {
        try (ChatClient ben = onSecondNode("ben")) {
            assertThat(chat.app().client().post("/v1/users/ben/tokens/revoke", Map.of()).status()).isEqualTo(204);

            assertThat(ben.closeCode()).isEqualTo(4003);
        }
    }

    @Test
    @Order(5)
    void a_client_that_stops_sending_heartbeats_is_closed_as_idle() {
        try (ChatClient quiet = onSecondNode("cat")) {
            assertThat(quiet.seen().getFirst().get("heartbeatSeconds").asInt()).isEqualTo(1);

            assertThat(quiet.closeCode()).isEqualTo(4002);
        }
    }

    @Test
    @Order(6)
    void a_user_may_hold_only_so_many_connections_across_the_cluster() {
        ChatClient first = chat.device("eve");
        try (ChatClient second = onSecondNode("eve"); ChatClient third = ChatClient.connectAnonymously(RealtimeTwoNodesIT.second.gateway())) {
            third.send(Map.of("type", "auth", "token", chat.token("eve")));

            assertThat(third.closeCode()).isEqualTo(4029);
            assertThat(first.isClosed()).isFalse();
            assertThat(second.isClosed()).isFalse();
        }
    }

    @Test
    @Order(7)
    void a_client_that_does_not_read_is_disconnected_instead_of_growing_the_servers_memory() throws Exception {
        String direct = chat.app().direct("ann", "cat");
        try (Socket stalled = new Socket()) {
            stalled.setReceiveBufferSize(4096);
            stalled.connect(new InetSocketAddress("localhost", second.gateway().getPort()));
            URI gateway = second.gateway();
            stalled.getOutputStream().write(("GET " + gateway.getPath() + "?token=" + chat.token("cat") + " HTTP/1.1\r\n"
                    + "Host: localhost:" + gateway.getPort() + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] switching = stalled.getInputStream().readNBytes(12);
            assertThat(new String(switching, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 101");

            // the stalled client keeps pinging (so it is not idle) but reads nothing, while about 6 MB of
            // messages come its way: far past the node's 64 KiB outbound limit and the sockets' buffers
            OutputStream out = stalled.getOutputStream();
            byte[] ping = "{\"type\":\"ping\"}".getBytes(StandardCharsets.US_ASCII);
            // a masked text frame, as clients must send: FIN + text, mask bit + length, then the mask key
            byte[] maskedPing = {(byte) 0x81, (byte) (0x80 | ping.length), 1, 2, 3, 4};
            ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor();
            pinger.scheduleAtFixedRate(() -> {
                try {
                    byte[] frame = new byte[maskedPing.length + ping.length];
                    System.arraycopy(maskedPing, 0, frame, 0, maskedPing.length);
                    for (int i = 0; i < ping.length; i++) {
                        frame[maskedPing.length + i] = (byte) (ping[i] ^ maskedPing[2 + i % 4]);
                    }
                    out.write(frame);
                } catch (IOException closed) {
                    // the server let it go
                }
            }, 0, 300, TimeUnit.MILLISECONDS);
            String filler = "x".repeat(7_900);
            int messages = 750;
            try (ExecutorService backend = Executors.newFixedThreadPool(8)) {
                List<Future<?>> sends = new ArrayList<>();
                for (int i = 0; i < messages; i++) {
                    int n = i;
                    sends.add(backend.submit(() -> chat.app().client().post("/v1/conversations/" + direct + "/messages",
                            Map.of("senderId", "ann", "clientMsgId", "flood-" + n,
                                    "body", Map.of("type", "custom", "data", Map.of("filler", filler))))));
                }
                for (Future<?> send : sends) {
                    send.get();
                }
            }

            ChatClient ann = chat.device("ann");
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                ann.send(Map.of("type", "presence", "userIds", List.of("cat")));
                assertThat(ann.next("presence").get("status").asString()).as("the stalled client was let go").isEqualTo("offline");
            });
            stalled.setSoTimeout(10_000);
            long received = 0;
            try (InputStream in = stalled.getInputStream()) {
                byte[] buffer = new byte[65536];
                for (int read; (read = in.read(buffer)) > 0; ) {
                    received += read;
                }
            } catch (SocketException reset) {
                // closed under it: just as good
            }
            pinger.shutdownNow();
            assertThat(received).as("what reached the stalled client before it was cut off").isLessThan(messages * 7_900L);
        }
    }

    @Test
    @Order(8)
    void a_mute_and_a_ban_decided_on_one_node_hold_at_once_on_the_other() {
        Moderation moderation = Moderation.of(chat.app());
        String direct = chat.app().direct("ann", "ben");
        ChatClient ben = onSecondNode("ben");
        Api.Client secondNodeApi = second.api().bearer(second.api().accessToken(chat.app().key().keyId(), chat.app().key().secret()));
        assertThat(ben.say(direct, "b-1", "before").get("seq").asLong()).isEqualTo(1);

        JsonNode mute = moderation.mute("ben", direct, null, "cool off");
        ben.send(Map.of("type", "send", "ref", "m", "clientMsgId", "b-2", "conversationId", direct,
                "body", Map.of("type", "text", "text", "muted?")));
        assertThat(ben.next("error").get("code").asString()).isEqualTo("user_muted");
        moderation.lift(mute.get("id").asString(), "ok");
        assertThat(ben.say(direct, "b-3", "unmuted").get("seq").asLong()).isEqualTo(2);

        moderation.ban("ben", "spam");
        assertThat(ben.closeCode()).isEqualTo(4003);
        secondNodeApi.post("/v1/conversations/" + direct + "/messages", Map.of("senderId", "ben", "clientMsgId", "b-4",
                "body", Map.of("type", "text", "text", "over REST"))).assertProblem(403, "user_banned");
        ChatClient again = ChatClient.connectAnonymously(second.gateway());
        again.send(Map.of("type", "auth", "token", chat.token("ben")));
        assertThat(again.closeCode()).isEqualTo(4001);
    }

    @Test
    @Order(9)
    void suspending_a_tenant_on_one_node_closes_its_sockets_on_the_other() throws Exception {
        Chat bystander = new Chat(MessagingApp.create(api(), fixtures(), "Two Nodes Bystander"));
        bystander.app().users("dan");
        try (ChatClient ben = onSecondNode("ben");
             ChatClient dan = ChatClient.connect(second.gateway(), bystander.token("dan"));
             AutoCloseable pinging = keptAlive(ben, dan)) {
            String tenant = chat.app().owner().tenantId();
            assertThat(operator().post("/ops/v1/tenants/" + tenant + "/suspend", null).status()).isEqualTo(200);

            assertThat(ben.closeCode()).isEqualTo(4003);
            dan.send(Map.of("type", "ping", "ref", "still-here"));
            assertThat(dan.next(frame -> "still-here".equals(frame.path("ref").asString(null))).get("type").asString())
                    .isEqualTo("pong");
        } finally {
            bystander.close();
        }
    }

    @Test
    @Order(10)
    void a_node_that_dies_leaves_no_ghost_presence_beyond_its_claims_lifetime() throws Exception {
        ChatClient ann = chat.device("ann");
        ChatClient ben = onSecondNode("ben");
        ann.send(Map.of("type", "presence", "userIds", List.of("ben")));
        assertThat(ann.next("presence").get("status").asString()).isEqualTo("online");

        second.kill();
        assertThat(ben.closeCode()).as("the socket dies with the process").isNotZero();

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            ann.send(Map.of("type", "presence", "userIds", List.of("ben")));
            assertThat(ann.next("presence").get("status").asString()).isEqualTo("offline");
        });
    }
}
