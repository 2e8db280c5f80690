package io.linnet.server.security;

import io.linnet.push.credential.GeneratedCredentials;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A plausible request body for each operation: what a well-behaved client would send, so that a
 * refusal the tests see comes from the caller's credentials and not from a malformed body. The
 * generated schemas say which fields exist but not which values are valid (enum-like strings,
 * ids), hence this table; an operation missing from it gets a body generated from its schema.
 */
final class SampleBodies {

    private final ApiOperations operations;
    private int generated;

    SampleBodies(ApiOperations operations) {
        this.operations = operations;
    }

    /** How many bodies came from the schema because the table had none. */
    int generated() {
        return generated;
    }

    /** The body for {@code operation} in {@code world}: a Map for JSON, a String for text, null for none. */
    Object body(ApiOperations.Operation operation, TenantWorld world) {
        if (operation.bodyContentType() == null) {
            return null;
        }
        Object known = known(operation, world);
        if (known != null) {
            return known;
        }
        generated++;
        return fromSchema(operations.bodySchema(operation), 0);
    }

    private static Object known(ApiOperations.Operation operation, TenantWorld world) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> notification = Map.of("title", "Hello", "body", "There");
        return switch (operation.name()) {
            case "PUT /v1/users/{userId}" -> Map.of("name", "Ann", "tags", List.of("early"), "custom", Map.of("plan", "pro"));
            case "POST /v1/users/{userId}/tokens" -> Map.of("ttlSeconds", 3600);
            case "POST /v1/users/{userId}/devices" -> Map.of("provider", "fcm", "token", "fcm:APA91b-" + unique);
            case "POST /v1/push" -> Map.of("target", Map.of("users", List.of(TenantWorld.ANN)), "notification", notification,
                    "sendAt", Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString());
            case "POST /v1/push/{pushId}/opens" -> Map.of("deviceId", world.deviceId);
            case "POST /v1/push/templates", "PUT /v1/push/templates/{templateId}" ->
                    Map.of("name", "tpl-" + unique, "notification", notification);
            case "PUT /v1/push/offline" -> Map.of("enabled", true, "preview", "sender");
            case "POST /v1/messages/{messageId}/reports" -> Map.of("userId", TenantWorld.BEN, "reason", "spam");
            case "POST /v1/messages/{messageId}/recall" -> Map.of("userId", TenantWorld.ANN);
            case "POST /v1/conversations" -> Map.of("type", "group", "name", "g-" + unique,
                    "members", List.of(TenantWorld.ANN, TenantWorld.BEN), "owner", TenantWorld.ANN);
            case "POST /v1/conversations/{conversationId}/messages" -> Map.of("senderId", TenantWorld.ANN,
                    "clientMsgId", "c-" + unique, "body", Map.of("type", "text", "text", "hi"));
            case "POST /v1/conversations/{conversationId}/members",
                 "DELETE /v1/conversations/{conversationId}/members" -> Map.of("members", List.of(TenantWorld.BEN));
            case "POST /ops/v1/tenants" -> Map.of("name", "Tenant " + unique,
                    "owner", Map.of("email", "owner-" + unique + "@sample.test", "password", "a-long-enough-password"));
            // a wrong current password: a sample must never change the password it signs in with
            case "POST /ops/v1/account/password", "POST /manage/v1/account/password" ->
                    Map.of("currentPassword", "not-the-current-password", "newPassword", "another-long-password");
            // an address with no account: a sample must never reset a real account's password
            case "POST /ops/v1/password-resets" -> Map.of("email", "nobody-" + unique + "@sample.test");
            case "POST /ops/v1/access-tokens", "POST /manage/v1/access-tokens" -> Map.of("name", "script-" + unique, "expiresInDays", 30);
            case "POST /manage/v1/members" -> Map.of("email", "invitee-" + unique + "@sample.test", "role", "VIEWER");
            case "PATCH /manage/v1/members/{memberId}" -> Map.of("role", "DEVELOPER");
            case "POST /manage/v1/apps", "PATCH /manage/v1/apps/{appId}" -> Map.of("name", "app-" + unique);
            case "POST /manage/v1/apps/{appId}/keys" -> Map.of("name", "key-" + unique);
            case "POST /manage/v1/apps/{appId}/push-credentials" -> {
                String[] vapid = GeneratedCredentials.vapid();
                yield Map.of("kind", "WEBPUSH_VAPID", "publicKey", vapid[0], "privateKey", vapid[1], "subject", "mailto:push@sample.test");
            }
            case "POST /manage/v1/apps/{appId}/push-credentials/vapid" -> Map.of("subject", "mailto:push@sample.test", "label", "vapid");
            case "POST /manage/v1/apps/{appId}/moderation/rules", "PATCH /manage/v1/apps/{appId}/moderation/rules/{ruleId}" ->
                    Map.of("name", "rule-" + unique, "kind", "regex", "action", "flag", "scope", "all", "terms", List.of("zz(bad|worse)zz"));
            case "PUT /manage/v1/apps/{appId}/moderation/rules/{ruleId}/terms",
                 "POST /manage/v1/apps/{appId}/moderation/rules/{ruleId}/terms" -> "zz(bad|worse)zz\nzzscamzz\n";
            case "PUT /manage/v1/apps/{appId}/moderation/hook" -> Map.of("url", "http://127.0.0.1:9/hook", "timeoutMillis", 500, "onFailure", "open");
            case "POST /manage/v1/apps/{appId}/moderation/check" -> Map.of("text", "is this zzspamzz", "conversationType", "group");
            case "POST /manage/v1/apps/{appId}/moderation/queue/decisions" ->
                    Map.of("messageIds", List.of(world.messageId), "decision", "approve", "reason", "fine");
            case "POST /manage/v1/apps/{appId}/moderation/mutes", "POST /manage/v1/apps/{appId}/moderation/bans" ->
                    Map.of("userId", TenantWorld.ANN, "durationSeconds", 60, "reason", "sample");
            case "POST /manage/v1/apps/{appId}/moderation/restrictions/{restrictionId}/lift" -> Map.of("reason", "sample");
            case "POST /invitations/{token}" -> Map.of("password", "a-long-enough-password");
            default -> null;
        };
    }

    /** A minimal body from a schema: every property with a value of its type. */
    private Object fromSchema(JsonNode schema, int depth) {
        JsonNode resolved = operations.resolve(schema);
        if (resolved == null || depth > 4) {
            return null;
        }
        return switch (resolved.path("type").asString("object")) {
            case "string" -> "sample";
            case "integer", "number" -> 1;
            case "boolean" -> true;
            case "array" -> {
                Object item = fromSchema(resolved.path("items"), depth + 1);
                yield item == null ? List.of() : List.of(item);
            }
            default -> {
                Map<String, Object> object = new LinkedHashMap<>();
                for (String property : resolved.path("properties").propertyNames()) {
                    object.put(property, fromSchema(resolved.get("properties").get(property), depth + 1));
                }
                yield object;
            }
        };
    }
}
