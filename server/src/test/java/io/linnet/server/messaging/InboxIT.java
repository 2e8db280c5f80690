package io.linnet.server.messaging;

import io.linnet.server.support.Api;
import io.linnet.server.support.ServerIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A user's conversations and a conversation's members, a page at a time, for the developer's backend. */
class InboxIT extends ServerIT {

    private MessagingApp app;

    @BeforeEach
    void app() {
        app = MessagingApp.create(api(), fixtures(), "Inbox");
    }

    @Test
    void a_users_conversations_come_most_recently_active_first_with_unread_counts_in_pages() {
        app.users("ann", "ben", "cat", "dan");
        String withBen = app.direct("ann", "ben");
        String withCat = app.direct("ann", "cat");
        String group = app.group("All", "ann", "ben", "cat", "dan");
        app.sent(withBen, "ben", "b-1", "one");
        app.sent(group, "dan", "d-1", "two");
        app.sent(group, "dan", "d-2", "three");
        app.sent(withCat, "ann", "a-1", "mine");

        Api.Response first = app.client().get("/v1/users/ann/conversations?limit=2");
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        List<JsonNode> entries = new ArrayList<>(first.json().get("items").valueStream().toList());
        Api.Response second = app.client().get("/v1/users/ann/conversations?limit=2&cursor=" + first.json().get("nextCursor").asString());
        entries.addAll(second.json().get("items").valueStream().toList());

        assertThat(entries).extracting(entry -> entry.get("id").asString()).containsExactly(withCat, group, withBen);
        assertThat(entries).extracting(entry -> entry.get("unread").asLong()).containsExactly(0L, 2L, 1L);
        assertThat(second.json().get("nextCursor").isNull()).isTrue();
    }

    @Test
    void a_user_who_does_not_exist_has_no_conversation_list_and_a_bad_cursor_is_refused() {
        app.users("ann");

        app.client().get("/v1/users/nobody/conversations").assertProblem(404, "not_found");
        app.client().get("/v1/users/ann/conversations?cursor=bm90LWEtY3Vyc29y").assertProblem(400, "invalid_request");
    }

    @Test
    void a_big_groups_members_come_in_pages_by_user_id() {
        String[] members = IntStream.range(0, 120).mapToObj(i -> "m-%03d".formatted(i)).toArray(String[]::new);
        app.users(members);
        String group = app.group("Big", members);

        List<String> seen = new ArrayList<>();
        String cursor = "";
        do {
            Api.Response page = app.client().get("/v1/conversations/" + group + "/members?limit=50" + cursor);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.json().get("items").forEach(member -> seen.add(member.get("userId").asString()));
            JsonNode next = page.json().get("nextCursor");
            cursor = next.isNull() ? null : "&cursor=" + next.asString();
        } while (cursor != null);

        assertThat(seen).containsExactly(members);
    }

    @Test
    void another_tenants_conversation_members_are_not_found() {
        app.users("ann", "ben");
        String direct = app.direct("ann", "ben");
        MessagingApp other = MessagingApp.create(api(), fixtures(), "Inbox Other");

        other.client().get("/v1/conversations/" + direct + "/members").assertProblem(404, "not_found");
        other.client().get("/v1/users/ann/conversations").assertProblem(404, "not_found");
    }
}
