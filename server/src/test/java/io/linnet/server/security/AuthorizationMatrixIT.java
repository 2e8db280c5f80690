package io.linnet.server.security;

import io.linnet.server.support.Api;
import io.linnet.server.support.Fixtures;
import io.linnet.server.support.ServerIT;
import io.linnet.tenancy.Permission;
import io.linnet.tenancy.Role;
import io.linnet.tenancy.TenantId;
import io.linnet.tenancy.database.PlatformDatabase;
import io.linnet.tenancy.database.TenantDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authorization matrix: every operation of the published OpenAPI document, called on a victim
 * tenant's real ids by every caller who must be refused (no credentials, an end user's token,
 * another tenant's owner and app key, another app's key of the same tenant, the victim app's key
 * without the needed scope, each lower console role, an operator on the tenant API), answers the
 * refusal the docs promise, and the victim tenant's rows are exactly as they were. Lower roles that
 * may read are checked to be let through. A new endpoint is walked without editing this test; a new
 * kind of id or a new area of the API fails it until {@link TenantWorld} or {@link AccessRules}
 * learns it.
 */
class AuthorizationMatrixIT extends ServerIT {

    @Autowired
    PlatformDatabase platform;

    @Autowired
    TenantDatabase database;

    /** A refusal: the status and the problem's stable code. */
    record Refusal(int status, String code) {
        static final Refusal UNAUTHORIZED = new Refusal(401, "unauthorized");
        static final Refusal FORBIDDEN = new Refusal(403, "forbidden");
        static final Refusal NOT_FOUND = new Refusal(404, "not_found");
    }

    /** A caller, and what it must get for an operation: a refusal, or empty when the docs let it through. */
    record Caller(String name, Api.Client client, Function<ApiOperations.Operation, Optional<Refusal>> expected) {
    }

    @Test
    void every_operation_refuses_every_caller_the_docs_refuse_and_changes_nothing_of_the_victim() {
        ApiOperations operations = ApiOperations.published(api());
        TenantWorld victim = new TenantWorld(api(), fixtures(), "Matrix Victim", platform);
        Fixtures.TenantOwner attacker = fixtures().tenant("Matrix Attacker");
        Fixtures.AppKey attackerKey = fixtures().key(attacker, fixtures().app(attacker, "attacker-app"));
        Fixtures.AppKey siblingKey = fixtures().key(victim.owner, fixtures().app(victim.owner, "sibling-app"));
        SampleBodies samples = new SampleBodies(operations);
        TenantId victimTenant = TenantId.of(victim.owner.tenantId());
        TenantSnapshot snapshots = new TenantSnapshot(database, victimTenant);

        List<Caller> callers = callers(victim, attacker, attackerKey, siblingKey);
        List<String> findings = new ArrayList<>();
        int calls = 0;
        int refusals = 0;
        int allowedReads = 0;
        int notCalled = 0;
        for (ApiOperations.Operation operation : operations.all()) {
            String path = victim.path(operation);
            Object body = samples.body(operation, victim);
            Map<String, String> before = snapshots.of(victimTenant);
            for (Caller caller : callers) {
                Optional<Refusal> refusal = caller.expected().apply(operation);
                if (refusal == null) {
                    notCalled++;
                    continue;
                }
                if (refusal.isEmpty() && !operation.reads()) {
                    // allowed to write: the feature tests prove that it works; here it would change the world
                    notCalled++;
                    continue;
                }
                Api.Response response = Requests.send(caller.client(), operation.method(), path, operation.bodyContentType(), body);
                calls++;
                if (refusal.isPresent()) {
                    refusals++;
                    Refusal wanted = refusal.get();
                    if (response.status() != wanted.status() || !isProblem(response, wanted.code())) {
                        findings.add(operation.name() + " as " + caller.name() + ": expected " + wanted.status() + " "
                                + wanted.code() + ", got " + abbreviated(response));
                    }
                } else {
                    allowedReads++;
                    if (response.status() == 401 || response.status() == 403 || response.status() >= 500) {
                        findings.add(operation.name() + " as " + caller.name() + ": the docs allow this read, got "
                                + abbreviated(response));
                    }
                }
            }
            Map<String, String> after = snapshots.of(victimTenant);
            if (!after.equals(before)) {
                List<String> changed = before.keySet().stream().filter(table -> !before.get(table).equals(after.get(table))).toList();
                findings.add(operation.name() + ": refused calls changed the victim's " + changed);
            }
        }

        Map<String, String> beforeRename = snapshots.of(victimTenant);
        assertThat(victim.owner.client().patch("/manage/v1/apps/" + victim.appId, Map.of("name", "renamed")).status()).isEqualTo(200);
        assertThat(snapshots.of(victimTenant)).as("the snapshot sees a change an allowed write makes").isNotEqualTo(beforeRename);

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("operations", operations.all().size());
        figures.put("callers", callers.size());
        figures.put("calls", calls);
        figures.put("refusalsChecked", refusals);
        figures.put("allowedReadsChecked", allowedReads);
        figures.put("notCalled", notCalled);
        figures.put("tablesCompared", snapshots.tables().size() + 1);
        figures.put("bodiesFromSchema", samples.generated());
        SecurityFigures.record("AuthorizationMatrixIT", figures, findings);
        assertThat(operations.all()).as("the walk found the API").hasSizeGreaterThan(50);
        assertThat(findings).as("operations that let a caller through or answered the wrong refusal").isEmpty();
    }

