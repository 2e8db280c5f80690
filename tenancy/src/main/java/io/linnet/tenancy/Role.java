package io.linnet.tenancy;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a console account may do. The first five are roles inside one tenant; {@link #OPERATOR} runs
 * the platform and belongs to no tenant.
 */
public enum Role {
    OWNER(EnumSet.allOf(Permission.class)),
    ADMIN(EnumSet.of(Permission.APPS_READ, Permission.APPS_WRITE, Permission.KEYS_READ, Permission.KEYS_WRITE,
            Permission.PUSH_CREDENTIALS_READ, Permission.PUSH_CREDENTIALS_WRITE,
            Permission.TEAM_READ, Permission.TEAM_WRITE, Permission.AUDIT_READ, Permission.MODERATION,
            Permission.MESSAGES_READ)),
    DEVELOPER(EnumSet.of(Permission.APPS_READ, Permission.APPS_WRITE, Permission.KEYS_READ, Permission.KEYS_WRITE,
            Permission.PUSH_CREDENTIALS_READ, Permission.PUSH_CREDENTIALS_WRITE, Permission.TEAM_READ)),
    MODERATOR(EnumSet.of(Permission.APPS_READ, Permission.TEAM_READ, Permission.MODERATION, Permission.MESSAGES_READ)),
    VIEWER(EnumSet.of(Permission.APPS_READ, Permission.KEYS_READ, Permission.PUSH_CREDENTIALS_READ, Permission.TEAM_READ)),
    OPERATOR(EnumSet.noneOf(Permission.class));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = Set.copyOf(permissions);
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    public boolean allows(Permission permission) {
        return permissions.contains(permission);
    }

    /** The role as people read it ("Moderator"); {@link #name()} is how the API and the audit log spell it. */
    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
    }

    public boolean isTenantRole() {
        return this != OPERATOR;
    }

    /** Parses a role named by a client; an unknown name is bad input. */
    public static Role parse(String raw) {
        if (raw != null) {
            for (Role role : values()) {
                if (role.name().equalsIgnoreCase(raw.trim())) {
                    return role;
                }
            }
        }
        throw DomainException.invalid("role must be one of OWNER, ADMIN, DEVELOPER, MODERATOR, VIEWER");
    }
}
