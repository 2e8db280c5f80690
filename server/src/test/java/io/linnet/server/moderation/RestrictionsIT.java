package io.linnet.server.moderation;

import io.linnet.server.messaging.MessagingApp;
import io.linnet.server.realtime.Chat;
import io.linnet.server.realtime.ChatClient;
import io.linnet.server.support.Api;
import io.linnet.server.support.ServerIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Mutes and bans: enforced at once on REST and WebSocket sends, connections and tokens; and lifted. */
class RestrictionsIT extends ServerIT {

    private Chat chat;
    private Moderation moderation;
    private String direct;
    private String group;

    @BeforeEach
    void anApp() {
        chat = new Chat(MessagingApp.create(api(), fixtures(), "Restrictions"));
        chat.app().users("ann", "ben", "cat");
        direct = chat.app().direct("ann", "ben");
        group = chat.app().group("Lounge", "ann", "ben", "cat");
        moderation = Moderation.of(chat.app());
    }

    @AfterEach
    void disconnect() {
        chat.close();
    }

    @Test
    void a_mute_in_one_conversation_stops_sends_there_only_until_it_is_lifted() {
        ChatClient ann = chat.device("ann");
        JsonNode mute = moderation.mute("ann", group, 3600L, "flooding");
        assertThat(mute.get("kind").asString()).isEqualTo("mute");
        assertThat(mute.get("expiresAt").isNull()).isFalse();

        chat.app().send(group, "ann", "g-1", "hello?").assertProblem(403, "user_muted");
        ann.send(Map.of("type", "send", "ref", "s", "clientMsgId", "g-2", "conversationId", group,
                "body", Map.of("type", "text", "text", "hello?")));
        assertThat(ann.next("error").get("code").asString()).isEqualTo("user_muted");
        assertThat(ann.say(direct, "d-1", "still fine here").get("seq").asLong()).isEqualTo(1);
        // a muted user still receives
        chat.app().sent(group, "ben", "b-1", "you are muted");
        assertThat(ann.messages(group, 1).getFirst().at("/body/text").asString()).isEqualTo("you are muted");

        moderation.lift(mute.get("id").asString(), "calmed down");
        assertThat(chat.app().sent(group, "ann", "g-3", "thanks").get("seq").asLong()).isEqualTo(2);
        JsonNode listed = moderation.member().get(moderation.path("/restrictions?active=false")).json();
        assertThat(listed.get("items").get(0).get("liftReason").asString()).isEqualTo("calmed down");
        assertThat(moderation.member().get(moderation.path("/restrictions")).json().get("items")).isEmpty();
    }

    @Test
    void a_mute_of_the_whole_app_stops_every_conversation() {
        moderation.mute("ann", null, null, "spam");

        chat.app().send(direct, "ann", "d-1", "hi").assertProblem(403, "user_muted");
        chat.app().send(group, "ann", "g-1", "hi").assertProblem(403, "user_muted");
        assertThat(chat.app().send(direct, "ben", "b-1", "hi").status()).isEqualTo(201);
    }

    @Test
    void a_ban_closes_live_connections_refuses_tokens_and_sends_and_an_unban_undoes_it() {
        ChatClient annPhone = chat.device("ann");
        ChatClient annLaptop = chat.device("ann");
        String oldToken = chat.token("ann");

        JsonNode ban = moderation.ban("ann", "harassment");

        assertThat(annPhone.closeCode()).isEqualTo(4003);
        assertThat(annLaptop.closeCode()).isEqualTo(4003);
        ChatClient again = ChatClient.connectAnonymously(URI.create(chat.mint("ann").json().get("websocketUrl").asString()));
        again.send(Map.of("type", "auth", "token", oldToken));
        assertThat(again.closeCode()).isEqualTo(4001);
        chat.app().send(direct, "ann", "d-1", "let me back").assertProblem(403, "user_banned");

        moderation.lift(ban.get("id").asString(), "appeal accepted");
        ChatClient back = chat.device("ann");
        assertThat(back.say(direct, "d-2", "I am back").get("seq").asLong()).isEqualTo(1);
        assertThat(moderation.member().get("/manage/v1/audit").json().toString())
                .contains("moderation.user.banned").contains("moderation.user.unbanned").contains("appeal accepted");
    }

    @Test
    void bad_restrictions_are_refused_and_change_nothing() {
        Api.Client owner = moderation.member();

        owner.post(moderation.path("/mutes"), Map.of("userId", "nobody", "reason", "x")).assertProblem(404, "not_found");
        owner.post(moderation.path("/mutes"), Map.of("userId", "ann")).assertProblem(400, "invalid_request");
        owner.post(moderation.path("/mutes"), Map.of("userId", "ann", "reason", "x", "durationSeconds", 5))
                .assertProblem(400, "invalid_request");
        owner.post(moderation.path("/mutes"), Map.of("userId", "ann", "reason", "x",
                "conversationId", "0190a0a0-0000-7000-8000-000000000000")).assertProblem(404, "not_found");
        owner.post(moderation.path("/bans"), Map.of("userId", "ann", "reason", "x", "conversationId", group))
                .assertProblem(400, "invalid_request");
        owner.post(moderation.path("/bans"), Map.of("userId", "bad user!", "reason", "x")).assertProblem(400, "invalid_request");
        owner.post(moderation.path("/restrictions/not-an-id/lift"), Map.of("reason", "x")).assertProblem(404, "not_found");

        assertThat(owner.get(moderation.path("/restrictions?active=false")).json().get("items")).isEmpty();
        assertThat(chat.app().send(direct, "ann", "d-1", "free").status()).isEqualTo(201);
    }

    @Test
    void another_tenant_can_neither_see_nor_lift_nor_impose() {
        JsonNode ban = moderation.ban("ann", "spam");
        MessagingApp other = MessagingApp.create(api(), fixtures(), "Other Restrictions");
        Api.Client stranger = other.owner().client();

        stranger.get(moderation.path("/restrictions")).assertProblem(404, "not_found");
        stranger.get(moderation.path("/restrictions/" + ban.get("id").asString())).assertProblem(404, "not_found");
        stranger.post(moderation.path("/restrictions/" + ban.get("id").asString() + "/lift"), Map.of("reason", "x"))
                .assertProblem(404, "not_found");
        stranger.post(moderation.path("/mutes"), Map.of("userId", "ben", "reason", "x")).assertProblem(404, "not_found");
        Moderation theirs = Moderation.of(other);
        stranger.post(theirs.path("/restrictions/" + ban.get("id").asString() + "/lift"), Map.of("reason", "x"))
                .assertProblem(404, "not_found");

        chat.app().send(direct, "ann", "d-1", "still banned").assertProblem(403, "user_banned");
        assertThat(chat.app().send(direct, "ben", "d-2", "not muted").status()).isEqualTo(201);
    }
}
