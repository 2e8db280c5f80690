package io.linnet.server.messaging;

import io.linnet.server.support.Api;
import io.linnet.server.support.ServerIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The developer API's search of an app's users ({@code GET /v1/users}) and conversations
 * ({@code GET /v1/conversations}): what matches, paging by cursor, and that another app's users and
 * conversations never appear.
 */
class ExplorerApiIT extends ServerIT {

    private MessagingApp app;
    private String direct;
    private String group;

    @BeforeEach
    void anAppWithPeopleAndChats() {
        app = MessagingApp.create(api(), fixtures(), "Explorer Api");
        named("ann-1", "Ann Archer", "vip");
        named("ann-2", "Annette Bloom");
        named("bob", "Bob Joanna", "vip");
        named("carl", "Carl");
        direct = app.direct("ann-1", "bob");
        group = app.group("Book Club", "carl", "ann-2", "bob");
        app.sent(group, "carl", "m-1", "hello");
    }

    @Test
    void users_are_found_by_id_prefix_by_part_of_their_name_ignoring_case_and_by_tag() {
        assertThat(userIds("?query=ann-")).containsExactly("ann-1", "ann-2");
        assertThat(userIds("?query=ANN")).as("ids start with it or names contain it").containsExactly("ann-1", "ann-2", "bob");
        assertThat(userIds("?query=vip")).containsExactly("ann-1", "bob");
        assertThat(userIds("")).containsExactly("ann-1", "ann-2", "bob", "carl");
        assertThat(userIds("?query=nobody")).isEmpty();
    }

    @Test
    void users_come_a_page_at_a_time_and_the_last_page_has_no_cursor() {
        List<String> seen = new ArrayList<>();
        String cursor = "";
        int pages = 0;
        do {
            Api.Response page = app.client().get("/v1/users?limit=3" + cursor);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.json().get("items").forEach(user -> seen.add(user.get("userId").asString()));
            JsonNode next = page.json().get("nextCursor");
            cursor = next == null || next.isNull() ? null : "&cursor=" + next.asString();
            pages++;
        } while (cursor != null);
        assertThat(seen).containsExactly("ann-1", "ann-2", "bob", "carl");
        assertThat(pages).isEqualTo(2);
    }

    @Test
    void conversations_are_found_by_id_by_name_and_by_member_with_member_count_and_last_activity() {
        assertThat(conversationIds("?query=" + direct)).containsExactly(direct);
        assertThat(conversationIds("?query=book")).containsExactly(group);
        assertThat(conversationIds("?query=bob")).containsExactlyInAnyOrder(direct, group);
        assertThat(conversationIds("?member=carl")).containsExactly(group);
        assertThat(conversationIds("?member=bob&query=club")).containsExactly(group);

        JsonNode found = app.client().get("/v1/conversations?query=book").json().get("items").get(0);
        assertThat(found.get("name").asString()).isEqualTo("Book Club");
        assertThat(found.get("type").asString()).isEqualTo("group");
        assertThat(found.get("memberCount").asInt()).isEqualTo(3);
        assertThat(found.get("lastSeq").asLong()).isEqualTo(1);
        assertThat(found.get("lastActivityAt").asString()).isNotBlank();
    }

    @Test
    void conversations_come_a_page_at_a_time() {
        Api.Response first = app.client().get("/v1/conversations?limit=1");
        assertThat(first.json().get("items")).hasSize(1);
        Api.Response second = app.client().get("/v1/conversations?limit=1&cursor=" + first.json().get("nextCursor").asString());
        assertThat(second.json().get("items")).hasSize(1);
        assertThat(second.json().get("nextCursor").isNull()).isTrue();
        assertThat(List.of(first.json().get("items").get(0).get("id").asString(),
                second.json().get("items").get(0).get("id").asString())).containsExactly(direct, group);
    }

    @Test
    void another_apps_users_and_conversations_never_appear() {
        MessagingApp sibling = MessagingApp.inTenant(api(), fixtures(), app.owner(), "explorer-sibling");
        sibling.users("ann-9");

        Api.Response users = sibling.client().get("/v1/users?query=ann");
        assertThat(users.json().get("items").valueStream().map(user -> user.get("userId").asString()))
                .containsExactly("ann-9");
        assertThat(sibling.client().get("/v1/conversations?query=" + group).json().get("items")).isEmpty();
        assertThat(sibling.client().get("/v1/conversations?member=bob").json().get("items")).isEmpty();
        assertThat(sibling.client().get("/v1/conversations").json().get("items")).isEmpty();
    }

    @Test
    void a_bad_cursor_or_limit_is_refused_as_bad_input() {
        app.client().get("/v1/users?cursor=***").assertProblem(400, "invalid_request");
        app.client().get("/v1/conversations?cursor=bm90LWEtY3Vyc29y").assertProblem(400, "invalid_request");
        app.client().get("/v1/conversations?limit=0").assertProblem(400, "invalid_request");
        app.client().get("/v1/conversations?member=no%20spaces").assertProblem(400, "invalid_request");
    }

    @Test
    void searching_needs_the_scope_of_what_is_searched() {
        app.withScopes(api(), "messages").get("/v1/users").assertProblem(403, "forbidden");
        app.withScopes(api(), "users").get("/v1/conversations").assertProblem(403, "forbidden");
    }

    private void named(String userId, String name, String... tags) {
        Api.Response put = app.client().put("/v1/users/" + userId, Map.of("name", name, "tags", List.of(tags)));
        assertThat(put.status()).as(put.toString()).isEqualTo(201);
    }

    private List<String> userIds(String query) {
        Api.Response page = app.client().get("/v1/users" + query);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return page.json().get("items").valueStream().map(user -> user.get("userId").asString()).toList();
    }

    private List<String> conversationIds(String query) {
        Api.Response page = app.client().get("/v1/conversations" + query);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return page.json().get("items").valueStream().map(conversation -> conversation.get("id").asString()).toList();
    }
}
