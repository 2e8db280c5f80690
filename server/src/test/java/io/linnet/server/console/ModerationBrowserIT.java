package io.linnet.server.console;

import io.linnet.server.messaging.MessagingApp;
import io.linnet.server.moderation.Moderation;
import io.linnet.server.realtime.Chat;
import io.linnet.server.realtime.ChatClient;
import io.linnet.server.support.Api;
import io.linnet.server.support.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The moderation screens in a real browser: a moderator recalls a flagged message seen in its
 * context and the sender's other device is told; rules are written and tried live; a sender is
 * banned and unbanned; and the per-day chart counts what happened.
 */
class ModerationBrowserIT extends InBrowser {

    @TempDir
    static Path files;
    private final List<Chat> chats = new ArrayList<>();

    @AfterEach
    void disconnect() {
        chats.forEach(Chat::close);
    }

    /** An app of a fresh tenant with users ann and ben, whose devices are disconnected after the test. */
    private Chat chat(String name) {
        Chat chat = new Chat(MessagingApp.create(api(), fixtures(), name));
        chats.add(chat);
        chat.app().users("ann", "ben");
        return chat;
    }

    /** Signs in as a new MODERATOR of the app's tenant. */
    private void signInAsModerator(MessagingApp app) {
        Api.Client moderator = fixtures().member(app.owner(), "MODERATOR");
        String email = moderator.get("/manage/v1/members").json().get("items").valueStream()
                .filter(member -> "MODERATOR".equals(member.get("role").asString()))
                .map(member -> member.get("email").asString()).findFirst().orElseThrow();
        new SignIn(browser).as(email, Fixtures.PASSWORD);
    }

    private static String appName(MessagingApp app) {
        return app.owner().client().get("/manage/v1/apps/" + app.appId()).json().get("name").asString();
    }

    @Test
    void a_moderator_sees_a_flagged_message_in_its_context_recalls_it_and_the_senders_other_client_sees_it_recalled() {
        Chat chat = chat("Hiking Club");
        String group = chat.app().group("Hikers", "ann", "ben");
        Moderation.of(chat.app()).rule("Meet offline", "keywords", "flag", "all", "meet offline");
        chat.app().sent(group, "ann", "m-1", "How was the hike on Sunday?");
        chat.app().sent(group, "ben", "m-2", "Muddy but lovely");
        chat.app().sent(group, "ann", "m-3", "Send me the photos please");
        ChatClient annPhone = chat.device("ann");
        ChatClient annLaptop = chat.device("ann");
        String flagged = annPhone.say(group, "m-4", "We should MEET OFF-LINE, just the two of us").get("messageId").asString();
        chat.app().sent(group, "ben", "m-5", "No thanks");

        signInAsModerator(chat.app());
        ModerationScreens screens = new ModerationScreens(browser).openFromMenu(appName(chat.app()));
        screens.awaitQueued("We should MEET OFF-LINE, just the two of us");
        assertThat(screens.queueShows("Flagged by Meet offline")).isTrue();
        assertThat(screens.status(flagged)).isEqualTo("Open");
        assertThat(screens.total("flagged")).isEqualTo("1");
        screens.scrollToQueue();
        browser.screenshot("moderation-queue");

        screens.review(flagged);
        assertThat(screens.contextTexts()).containsExactly("How was the hike on Sunday?", "Muddy but lovely",
                "Send me the photos please", "We should MEET OFF-LINE, just the two of us", "No thanks");
        assertThat(screens.highlighted()).isEqualTo("We should MEET OFF-LINE, just the two of us");
        browser.screenshot("moderation-review-in-context");

        assertThat(screens.recall("Moving the conversation off the platform")).contains("1 message recalled");
        JsonNode recalled = annLaptop.next("recalled");
        assertThat(recalled.get("messageId").asString()).isEqualTo(flagged);
        assertThat(screens.queueShows("We should MEET OFF-LINE")).as("no longer open").isFalse();
        assertThat(screens.queueEmptyState()).isEqualTo("Nothing to review");

        screens.showStatus("Recalled");
        screens.awaitQueued("(recalled)");
        assertThat(screens.status(flagged)).isEqualTo("Recalled");
        assertThat(chat.app().history(group, "?afterSeq=3").get("items").get(0).at("/body/type").asString())
                .isEqualTo("recalled");
        JsonNode audit = chat.app().owner().client().get("/manage/v1/audit").json();
        assertThat(audit.toString()).contains("moderation.message.recalled").contains("Moving the conversation off the platform");
    }

