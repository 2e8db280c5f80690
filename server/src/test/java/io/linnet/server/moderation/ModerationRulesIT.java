package io.linnet.server.moderation;

import io.linnet.server.messaging.MessagingApp;
import io.linnet.server.support.Api;
import io.linnet.server.support.ServerIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules API: create, change, delete, term lists as text files, trying a text; bad input; isolation. */
class ModerationRulesIT extends ServerIT {

    private MessagingApp app;
    private Moderation moderation;
    private Api.Client owner;

    @BeforeEach
    void anApp() {
        app = MessagingApp.create(api(), fixtures(), "Moderation Rules");
        moderation = Moderation.of(app);
        owner = moderation.member();
    }

    @Test
    void a_rule_is_created_listed_changed_and_deleted() {
        Api.Response created = owner.post(moderation.path("/rules"), Map.of("name", "Insults", "kind", "keywords",
                "action", "mask", "scope", "groups", "terms", List.of(" idiot ", "idiot", "moron", "")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.header("Location")).endsWith("/moderation/rules/" + id);
        assertThat(created.json().get("terms")).extracting(JsonNode::asString).containsExactly("idiot", "moron");
        assertThat(created.json().get("scope").asString()).isEqualTo("groups");
        assertThat(created.json().get("enabled").asBoolean()).isTrue();

        JsonNode listed = owner.get(moderation.path("/rules")).json().get("items").get(0);
        assertThat(listed.get("termCount").asInt()).isEqualTo(2);
        assertThat(listed.has("terms")).isFalse();

        Api.Response changed = owner.patch(moderation.path("/rules/" + id), Map.of("action", "block", "name", "Insults 2"));
        assertThat(changed.json().get("action").asString()).isEqualTo("block");
        assertThat(changed.json().get("name").asString()).isEqualTo("Insults 2");
        assertThat(changed.json().get("terms")).hasSize(2);

        assertThat(owner.delete(moderation.path("/rules/" + id)).status()).isEqualTo(204);
        owner.get(moderation.path("/rules/" + id)).assertProblem(404, "not_found");
        assertThat(owner.get("/manage/v1/audit").json().toString())
                .contains("moderation.rule.created").contains("moderation.rule.updated").contains("moderation.rule.deleted");
    }

    @Test
    void term_lists_come_and_go_as_text_files() {
        String id = moderation.keywords("block", "seed");
        String file = "\uFEFF# spam words\r\nfree money\n\n  crypto giveaway  \nfree money\n";

        Api.Response replaced = owner.raw("PUT", moderation.path("/rules/" + id + "/terms"), "text/plain; charset=utf-8", file);
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        assertThat(replaced.json().get("terms")).extracting(JsonNode::asString).containsExactly("free money", "crypto giveaway");
        Api.Response appended = owner.raw("POST", moderation.path("/rules/" + id + "/terms"), "text/plain", "lottery\n");
        assertThat(appended.json().get("terms")).extracting(JsonNode::asString)
                .containsExactly("free money", "crypto giveaway", "lottery");

        Api.Response exported = owner.get(moderation.path("/rules/" + id + "/terms"));
        assertThat(exported.contentType()).startsWith("text/plain");
        assertThat(exported.header("Content-Disposition")).contains("attachment");
        assertThat(exported.body()).isEqualTo("free money\ncrypto giveaway\nlottery\n");
    }

    @Test
    void ten_thousand_keywords_import_in_one_file_and_still_match() {
        String id = moderation.keywords("block", "seed");
        String file = IntStream.range(0, 10_000).mapToObj(i -> "badword" + i).collect(Collectors.joining("\n"));

        Api.Response imported = owner.raw("PUT", moderation.path("/rules/" + id + "/terms"), "text/plain", file);

        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(owner.get(moderation.path("/rules")).json().get("items").get(0).get("termCount").asInt()).isEqualTo(10_000);
        assertThat(moderation.check("well BADWORD9999 then").get("outcome").asString()).isEqualTo("block");
        assertThat(moderation.check("badword10000").get("outcome").asString()).isEqualTo("none");
    }

    @Test
    void trying_a_text_shows_what_each_rule_would_do() {
        moderation.keywords("mask", "darn");
        moderation.keywords("flag", "meet up");
        moderation.rule("Phone numbers", "regex", "flag", "direct", "\\d{3}-\\d{4}");

        JsonNode masked = moderation.check("d a r n, let's meet up");
        assertThat(masked.get("outcome").asString()).isEqualTo("mask");
        assertThat(masked.get("flagged").asBoolean()).isTrue();
        assertThat(masked.get("text").asString()).isEqualTo("*******, let's meet up");
        assertThat(masked.get("hits")).extracting(hit -> hit.get("matched").asString()).containsExactly("d a r n", "meet up");

        Api.Response inGroup = owner.post(moderation.path("/check"), Map.of("text", "call 555-1234", "conversationType", "group"));
        assertThat(inGroup.json().get("outcome").asString()).isEqualTo("none");
        Api.Response inDirect = owner.post(moderation.path("/check"), Map.of("text", "call 555-1234", "conversationType", "direct"));
        assertThat(inDirect.json().get("outcome").asString()).isEqualTo("flag");
        assertThat(moderation.check("nothing to see").get("hits")).isEmpty();
    }

    @Test
    void bad_rules_are_refused_with_a_clear_message_and_nothing_is_stored() {
        owner.post(moderation.path("/rules"), Map.of("name", "x", "kind", "regex", "action", "block", "terms", List.of("(unclosed")))
                .assertProblem(400, "invalid_request");
        owner.post(moderation.path("/rules"), Map.of("name", "x", "kind", "regex", "action", "block", "terms", List.of("a*")))
                .assertProblem(400, "invalid_request");
        owner.post(moderation.path("/rules"), Map.of("name", "x", "kind", "keywords", "action", "delete", "terms", List.of("a")))
                .assertProblem(400, "invalid_request");
        owner.post(moderation.path("/rules"), Map.of("name", "x", "kind", "words", "action", "block", "terms", List.of("a")))
                .assertProblem(400, "invalid_request");
        owner.post(moderation.path("/rules"), Map.of("name", "x", "kind", "keywords", "action", "block", "scope", "everywhere",
                "terms", List.of("a"))).assertProblem(400, "invalid_request");
        owner.post(moderation.path("/rules"), Map.of("name", "", "kind", "keywords", "action", "block", "terms", List.of("a")))
                .assertProblem(400, "invalid_request");
        owner.post(moderation.path("/rules"), Map.of("name", "x", "kind", "keywords", "action", "block", "terms", List.of()))
                .assertProblem(400, "invalid_request");
        owner.post(moderation.path("/rules"), Map.of("name", "x", "kind", "keywords", "action", "block", "terms", List.of("...")))
                .assertProblem(400, "invalid_request");
        owner.raw("POST", moderation.path("/rules"), "application/json", "{\"name\":").assertProblem(400, "invalid_request");
        owner.raw("POST", moderation.path("/check"), "application/json", "{}").assertProblem(400, "invalid_request");
        owner.post(moderation.path("/check"), Map.of("text", "x", "conversationType", "channel")).assertProblem(400, "invalid_request");

        String id = moderation.keywords("block", "fine");
        owner.patch(moderation.path("/rules/" + id), Map.of("kind", "regex", "terms", List.of("(((")))
                .assertProblem(400, "invalid_request");
        owner.raw("PUT", moderation.path("/rules/" + id + "/terms"), "text/plain", "\n# nothing\n")
                .assertProblem(400, "invalid_request");

        JsonNode rules = owner.get(moderation.path("/rules")).json().get("items");
        assertThat(rules).hasSize(1);
        assertThat(owner.get(moderation.path("/rules/" + id)).json().get("terms")).extracting(JsonNode::asString)
                .containsExactly("fine");
    }

    @Test
    void a_viewer_may_not_touch_rules_and_another_tenant_finds_none() {
        String id = moderation.keywords("block", "secret word");
        Api.Client viewer = fixtures().member(app.owner(), "VIEWER");
        Api.Client stranger = MessagingApp.create(api(), fixtures(), "Rules Stranger").owner().client();

        viewer.get(moderation.path("/rules")).assertProblem(403, "forbidden");
        viewer.post(moderation.path("/check"), Map.of("text", "x")).assertProblem(403, "forbidden");
        stranger.get(moderation.path("/rules")).assertProblem(404, "not_found");
        stranger.get(moderation.path("/rules/" + id)).assertProblem(404, "not_found");
        stranger.get(moderation.path("/rules/" + id + "/terms")).assertProblem(404, "not_found");
        stranger.patch(moderation.path("/rules/" + id), Map.of("enabled", false)).assertProblem(404, "not_found");
        stranger.delete(moderation.path("/rules/" + id)).assertProblem(404, "not_found");
        stranger.post(moderation.path("/check"), Map.of("text", "secret word")).assertProblem(404, "not_found");

        JsonNode rule = owner.get(moderation.path("/rules/" + id)).json();
        assertThat(rule.get("enabled").asBoolean()).isTrue();
        assertThat(moderation.check("the secret word").get("outcome").asString()).isEqualTo("block");
    }
}
