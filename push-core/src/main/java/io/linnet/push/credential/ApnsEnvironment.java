package io.linnet.push.credential;

import com.fasterxml.jackson.annotation.JsonValue;
import io.linnet.tenancy.DomainException;

import java.util.Locale;

/**
 * Which APNs environment a credential is for: the sandbox (development builds), production, or
 * both. An auth key (.p8) works in both; a certificate says in its subject which one it is for.
 */
public enum ApnsEnvironment {
    SANDBOX,
    PRODUCTION,
    BOTH;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a credential for this environment may send to {@code target} (SANDBOX or PRODUCTION). */
    public boolean covers(ApnsEnvironment target) {
        return this == BOTH || this == target;
    }

    /** Parses a client's {@code environment}; absent means {@code fallback}, unknown is bad input. */
    static ApnsEnvironment parse(String raw, ApnsEnvironment fallback) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        for (ApnsEnvironment environment : values()) {
            if (environment.name().equalsIgnoreCase(raw.strip())) {
                return environment;
            }
        }
        throw DomainException.invalid("environment must be sandbox, production or both; got " + CheckedCredential.quoted(raw));
    }

    static ApnsEnvironment fromWire(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