    @Test
    void an_admin_writes_rules_tries_texts_live_is_told_what_is_wrong_with_a_bad_regex_and_imports_and_exports_terms()
            throws IOException {
        Chat chat = chat("Rules Shop");
        new SignIn(browser).as(chat.app().owner().email(), Fixtures.PASSWORD);
        ModerationScreens screens = new ModerationScreens(browser).open("queue", chat.app().appId());
        assertThat(screens.chartEmpty()).as("nothing moderated yet").isTrue();
        screens.tab("rules");
        assertThat(screens.rulesEmptyState()).isEqualTo("No rules yet");
        screens.tryText("hello there");
        screens.awaitOutcome("Delivered as is");
        browser.screenshot("moderation-rules-empty");

        screens.startRule("Contact details", "Keywords", "Mask", "whatsapp", "telegram").saveRule();
        screens.awaitRule("Contact details");
        assertThat(screens.showsRule("Regular expressions")).isFalse();
        screens.tryText("add me on W.h.a.t.s.A.p.p later");
        screens.awaitOutcome("Masked");
        assertThat(screens.storedText()).isEqualTo("add me on *************** later");
        assertThat(screens.hits()).contains("Contact details").contains("W.h.a.t.s.A.p.p");

        screens.startRule("Threats", "Keywords", "Block", "kill you").saveRule();
        screens.awaitRule("Threats");
        screens.tryText("I will KILL YOU, and add me on telegram");
        screens.awaitOutcome("Blocked");
        assertThat(screens.stored()).contains("Nothing is stored or delivered");
        assertThat(screens.hits()).contains("Threats").contains("Contact details");
        browser.screenshot("moderation-rules-try-blocked");

        screens.startRule("Phone numbers", "Regular", "Flag", "\\d{3}-(\\d{4}");
        assertThat(screens.saveRuleRefused()).contains("does not compile").contains("\\d{3}-(\\d{4}");
        browser.screenshot("moderation-rules-bad-regex");
        screens.cancelRule();
        assertThat(screens.showsRule("Phone numbers")).isFalse();

        Moderation api = Moderation.of(chat.app());
        JsonNode rules = api.member().get(api.path("/rules")).json().get("items");
        String contact = rules.valueStream().filter(rule -> rule.get("name").asString().equals("Contact details"))
                .findFirst().orElseThrow().get("id").asString();
        String threats = rules.valueStream().filter(rule -> rule.get("name").asString().equals("Threats"))
                .findFirst().orElseThrow().get("id").asString();
        Path list = Files.writeString(files.resolve("more-contacts.txt"), "# messengers\nsignal\n\nwechat\n",
                StandardCharsets.UTF_8);
        screens.importTerms(contact, list);
        screens.awaitRule("Contact details");
        assertThat(screens.export(contact)).isEqualTo("whatsapp\ntelegram\nsignal\nwechat\n");

        screens.deleteRule(threats);
        assertThat(screens.showsRule("Threats")).isFalse();
        screens.tryText("I will kill you on wechat");
        screens.awaitOutcome("Masked");

        String secret = screens.saveHook("https://hooks.example.com/linnet");
        assertThat(secret).startsWith("whsec_");
        assertThat(screens.hookStatus()).contains("Every message goes to this hook");
        browser.screenshot("moderation-rules");
        screens.removeHook();
        assertThat(browser.pageSource()).doesNotContain(secret);
    }

