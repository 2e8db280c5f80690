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

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Reports over REST and the WebSocket, the review queue, and the moderators' decisions on it. */
class ReviewQueueIT extends ServerIT {

    private Chat chat;
    private Moderation moderation;
    private String group;

    @BeforeEach
    void aGroup() {
        chat = new Chat(MessagingApp.create(api(), fixtures(), "Review Queue"));
        chat.app().users("ann", "ben", "cat", "dan");
        group = chat.app().group("Club", "ann", "ben", "cat");
        moderation = Moderation.of(chat.app());
    }

    @AfterEach
    void disconnect() {
        chat.close();
    }

    private Api.Response report(String messageId, String userId, String reason) {
        return chat.app().client().post("/v1/messages/" + messageId + "/reports", Map.of("userId", userId, "reason", reason));
    }

    @Test
    void a_report_over_the_websocket_queues_the_message_and_a_recall_reaches_every_client_of_the_sender() {
        ChatClient annPhone = chat.device("ann");
        ChatClient annLaptop = chat.device("ann");
        ChatClient ben = chat.device("ben");
        JsonNode ack = annPhone.say(group, "a-1", "you are all idiots");
        String messageId = ack.get("messageId").asString();

        ben.send(Map.of("type", "report", "ref", "r1", "messageId", messageId, "reason", "insulting"));
        JsonNode reported = ben.next("reported");
        assertThat(reported.get("ref").asString()).isEqualTo("r1");
        assertThat(reported.get("messageId").asString()).isEqualTo(messageId);

        JsonNode item = moderation.queue("?source=report").get("items").get(0);
        assertThat(item.get("messageId").asString()).isEqualTo(messageId);
        assertThat(item.get("reportCount").asInt()).isEqualTo(1);
        assertThat(item.get("reports").get(0).get("reporterId").asString()).isEqualTo("ben");
        assertThat(item.get("reports").get(0).get("reason").asString()).isEqualTo("insulting");

        JsonNode decided = moderation.decide("recall", "abusive language", messageId).get("items").get(0);
        assertThat(decided.get("status").asString()).isEqualTo("recalled");
        assertThat(decided.get("decisionReason").asString()).isEqualTo("abusive language");
        assertThat(decided.at("/body/type").asString()).isEqualTo("recalled");

        for (ChatClient device : List.of(annLaptop, annPhone, ben)) {
            JsonNode recalled = device.next("recalled");
            assertThat(recalled.get("messageId").asString()).isEqualTo(messageId);
        }
        assertThat(chat.app().history(group, "?afterSeq=0").get("items").get(0).at("/body/type").asString())
                .isEqualTo("recalled");
        assertThat(moderation.queue("").get("items")).isEmpty();
        assertThat(moderation.queue("?status=recalled").get("items")).hasSize(1);
        JsonNode audit = moderation.member().get("/manage/v1/audit").json();
        assertThat(audit.toString()).contains("moderation.message.recalled").contains("abusive language");
    }

    @Test
    void reports_over_rest_count_once_per_user_and_a_report_after_approval_opens_the_item_again() {
        String messageId = chat.app().sent(group, "ann", "a-1", "borderline joke").get("messageId").asString();

        assertThat(report(messageId, "ben", "rude").status()).isEqualTo(201);
        assertThat(report(messageId, "ben", "very rude").status()).isEqualTo(201);
        assertThat(report(messageId, "cat", "spam").status()).isEqualTo(201);

        JsonNode item = moderation.queue("").get("items").get(0);
        assertThat(item.get("reportCount").asInt()).isEqualTo(2);
        assertThat(item.get("reports")).extracting(report -> report.get("reason").asString())
                .containsExactlyInAnyOrder("very rude", "spam");
        assertThat(moderation.stats().get("reported").asLong()).isEqualTo(2);

        moderation.decide("approve", "it is a joke", messageId);
        assertThat(moderation.queue("").get("items")).isEmpty();
        assertThat(chat.app().history(group, "?afterSeq=0").get("items").get(0).at("/body/text").asString())
                .isEqualTo("borderline joke");

        chat.app().users("eve");
        Api.Response joined = chat.app().client().post("/v1/conversations/" + group + "/members", Map.of("members", List.of("eve")));
        assertThat(joined.status()).as(joined.toString()).isIn(200, 201);
        assertThat(report(messageId, "eve", "still rude").status()).isEqualTo(201);
        JsonNode reopened = moderation.queue("").get("items").get(0);
        assertThat(reopened.get("status").asString()).isEqualTo("open");
        assertThat(reopened.get("reportCount").asInt()).isEqualTo(3);
    }

