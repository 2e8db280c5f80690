package io.linnet.server.security;

import io.linnet.server.support.Api;
import io.linnet.server.support.Fixtures;
import io.linnet.server.support.ServerIT;
import io.linnet.tenancy.database.PlatformDatabase;
import io.linnet.tenancy.Role;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tenant with one of everything, built through the real APIs: an app with a key, end users, a
 * group with messages (one reported), a device, a scheduled push, a push template, a moderation
 * rule, a mute, a push credential, a member of every role, a pending invitation and a personal
 * access token, a plan of its own and last month's invoice, issued. {@link #idFor} fills an operation's path parameters with these real ids.
 */
final class TenantWorld {

    static final String ANN = "ann";
    static final String BEN = "ben";

    final Fixtures.TenantOwner owner;
    final String appId;
    final Fixtures.AppKey key;
    final Api.Client app;
    final String conversationId;
    final String messageId;
    final String deviceId;
    final String pushId;
    final String templateId;
    final String ruleId;
    final String restrictionId;
    final String credentialId;
    final String pendingMemberId;
    final String personalTokenId;
    final String userToken;
    final String planId;
    final String invoiceId;
    final Map<Role, Api.Client> members = new EnumMap<>(Role.class);

    /** {@code platform}: to end a billing period of this tenant, so that it has an invoice. */
    TenantWorld(Api api, Fixtures fixtures, String name, PlatformDatabase platform) {
        owner = fixtures.tenant(name);
        appId = fixtures.app(owner, name.toLowerCase().replaceAll("[^a-z0-9]", "-"));
        key = fixtures.key(owner, appId);
        app = api.bearer(api.accessToken(key.keyId(), key.secret()));
        for (String user : List.of(ANN, BEN)) {
            expect(app.put("/v1/users/" + user, Map.of("name", user, "tags", List.of("early"))), 200, 201);
        }
        conversationId = id(app.post("/v1/conversations", Map.of("type", "group", "name", "Team",
                "members", List.of(ANN, BEN), "owner", ANN)), "id");
        messageId = id(app.post("/v1/conversations/" + conversationId + "/messages", Map.of("senderId", ANN,
                "clientMsgId", "first", "body", Map.of("type", "text", "text", "hello ben"))), "messageId");
        expect(app.post("/v1/conversations/" + conversationId + "/messages", Map.of("senderId", BEN,
                "clientMsgId", "second", "body", Map.of("type", "text", "text", "hello ann"))), 201);
        expect(app.post("/v1/messages/" + messageId + "/reports", Map.of("userId", BEN, "reason", "spam")), 201);
        deviceId = id(app.post("/v1/users/" + ANN + "/devices", Map.of("provider", "fcm",
                "token", "fcm:APA91b-" + UUID.randomUUID())), "id");
        templateId = id(app.post("/v1/push/templates", Map.of("name", "welcome",
                "notification", Map.of("title", "Hi {{name}}", "body", "Welcome"))), "id");
        // scheduled days ahead, so that no worker touches it while the tests compare snapshots
        pushId = id(app.post("/v1/push", Map.of("target", Map.of("users", List.of(ANN)),
                "notification", Map.of("title", "Later", "body", "Scheduled"),
                "sendAt", Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString())), "pushId");
        String moderation = "/manage/v1/apps/" + appId + "/moderation";
        // a regex rule, so that the terms the fuzzer sends to it are compiled as patterns
        ruleId = id(owner.client().post(moderation + "/rules", Map.of("name", "spam", "kind", "regex",
                "action", "flag", "scope", "all", "terms", List.of("zz(spam|scam)zz"))), "id");
        restrictionId = id(owner.client().post(moderation + "/mutes", Map.of("userId", BEN,
                "conversationId", conversationId, "durationSeconds", 86_400, "reason", "cool down")), "id");
        credentialId = id(owner.client().post("/manage/v1/apps/" + appId + "/push-credentials/vapid",
                Map.of("subject", "mailto:push@linnet.test")), "id");
        for (Role role : List.of(Role.ADMIN, Role.DEVELOPER, Role.MODERATOR, Role.VIEWER)) {
            members.put(role, fixtures.member(owner, role.name()));
        }
        Api.Response invited = owner.client().post("/manage/v1/members",
                Map.of("email", "pending-" + UUID.randomUUID() + "@members.test", "role", "VIEWER"));
        expect(invited, 201);
        pendingMemberId = invited.json().get("member").get("id").asString();
        personalTokenId = id(owner.client().post("/manage/v1/access-tokens", Map.of("name", "script")), "id");
        userToken = app.post("/v1/users/" + ANN + "/tokens", Map.of()).json().get("token").asString();
        // on a plan of its own, with last month closed into an issued invoice; its quota is far from what the
        // world uses, so the quota watch never writes a notice (and an audit entry) into a snapshot's window
        Api.Client operator = api.basic(ServerIT.OPERATOR_EMAIL, ServerIT.OPERATOR_PASSWORD);
        planId = id(operator.post("/ops/v1/plans", Map.of("name", "World " + UUID.randomUUID(), "currency", "EUR",
                "monthlyPrice", 10, "included", Map.of("messages", 1_000_000), "overagePrices", Map.of("messages", 0.01),
                "limits", Map.of("maxApps", 10, "maxConnectionsPerApp", 1000, "apiRequestsPerSecond", 100_000,
                        "sendsPerSecondPerUser", 100_000, "pushesPerSecondPerApp", 100_000, "messageRetentionDays", 30))), "id");
        expect(operator.patch("/ops/v1/tenants/" + owner.tenantId() + "/subscription", Map.of("planId", planId)), 200);
        LocalDate lastMonth = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).minusMonths(1);
        platform.inTransaction(() -> {
            UUID tenant = UUID.fromString(owner.tenantId());
            platform.jdbc().sql("update billing_subscriptions set period_start = ? where tenant_id = ?").params(lastMonth, tenant).update();
            platform.jdbc().sql("update billing_plan_changes set day = ? where tenant_id = ?").params(lastMonth, tenant).update();
            return null;
        });
        expect(operator.post("/ops/v1/billing/close-periods", Map.of()), 200);
        invoiceId = operator.get("/ops/v1/invoices?tenant=" + owner.tenantId()).json().at("/items/0/id").asString();
        expect(operator.post("/ops/v1/invoices/" + invoiceId + "/issue", Map.of()), 200);
    }

    /**
     * The real id of this world for a path parameter. A parameter name this world does not know
     * fails the test: a new endpoint names a new kind of id, to be added here once.
     */
    String idFor(ApiOperations.Operation operation, String parameter) {
        return switch (parameter) {
            case "appId" -> appId;
            case "keyId" -> key.keyId();
            case "userId" -> ANN;
            case "conversationId" -> conversationId;
            case "messageId" -> messageId;
            case "deviceId" -> deviceId;
            case "pushId" -> pushId;
            case "templateId" -> templateId;
            case "ruleId" -> ruleId;
            case "restrictionId" -> restrictionId;
            case "credentialId" -> credentialId;
            case "memberId" -> pendingMemberId;
            case "tokenId" -> personalTokenId;
            case "tenantId" -> owner.tenantId();
            case "planId" -> planId;
            case "invoiceId" -> invoiceId;
            // an invitation link's token is its own credential; the walk uses one nobody was given
            case "token" -> "forged-invitation-" + UUID.randomUUID();
            default -> throw new AssertionError(operation.name() + " has the path parameter '" + parameter
                    + "', which TenantWorld.idFor does not know: add the kind of id it names there, with a real one"
                    + " built in the TenantWorld constructor, so that the security tests walk it with real ids");
        };
    }

    /** {@code operation}'s path with this world's ids. */
    String path(ApiOperations.Operation operation) {
        String path = operation.path();
        for (String parameter : operation.pathParameters()) {
            path = path.replace("{" + parameter + "}", idFor(operation, parameter));
        }
        return path;
    }

    private static String id(Api.Response response, String field) {
        expect(response, 200, 201, 202);
        return response.json().get(field).asString();
    }

    private static void expect(Api.Response response, Integer... statuses) {
        assertThat(response.status()).as(response.toString()).isIn((Object[]) statuses);
    }
}
