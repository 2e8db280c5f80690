package io.linnet.server.security;

import io.linnet.tenancy.Permission;

import java.util.List;
import java.util.Optional;

/**
 * What docs/tenancy.md and the README promise about who may call an operation, as the smallest
 * table that says it: the {@link Permission} a console path needs (reads need the read permission,
 * other methods the write one; the roles' permissions come from {@link io.linnet.tenancy.Role}
 * itself), and the scope an access token needs on {@code /v1}. The first matching prefix wins; a
 * {@code /manage} or {@code /v1} path that no prefix matches fails the walk, so a new area of the API
 * gets its line here.
 */
final class AccessRules {

    /** A console path's permissions; both empty for the account's own things (its tokens, its password). */
    record Console(String prefix, Optional<Permission> read, Optional<Permission> write) {
        static Console of(String prefix, Permission read, Permission write) {
            return new Console(prefix, Optional.of(read), Optional.of(write));
        }

        static Console own(String prefix) {
            return new Console(prefix, Optional.empty(), Optional.empty());
        }
    }

    record Developer(String prefix, Optional<String> scope) {
    }

    private static final List<Console> CONSOLE = List.of(
            Console.of("/manage/v1/apps/{appId}/moderation", Permission.MODERATION, Permission.MODERATION),
            Console.of("/manage/v1/apps/{appId}/push-credentials", Permission.PUSH_CREDENTIALS_READ, Permission.PUSH_CREDENTIALS_WRITE),
            Console.of("/manage/v1/apps/{appId}/keys", Permission.KEYS_READ, Permission.KEYS_WRITE),
            Console.of("/manage/v1/apps", Permission.APPS_READ, Permission.APPS_WRITE),
            Console.of("/manage/v1/members", Permission.TEAM_READ, Permission.TEAM_WRITE),
            Console.of("/manage/v1/audit", Permission.AUDIT_READ, Permission.AUDIT_READ),
            Console.of("/manage/v1/analytics", Permission.APPS_READ, Permission.APPS_READ),
            Console.of("/manage/v1/billing", Permission.BILLING, Permission.BILLING),
            Console.of("/manage/v1/invoices", Permission.BILLING, Permission.BILLING),
            Console.own("/manage/v1/access-tokens"),
            Console.own("/manage/v1/account"));

    private static final List<Developer> DEVELOPER = List.of(
            new Developer("/v1/app", Optional.empty()),
            new Developer("/v1/users/{userId}/devices", Optional.of("push")),
            new Developer("/v1/users/{userId}/conversations", Optional.of("messages")),
            new Developer("/v1/users", Optional.of("users")),
            new Developer("/v1/conversations", Optional.of("messages")),
            new Developer("/v1/messages", Optional.of("messages")),
            new Developer("/v1/push", Optional.of("push")),
            new Developer("/v1/analytics", Optional.of("analytics")));

    static final List<String> SCOPES = List.of("users", "messages", "push", "analytics");

    private AccessRules() {
    }

    /** The permission a tenant member needs for {@code operation}; empty when any member may. */
    static Optional<Permission> permission(ApiOperations.Operation operation) {
        for (Console console : CONSOLE) {
            if (matches(operation.path(), console.prefix())) {
                return operation.reads() ? console.read() : console.write();
            }
        }
        throw new AssertionError(operation.name() + " is under /manage but AccessRules.CONSOLE has no line for it:"
                + " add the permission docs/tenancy.md gives it");
    }

    /** The scope an access token needs for {@code operation}; empty when any token of the app may. */
    static Optional<String> scope(ApiOperations.Operation operation) {
        for (Developer developer : DEVELOPER) {
            if (matches(operation.path(), developer.prefix())) {
                return developer.scope();
            }
        }
        throw new AssertionError(operation.name() + " is under /v1 but AccessRules.DEVELOPER has no line for it:"
                + " add the scope the README gives it");
    }

    private static boolean matches(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