    @Test
    void only_members_of_the_conversation_may_report_and_not_their_own_messages() {
        String messageId = chat.app().sent(group, "ann", "a-1", "hello").get("messageId").asString();

        report(messageId, "dan", "not my group").assertProblem(404, "not_found");
        report(messageId, "ann", "self").assertProblem(400, "invalid_request");
        report(messageId, "ben", "").assertProblem(400, "invalid_request");
        report(messageId, "ben", "x".repeat(501)).assertProblem(400, "invalid_request");
        report("0190a0a0-0000-7000-8000-000000000000", "ben", "gone").assertProblem(404, "not_found");
        report("not-an-id", "ben", "bad").assertProblem(404, "not_found");

        ChatClient dan = chat.device("dan");
        dan.send(Map.of("type", "report", "ref", "r", "messageId", messageId, "reason", "nosy"));
        assertThat(dan.next("error").get("code").asString()).isEqualTo("not_found");
        dan.send(Map.of("type", "report", "ref", "r2", "messageId", messageId));
        assertThat(dan.next("error").get("code").asString()).isEqualTo("invalid_frame");

        assertThat(moderation.queue("?status=all").get("items")).isEmpty();
    }

    @Test
    void a_queued_message_is_shown_in_its_context_and_bulk_decisions_apply_to_all() {
        moderation.keywords("flag", "suspicious");
        for (int i = 1; i <= 9; i++) {
            chat.app().sent(group, i % 2 == 0 ? "ben" : "ann", "m-" + i, i == 5 ? "suspicious offer" : "message " + i);
        }
        String flagged = moderation.queue("").get("items").get(0).get("messageId").asString();
        String other = chat.app().sent(group, "cat", "m-10", "also suspicious").get("messageId").asString();

        Api.Response inContext = moderation.member().get(moderation.path("/queue/" + flagged));
        assertThat(inContext.status()).as(inContext.toString()).isEqualTo(200);
        assertThat(inContext.json().get("context")).extracting(message -> message.get("seq").asLong())
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(inContext.json().at("/item/seq").asLong()).isEqualTo(5);

        assertThat(moderation.queue("?senderId=cat").get("items")).extracting(item -> item.get("messageId").asString())
                .containsExactly(other);
        JsonNode decided = moderation.decide("approve", "fine", flagged, other);
        assertThat(decided.get("items")).extracting(item -> item.get("status").asString()).containsExactly("approved", "approved");
        assertThat(moderation.queue("").get("items")).isEmpty();
    }

    @Test
    void a_long_queue_comes_a_page_at_a_time_oldest_first() {
        moderation.keywords("flag", "odd");
        List<String> sent = new java.util.ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            sent.add(chat.app().sent(group, "ann", "o-" + i, "odd " + i).get("messageId").asString());
        }

        JsonNode first = moderation.queue("?limit=3");
        JsonNode second = moderation.queue("?limit=3&cursor=" + first.get("nextCursor").asString());

