package io.linnet.tenancy;

/** One thing a tenant member may do; roles are sets of these. */
public enum Permission {
    APPS_READ,
    APPS_WRITE,
    KEYS_READ,
    KEYS_WRITE,
    /** See an app's push credentials (their public metadata; secrets are never shown). */
    PUSH_CREDENTIALS_READ,
    /** Upload, generate and delete an app's push credentials. */
    PUSH_CREDENTIALS_WRITE,
    TEAM_READ,
    TEAM_WRITE,
    /** Grant or take the OWNER role. */
    TEAM_OWNERSHIP,
    AUDIT_READ,
    MODERATION,
    /** Read the content of an app's messages in the console; every conversation opened is audited. */
    MESSAGES_READ,
    BILLING
}
