package io.linnet.tenancy;

/**
 * The port through which the tenant's plan limits what tenancy itself creates (implemented by billing;
 * without it, nothing is limited).
 */
public interface TenantLimits {

    TenantLimits NONE = tenant -> Integer.MAX_VALUE;

    /** How many apps the tenant may have. */
    int maxApps(TenantId tenant);
}
