package io.linnet.server.moderation;

import io.linnet.server.messaging.MessagingApp;
import io.linnet.server.support.Api;
import tools.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The management API's moderation part for one app, as a tenant member calls it. */
public record Moderation(Api.Client member, String appId) {

    public static Moderation of(MessagingApp app) {
        return new Moderation(app.owner().client(), app.appId());
    }

    public String path(String rest) {
        return "/manage/v1/apps/" + appId + "/moderation" + rest;
    }

    /** Creates a rule and answers its id. */
    public String rule(String name, String kind, String action, String scope, String... terms) {
        Api.Response created = member.post(path("/rules"),
                Map.of("name", name, "kind", kind, "action", action, "scope", scope, "terms", List.of(terms)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    public String keywords(String action, String... terms) {
        return rule(action + " words", "keywords", action, "all", terms);
    }

    public JsonNode check(String text) {
        Api.Response checked = member.post(path("/check"), Map.of("text", text));
        assertThat(checked.status()).as(checked.toString()).isEqualTo(200);
        return checked.json();
    }

    public JsonNode queue(String query) {
        Api.Response queue = member.get(path("/queue" + query));
        assertThat(queue.status()).as(queue.toString()).isEqualTo(200);
        return queue.json();
    }

    public JsonNode decide(String decision, String reason, String... messageIds) {
        Api.Response decided = member.post(path("/queue/decisions"),
                Map.of("messageIds", List.of(messageIds), "decision", decision, "reason", reason));
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
        return decided.json();
    }

    /** Mutes (in {@code conversationId}, or the app when null) and answers the restriction. */
    public JsonNode mute(String userId, String conversationId, Long durationSeconds, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("userId", userId);
        body.put("reason", reason);
        if (conversationId != null) {
            body.put("conversationId", conversationId);
        }
        if (durationSeconds != null) {
            body.put("durationSeconds", durationSeconds);
        }
        Api.Response muted = member.post(path("/mutes"), body);
        assertThat(muted.status()).as(muted.toString()).isEqualTo(201);
        return muted.json();
    }

    public JsonNode ban(String userId, String reason) {
        Api.Response banned = member.post(path("/bans"), Map.of("userId", userId, "reason", reason));
        assertThat(banned.status()).as(banned.toString()).isEqualTo(201);
        return banned.json();
    }

    public JsonNode lift(String restrictionId, String reason) {
        Api.Response lifted = member.post(path("/restrictions/" + restrictionId + "/lift"), Map.of("reason", reason));
        assertThat(lifted.status()).as(lifted.toString()).isEqualTo(200);
        return lifted.json();
    }

    public JsonNode stats() {
        Api.Response stats = member.get(path("/stats?days=1"));
        assertThat(stats.status()).as(stats.toString()).isEqualTo(200);
        return stats.json().get("days").get(0);
    }
}
