package io.linnet.tenancy.audit;

import io.linnet.tenancy.DomainException;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.Optional;

/**
 * What narrows the audit log: who acted, which action, which target (its type, id or name), the UTC
 * days from and to (both included), and a text anywhere in the entry. Absent or blank parts match
 * everything; the text parts match case-insensitively anywhere in their field.
 */
public record AuditFilter(String actor, String action, String target, LocalDate from, LocalDate to, String text) {

    /** The whole log. */
    public static final AuditFilter NONE = new AuditFilter(null, null, null, null, null, null);

    private static final int MAX_TEXT = 200;

    public AuditFilter {
        actor = checked("who", actor);
        action = checked("action", action);
        target = checked("target", target);
        text = checked("q", text);
        if (from != null && to != null && to.isBefore(from)) {
            throw DomainException.invalid("to must not be before from");
        }
    }

    /** The first instant included, if bounded. */
    Optional<Instant> since() {
        return Optional.ofNullable(from).map(day -> day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** The first instant no longer included, if bounded. */
    Optional<Instant> until() {
        return Optional.ofNullable(to).map(day -> day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** {@code value} as a LIKE pattern that finds it anywhere, its own wildcards taken literally; null when absent. */
    static String anywhere(String value) {
        if (value == null) {
            return null;
        }
        return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static String checked(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String value = raw.strip();
        if (value.length() > MAX_TEXT) {
            throw DomainException.invalid(name + " must be at most " + MAX_TEXT + " characters");
        }
        return value;
    }
}