    private List<Caller> callers(TenantWorld victim, Fixtures.TenantOwner attacker, Fixtures.AppKey attackerKey,
                                 Fixtures.AppKey siblingKey) {
        List<Caller> callers = new ArrayList<>();
        callers.add(new Caller("no credentials", api().anonymous(), operation -> Optional.of(
                isInvitation(operation) ? Refusal.NOT_FOUND : Refusal.UNAUTHORIZED)));
        callers.add(new Caller("an end user's token", api().bearer(victim.userToken), operation -> Optional.of(
                isInvitation(operation) ? Refusal.NOT_FOUND : Refusal.UNAUTHORIZED)));
        callers.add(new Caller("another tenant's owner", attacker.client(), operation -> switch (area(operation)) {
            case "manage" -> operation.pathParameters().isEmpty() ? null : Optional.of(Refusal.NOT_FOUND);
            case "ops" -> Optional.of(Refusal.FORBIDDEN);
            case "v1" -> Optional.of(Refusal.UNAUTHORIZED);
            default -> Optional.of(Refusal.NOT_FOUND);
        }));
        callers.add(appKeyOfAnotherApp("another tenant's app key", token(attackerKey)));
        callers.add(appKeyOfAnotherApp("another app's key of the same tenant", token(siblingKey)));
        for (String scope : AccessRules.SCOPES) {
            List<String> others = AccessRules.SCOPES.stream().filter(other -> !other.equals(scope)).toList();
            Api.Response narrow = api().basic(victim.key.keyId(), victim.key.secret()).form("/oauth2/token",
                    Map.of("grant_type", "client_credentials", "scope", String.join(" ", others)));
            assertThat(narrow.status()).as(narrow.toString()).isEqualTo(200);
            callers.add(new Caller("the app's own key without scope " + scope,
                    api().bearer(narrow.json().get("access_token").asString()),
                    operation -> area(operation).equals("v1") && AccessRules.scope(operation).equals(Optional.of(scope))
                            ? Optional.of(Refusal.FORBIDDEN) : null));
        }
        victim.members.forEach((role, client) -> callers.add(new Caller("a " + role + " of the tenant", client,
                operation -> switch (area(operation)) {
                    case "manage" -> lowerRole(role, AccessRules.permission(operation));
                    case "ops" -> Optional.of(Refusal.FORBIDDEN);
                    case "v1" -> Optional.of(Refusal.UNAUTHORIZED);
                    default -> null;
                })));
        callers.add(new Caller("the platform operator", operator(), operation -> switch (area(operation)) {
            case "manage" -> Optional.of(Refusal.FORBIDDEN);
            case "v1" -> Optional.of(Refusal.UNAUTHORIZED);
            default -> null;
        }));
        return callers;
    }

    /** An app key's token on the victim's ids: its own app has none of them. */
    private static Caller appKeyOfAnotherApp(String name, Api.Client client) {
        return new Caller(name, client, operation -> switch (area(operation)) {
            // end user ids are named by each app: a PUT makes that user in the caller's own app
            case "v1" -> operation.pathParameters().isEmpty() || operation.name().equals("PUT /v1/users/{userId}")
                    ? null : Optional.of(Refusal.NOT_FOUND);
            case "manage", "ops" -> Optional.of(Refusal.UNAUTHORIZED);
            default -> Optional.of(Refusal.NOT_FOUND);
        });
    }

    private static Optional<Refusal> lowerRole(Role role, Optional<Permission> needed) {
        return needed.isPresent() && !role.allows(needed.get()) ? Optional.of(Refusal.FORBIDDEN) : Optional.empty();
    }

    private Api.Client token(Fixtures.AppKey key) {
        return api().bearer(api().accessToken(key.keyId(), key.secret()));
    }

    private static String area(ApiOperations.Operation operation) {
        String path = operation.path();
        if (path.startsWith("/v1/")) {
            return "v1";
        }
        if (path.startsWith("/manage/")) {
            return "manage";
        }
        if (path.startsWith("/ops/")) {
            return "ops";
        }
        if (isInvitation(operation)) {
            return "invitation";
        }
        throw new AssertionError(operation.name() + " is in no area the matrix knows (/v1, /manage, /ops, /invitations):"
                + " say in AuthorizationMatrixIT.area who may call it");
    }

    private static boolean isInvitation(ApiOperations.Operation operation) {
        return operation.path().startsWith("/invitations/");
    }

    private static boolean isProblem(Api.Response response, String code) {
        String type = response.contentType();
        return type != null && type.startsWith("application/problem+json") && code.equals(response.code());
    }

    static String abbreviated(Api.Response response) {
        String body = response.body() == null ? "" : response.body();
        return response.status() + " " + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
    }
}
