package io.linnet.server.console;

import io.linnet.server.messaging.MessagingApp;
import io.linnet.server.support.Api;
import io.linnet.server.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data explorer in a real browser: an owner finds a user by name and opens their page and
 * their conversation, reads its messages newest first, sends one as a member and recalls one, and
 * the audit log has the reading once; a viewer, whose role may not read message content, sees the
 * conversation's members and a notice instead of its messages; a user is erased only after their id is
 * typed.
 */
class ExplorerBrowserIT extends InBrowser {

    private MessagingApp app;
    private String group;

    @BeforeEach
    void anAppWithAGroupChat() {
        app = MessagingApp.create(api(), fixtures(), "Trail Club");
        named("ann", "Ann Archer");
        named("ben", "Ben Bright");
        named("cleo", "Cleo Cole");
        group = app.group("Trail Talk", "ann", "ben");
        app.sent(group, "ann", "m-1", "Hike on Sunday?");
        app.sent(group, "ben", "m-2", "See you at eight");
        app.sent(group, "ann", "m-3", "Bring water");
    }

    @Test
    void an_owner_finds_a_user_by_name_reads_their_conversation_sends_and_recalls_and_the_reading_is_audited_once() {
        new SignIn(browser).as(app.owner().email(), Fixtures.PASSWORD);
        ExplorerPages pages = new ExplorerPages(browser).openUsersFromMenu(appName());
        assertThat(pages.links("users")).contains("Ann Archer", "Ben Bright", "Cleo Cole");
        pages.searchUsers("ARCHER", "Ann Archer");
        assertThat(pages.links("users")).containsExactly("ann", "Ann Archer");
        browser.screenshot("explorer-users");

        pages.follow("users", "Ann Archer");
        assertThat(pages.userTitle()).isEqualTo("Ann Archer");
        assertThat(pages.profile("id")).isEqualTo("ann");
        assertThat(pages.links("user-conversations")).containsExactly("Trail Talk");
        browser.screenshot("explorer-user");

        pages.follow("user-conversations", "Trail Talk");
        assertThat(pages.conversationTitle()).isEqualTo("Trail Talk");
        assertThat(pages.links("members")).containsExactly("Ann Archer", "Ben Bright");
        assertThat(pages.messages()).as("newest first").containsExactly("Bring water", "See you at eight", "Hike on Sunday?");

        pages.send("Ben Bright", "Count me in");
        pages.awaitMessage(4, "Count me in");
        pages.recall(2);
        pages.awaitMessage(2, "(recalled)");
        assertThat(pages.messages()).containsExactly("Count me in", "Bring water", "(recalled)", "Hike on Sunday?");
        browser.screenshot("explorer-conversation");

        JsonNode history = app.history(group, "?afterSeq=0");
        assertThat(history.get("items").get(1).at("/body/type").asString()).isEqualTo("recalled");
        assertThat(history.get("items").get(3).get("senderId").asString()).isEqualTo("ben");
        assertThat(history.get("items").get(3).at("/body/text").asString()).isEqualTo("Count me in");
        assertThat(reads()).as("one entry for the opening, none for the refreshes after the send and the recall")
                .containsExactly(app.owner().email() + " read " + group);
    }

    @Test
    void a_viewer_sees_a_conversations_members_but_not_its_messages_and_reads_nothing_into_the_audit_log() {
        fixtures().member(app.owner(), "VIEWER");
        String email = app.owner().client().get("/manage/v1/members").json().get("items").valueStream()
                .filter(member -> "VIEWER".equals(member.get("role").asString()))
                .map(member -> member.get("email").asString()).findFirst().orElseThrow();
        SignIn signIn = new SignIn(browser);
        signIn.as(email, Fixtures.PASSWORD);
        assertThat(signIn.menu()).contains("Users", "Conversations");

        browser.open("/conversation/" + app.appId() + "/" + group);
        ExplorerPages pages = new ExplorerPages(browser);
        assertThat(pages.conversationTitle()).isEqualTo("Trail Talk");
        assertThat(pages.links("members")).containsExactly("Ann Archer", "Ben Bright");
        assertThat(pages.messagesNotice()).contains("Your role may not read message content");
        assertThat(pages.showsMessages()).isFalse();
        assertThat(browser.pageSource()).doesNotContain("Bring water").doesNotContain("Hike on Sunday?");
        browser.screenshot("explorer-conversation-viewer");
        assertThat(reads()).isEmpty();
    }

    @Test
    void an_owner_mints_a_test_token_and_erases_a_user_only_after_typing_their_id() {
        new SignIn(browser).as(app.owner().email(), Fixtures.PASSWORD);
        browser.open("/user/" + app.appId() + "/ann");
        ExplorerPages pages = new ExplorerPages(browser);
        assertThat(pages.userTitle()).isEqualTo("Ann Archer");
        String token = pages.mintToken();
        assertThat(token).isNotBlank();

        pages.openErase();
        assertThat(pages.eraseEnabledAfterTyping("an")).isFalse();
        assertThat(pages.eraseEnabledAfterTyping("ann")).isTrue();
        pages.confirmErase();

        assertThat(app.client().get("/v1/users/ann").status()).isEqualTo(404);
        assertThat(app.history(group, "?afterSeq=0").get("items").get(0).at("/body/type").asString())
                .as("what she sent is erased").isEqualTo("erased");
    }

    private void named(String userId, String name) {
        Api.Response put = app.client().put("/v1/users/" + userId, Map.of("name", name));
        assertThat(put.status()).as(put.toString()).isEqualTo(201);
    }

    private String appName() {
        return app.owner().client().get("/manage/v1/apps/" + app.appId()).json().get("name").asString();
    }

    /** The audit log's readings of message content, as "who read which conversation". */
    private List<String> reads() {
        return app.owner().client().get("/manage/v1/audit?limit=200").json().get("items").valueStream()
                .filter(entry -> "messages.read".equals(entry.get("action").asString()))
                .map(entry -> entry.get("actor").asString() + " read " + entry.get("targetId").asString())
                .toList();
    }
}
