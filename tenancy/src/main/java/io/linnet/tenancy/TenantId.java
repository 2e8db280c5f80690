package io.linnet.tenancy;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.UUID;

/** Identifies a tenant: one customer organisation. */
public record TenantId(@JsonValue UUID value) {

    public TenantId {
        java.util.Objects.requireNonNull(value, "value");
    }

    public static TenantId of(String raw) {
        return new TenantId(Ids.parse(raw, "Tenant"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
