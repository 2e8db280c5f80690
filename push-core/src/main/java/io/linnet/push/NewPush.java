package io.linnet.push;

import io.linnet.tenancy.DomainException;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A push, checked: a {@link PushRequest} that passed every check, built where the request arrives (the API's
 * controller, the console's test push) so that {@link PushJobs} only stores it. A template it names is read when
 * the job is stored, since only then is the app known.
 *
 * @param content     the notification given in the request; empty when it names a template
 * @param templateId  the template to render with {@code variables}; empty when it gives the notification
 * @param sendAt      when to send: the requested time, or now when it asked for none or a past one
 * @param ttl         how long the notification stays deliverable after {@code sendAt}
 * @param priority    {@code high} or {@code normal}
 */
public record NewPush(PushTarget target, Optional<PushContent> content, Optional<TemplateId> templateId,
                      Map<String, String> variables, Instant sendAt, Duration ttl, Optional<String> collapseKey,
                      String priority) {

    public NewPush {
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    }

    /** Checks a client's request as of now; bad input is a {@link DomainException} that says what is wrong. */
    public static NewPush of(PushRequest request, PushSettings settings) {
        return of(request, settings, Instant.now());
    }

    /** Checks a client's request as of {@code now}; bad input is a {@link DomainException} that says what is wrong. */
    public static NewPush of(PushRequest request, PushSettings settings, Instant now) {
        if (request == null) {
            throw DomainException.invalid("The request body is missing: send {target, notification} as JSON");
        }
        PushRequest.Target target = request.target();
        if (target == null) {
            throw DomainException.invalid("target is required: {users}, {devices}, {tags: {any|all}} or {all: true}");
        }
        PushTarget checkedTarget = PushTarget.check(target.users(), target.devices(),
                target.tags() == null ? null : target.tags().any(), target.tags() == null ? null : target.tags().all(),
                target.tags() != null, target.all(), settings.maxTargetIds());
        if ((request.notification() == null) == (request.templateId() == null)) {
            throw DomainException.invalid("Give either notification or templateId");
        }
        Optional<PushContent> content = Optional.ofNullable(request.notification()).map(fields -> PushContent.check(
                "notification", fields.title(), fields.body(), fields.data(), fields.badge(), fields.sound(),
                fields.image(), request.overrides()));
        if (request.templateId() != null && request.overrides() != null) {
            throw DomainException.invalid("overrides belong in the template when a templateId is given");
        }
        if (request.notification() != null && request.variables() != null) {
            throw DomainException.invalid("variables fill a template: give them with a templateId");
        }
        Optional<TemplateId> templateId = Optional.ofNullable(request.templateId()).map(raw -> {
            try {
                return new TemplateId(UUID.fromString(raw.strip()));
            } catch (IllegalArgumentException e) {
                throw DomainException.invalid("templateId names no template of this app");
            }
        });
        return new NewPush(checkedTarget, content, templateId, variables(request.variables()),
                sendAt(request.sendAt(), settings, now), ttl(request.ttlSeconds(), settings),
                collapseKey(request.collapseKey()), priority(request.priority()));
    }

    private static Map<String, String> variables(Map<String, JsonNode> raw) {
        Map<String, String> variables = new LinkedHashMap<>();
        if (raw == null) {
            return variables;
        }
        raw.forEach((name, value) -> {
            if (value == null || !(value.isString() || value.isNumber() || value.isBoolean())) {
                throw DomainException.invalid("variables." + name + " must be a string, a number or a boolean");
            }
            if (value.asString().length() > PushContent.MAX_BODY) {
                throw DomainException.invalid("variables." + name + " is longer than " + PushContent.MAX_BODY + " characters");
            }
            variables.put(name, value.asString());
        });
        return variables;
    }

    private static Instant sendAt(String raw, PushSettings settings, Instant now) {
        if (raw == null || raw.isBlank()) {
            return now;
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(raw.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("sendAt must be an RFC 3339 time, e.g. 2030-01-31T09:00:00Z");
        }
        if (at.isAfter(now.plus(settings.maxScheduleAhead()))) {
            throw DomainException.invalid("sendAt is more than " + settings.maxScheduleAhead().toDays() + " days ahead");
        }
        return at.isBefore(now) ? now : at;
    }

    private static Duration ttl(Long seconds, PushSettings settings) {
        if (seconds == null) {
            return settings.defaultTtl();
        }
        if (seconds < 1 || seconds > settings.maxTtl().toSeconds()) {
            throw DomainException.invalid("ttlSeconds must be between 1 and " + settings.maxTtl().toSeconds());
        }
        return Duration.ofSeconds(seconds);
    }

    private static Optional<String> collapseKey(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        // APNs takes at most 64 bytes as apns-collapse-id; Web Push's Topic is derived from it
        if (raw.isEmpty() || raw.length() > 64 || !raw.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw DomainException.invalid("collapseKey must be 1 to 64 visible ASCII characters");
        }
        return Optional.of(raw);
    }

    private static String priority(String raw) {
        if (raw == null) {
            return "high";
        }
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "high" -> "high";
            case "normal" -> "normal";
            default -> throw DomainException.invalid("priority must be high or normal");
        };
    }
}
