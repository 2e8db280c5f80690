package io.linnet.billing;

import com.fasterxml.jackson.annotation.JsonValue;
import io.linnet.tenancy.Ids;

import java.util.UUID;

/** Identifies an invoice. */
public record InvoiceId(@JsonValue UUID value) {

    public InvoiceId {
        java.util.Objects.requireNonNull(value, "value");
    }

    public static InvoiceId of(String raw) {
        return new InvoiceId(Ids.parse(raw, "Invoice"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
