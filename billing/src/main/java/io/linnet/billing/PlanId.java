package io.linnet.billing;

import com.fasterxml.jackson.annotation.JsonValue;
import io.linnet.tenancy.Ids;

import java.util.UUID;

/** Identifies a plan. */
public record PlanId(@JsonValue UUID value) {

    public PlanId {
        java.util.Objects.requireNonNull(value, "value");
    }

    public static PlanId of(String raw) {
        return new PlanId(Ids.parse(raw, "Plan"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