        assertThat(first.get("items")).extracting(item -> item.get("messageId").asString()).isEqualTo(sent.subList(0, 3));
        assertThat(second.get("items")).extracting(item -> item.get("messageId").asString()).isEqualTo(sent.subList(3, 5));
        assertThat(second.path("nextCursor").isNull() || second.path("nextCursor").isMissingNode()).isTrue();
        moderation.member().get(moderation.path("/queue?cursor=bm90LWEtY3Vyc29y")).assertProblem(400, "invalid_request");
    }

    @Test
    void decisions_are_checked_before_anything_is_decided() {
        moderation.keywords("flag", "odd");
        String flagged = chat.app().sent(group, "ann", "a-1", "odd one").get("messageId").asString();
        String notQueued = chat.app().sent(group, "ann", "a-2", "plain").get("messageId").asString();
        Api.Client owner = moderation.member();

        owner.post(moderation.path("/queue/decisions"), Map.of("messageIds", List.of(flagged, notQueued),
                "decision", "recall", "reason", "r")).assertProblem(404, "not_found");
        owner.post(moderation.path("/queue/decisions"), Map.of("messageIds", List.of(flagged),
                "decision", "delete", "reason", "r")).assertProblem(400, "invalid_request");
        owner.post(moderation.path("/queue/decisions"), Map.of("messageIds", List.of(flagged),
                "decision", "recall")).assertProblem(400, "invalid_request");
        owner.post(moderation.path("/queue/decisions"), Map.of("messageIds", List.of(),
                "decision", "recall", "reason", "r")).assertProblem(400, "invalid_request");

        assertThat(moderation.queue("").get("items").get(0).get("status").asString()).isEqualTo("open");
        assertThat(chat.app().history(group, "?afterSeq=0").get("items").get(0).at("/body/text").asString()).isEqualTo("odd one");
    }

    @Test
    void a_moderator_may_decide_and_a_viewer_may_not_even_look() {
        moderation.keywords("flag", "odd");
        String flagged = chat.app().sent(group, "ann", "a-1", "odd one").get("messageId").asString();
        Moderation asModerator = new Moderation(fixtures().member(chat.app().owner(), "MODERATOR"), chat.app().appId());
        Moderation asViewer = new Moderation(fixtures().member(chat.app().owner(), "VIEWER"), chat.app().appId());

        asViewer.member().get(asViewer.path("/queue")).assertProblem(403, "forbidden");
        asViewer.member().post(asViewer.path("/rules"), Map.of("name", "x", "kind", "keywords", "action", "block",
                "terms", List.of("x"))).assertProblem(403, "forbidden");
        asModerator.decide("recall", "spam", flagged);
        assertThat(chat.app().history(group, "?afterSeq=0").get("items").get(0).at("/body/type").asString()).isEqualTo("recalled");
    }

    @Test
    void another_tenant_sees_nothing_of_this_apps_queue_and_changes_nothing() {
        moderation.keywords("flag", "odd");
        String flagged = chat.app().sent(group, "ann", "a-1", "odd one").get("messageId").asString();
        MessagingApp other = MessagingApp.create(api(), fixtures(), "Other Tenant");
        Api.Client stranger = other.owner().client();

        stranger.get(moderation.path("/queue")).assertProblem(404, "not_found");
        stranger.get(moderation.path("/queue/" + flagged)).assertProblem(404, "not_found");
        stranger.post(moderation.path("/queue/decisions"), Map.of("messageIds", List.of(flagged),
                "decision", "recall", "reason", "mine now")).assertProblem(404, "not_found");
        stranger.get(moderation.path("/stats")).assertProblem(404, "not_found");
        // through its own app, the other tenant cannot reach this message either
        Moderation theirs = Moderation.of(other);
        stranger.post(theirs.path("/queue/decisions"), Map.of("messageIds", List.of(flagged),
                "decision", "recall", "reason", "mine now")).assertProblem(404, "not_found");
        other.users("ben");
        other.client().post("/v1/messages/" + flagged + "/reports", Map.of("userId", "ben", "reason", "x"))
                .assertProblem(404, "not_found");

        assertThat(moderation.queue("").get("items").get(0).get("status").asString()).isEqualTo("open");
        assertThat(moderation.queue("").get("items").get(0).get("reportCount").asInt()).isZero();
        assertThat(theirs.queue("?status=all").get("items")).isEmpty();
    }
}
