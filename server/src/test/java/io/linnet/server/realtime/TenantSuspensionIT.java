package io.linnet.server.realtime;

import io.linnet.server.messaging.MessagingApp;
import io.linnet.server.support.ServerIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Suspending or deleting a tenant stops its live traffic at once: every socket of its users closes
 * with 4003 and their tokens open no new one (4001) until it is resumed; other tenants' sockets stay.
 */
class TenantSuspensionIT extends ServerIT {

    private Chat stopped;
    private Chat other;

    @BeforeEach
    void twoTenants() {
        stopped = new Chat(MessagingApp.create(api(), fixtures(), "Stopped Tenant"));
        stopped.app().users("ann", "ben");
        other = new Chat(MessagingApp.create(api(), fixtures(), "Other Tenant"));
        other.app().users("cat");
    }

    @AfterEach
    void disconnect() {
        stopped.close();
        other.close();
    }

    @Test
    void suspending_a_tenant_closes_its_sockets_refuses_its_tokens_and_a_resume_lets_them_back_in() {
        String direct = stopped.app().direct("ann", "ben");
        ChatClient ann = stopped.device("ann");
        ChatClient ben = stopped.device("ben");
        ChatClient cat = other.device("cat");
        String annToken = stopped.token("ann");
        URI gateway = gatewayOf(stopped);
        ann.say(direct, "before", "hello");

        suspend(stopped);

        assertThat(ann.closeCode()).isEqualTo(4003);
        assertThat(ben.closeCode()).isEqualTo(4003);
        cat.send(Map.of("type", "ping", "ref", "still-here"));
        assertThat(cat.next("pong").get("ref").asString()).isEqualTo("still-here");
        assertThat(cat.isClosed()).isFalse();

        ChatClient refused = ChatClient.connectAnonymously(gateway);
        refused.send(Map.of("type", "auth", "token", annToken));
        assertThat(refused.closeCode()).isEqualTo(4001);

        operator().post("/ops/v1/tenants/" + stopped.app().owner().tenantId() + "/resume", null);

        try (ChatClient back = ChatClient.connect(gateway, annToken)) {
            assertThat(back.say(direct, "after", "back again").get("seq").asLong()).isEqualTo(2);
        }
    }

    @Test
    void a_deleted_tenants_tokens_open_no_socket() {
        ChatClient ann = stopped.device("ann");
        String annToken = stopped.token("ann");
        URI gateway = gatewayOf(stopped);

        suspend(stopped);
        assertThat(ann.closeCode()).isEqualTo(4003);
        assertThat(operator().delete("/ops/v1/tenants/" + stopped.app().owner().tenantId()).status()).isEqualTo(204);

        ChatClient refused = ChatClient.connectAnonymously(URI.create(gateway + "?token=" + annToken));
        assertThat(refused.closeCode()).isEqualTo(4001);
    }

    private void suspend(Chat chat) {
        assertThat(operator().post("/ops/v1/tenants/" + chat.app().owner().tenantId() + "/suspend", null).status()).isEqualTo(200);
    }

    private static URI gatewayOf(Chat chat) {
        return URI.create(chat.mint("ann").json().get("websocketUrl").asString());
    }
}
