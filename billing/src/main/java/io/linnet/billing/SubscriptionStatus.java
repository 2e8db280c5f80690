package io.linnet.billing;

import io.linnet.tenancy.DomainException;

import java.util.Locale;

/** Where a tenant's subscription stands; only operators change it. */
public enum SubscriptionStatus {
    TRIALING, ACTIVE, PAST_DUE, CANCELLED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SubscriptionStatus of(String raw) {
        try {
            return valueOf(raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw DomainException.invalid("status must be one of trialing, active, past_due, cancelled");
        }
    }
}
