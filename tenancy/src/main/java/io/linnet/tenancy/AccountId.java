package io.linnet.tenancy;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.UUID;

/** Identifies a console account: a tenant member or a platform operator. */
public record AccountId(@JsonValue UUID value) {

    public AccountId {
        java.util.Objects.requireNonNull(value, "value");
    }

    public static AccountId of(String raw) {
        return new AccountId(Ids.parse(raw, "Member"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
