package io.linnet.messaging;

import com.fasterxml.jackson.annotation.JsonValue;
import io.linnet.tenancy.DomainException;

import java.util.regex.Pattern;

/**
 * An end user's id, chosen by the developer: 1 to 128 letters, digits or {@code _ . @ : -}, unique
 * within one app. The same characters the database checks, so a bad id never reaches it.
 */
public record UserId(@JsonValue String value) {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_.@:-]{1,128}");

    public UserId {
        if (value == null || !VALID.matcher(value).matches()) {
            throw DomainException.invalid("userId must be 1 to 128 letters, digits or '_', '.', '@', ':', '-'");
        }
    }

    public static UserId of(String raw) {
        return new UserId(raw);
    }

    /** Whether {@code raw} is a well-formed user id. */
    public static boolean isValid(String raw) {
        return raw != null && VALID.matcher(raw).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