    @Test
    void a_moderator_bans_a_sender_from_the_queue_sees_the_ban_until_lifted_mutes_another_user_and_lifts_the_ban() {
        Chat chat = chat("Ban Hall");
        String group = chat.app().group("Market", "ann", "ben");
        Moderation moderation = Moderation.of(chat.app());
        moderation.keywords("flag", "cheap pills");
        ChatClient annPhone = chat.device("ann");
        String flagged = chat.app().sent(group, "ann", "m-1", "cheap pills, DM me").get("messageId").asString();

        signInAsModerator(chat.app());
        ModerationScreens screens = new ModerationScreens(browser).open("queue", chat.app().appId());
        screens.review(flagged);
        assertThat(screens.banSender("Selling pills")).contains("ann is banned, until lifted");
        assertThat(annPhone.closeCode()).as("a ban closes the live connections at once").isEqualTo(4003);
        chat.app().send(group, "ann", "m-2", "hello?").assertProblem(403, "user_banned");
        screens.closeReview();

        screens.tab("restrictions");
        String ban = moderation.member().get(moderation.path("/restrictions")).json().get("items").get(0).get("id").asString();
        screens.awaitRestriction("Selling pills");
        assertThat(screens.remaining(ban)).isEqualTo("until lifted");
        assertThat(screens.showsRestriction("whole app")).isTrue();

        assertThat(screens.restrict("ben", "Mute", "1 hour", "Cooling down")).contains("ben is muted, 1 h left");
        screens.awaitRestriction("Cooling down");
        String mute = moderation.member().get(moderation.path("/restrictions?userId=ben")).json().get("items").get(0)
                .get("id").asString();
        assertThat(screens.remaining(mute)).isEqualTo("1 h left");
        browser.screenshot("moderation-restrictions");

        screens.lift(ban, "Appeal accepted");
        assertThat(screens.showsRestriction("Selling pills")).as("only those in force are listed").isFalse();
        assertThat(chat.app().send(group, "ann", "m-3", "thank you").status()).isEqualTo(201);
        screens.includeEnded();
        screens.awaitRestriction("Selling pills");
        assertThat(screens.remaining(ban)).startsWith("lifted ").contains("by moderator-");
    }

    @Test
    void the_chart_counts_a_blocked_and_a_flagged_message_and_flagged_ones_are_approved_together() {
        Chat chat = chat("Chart Town");
        String group = chat.app().group("Square", "ann", "ben");
        Moderation moderation = Moderation.of(chat.app());
        moderation.keywords("block", "badword");
        moderation.keywords("flag", "suspicious");
        chat.app().send(group, "ann", "m-1", "what a BADWORD").assertProblem(422, "message_blocked");
        chat.app().sent(group, "ann", "m-2", "a suspicious offer");
        chat.app().sent(group, "ben", "m-3", "very suspicious indeed");

        signInAsModerator(chat.app());
        ModerationScreens screens = new ModerationScreens(browser).open("queue", chat.app().appId());
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        assertThat(screens.dayLabel(today)).isEqualTo(today + ": 1 blocked, 0 masked, 2 flagged, 0 reported");
        assertThat(screens.dayLabel(LocalDate.now(ZoneOffset.UTC).minusDays(1).toString()))
                .endsWith(": 0 blocked, 0 masked, 0 flagged, 0 reported");
        assertThat(screens.total("blocked")).isEqualTo("1");
        assertThat(screens.total("masked")).isEqualTo("0");
        assertThat(screens.total("flagged")).isEqualTo("2");
        assertThat(screens.total("reported")).isEqualTo("0");
        browser.screenshot("moderation-chart");

        assertThat(screens.approveAll("Harmless banter")).contains("2 messages approved");
        assertThat(screens.queueEmptyState()).isEqualTo("Nothing to review");
        screens.showStatus("Approved");
        screens.awaitQueued("a suspicious offer");
        assertThat(screens.queueShows("very suspicious indeed")).isTrue();
    }
}
