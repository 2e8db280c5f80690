package io.linnet.push.job;

import io.linnet.messaging.AppRef;
import io.linnet.push.PushSettings;
import io.linnet.tenancy.Actor;
import io.linnet.tenancy.AppId;
import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.Ids;
import io.linnet.tenancy.Page;
import io.linnet.tenancy.Permission;
import io.linnet.tenancy.app.AppManagement;
import io.linnet.tenancy.audit.AuditLog;
import io.linnet.tenancy.database.TenantDatabase;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An app's push jobs: create one (it is then scheduled; the {@link JobScheduler} expands it when due), read it
 * with its counts, list them, cancel one that has not started, and count opens. The console sends test pushes
 * through the same path.
 */
@Service
public class PushJobs {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };
    private static final String COLUMNS = """
            id, state, origin, target::text as target, content::text as content, template_id, collapse_key, priority,
            send_at, expires_at, created_at, completed_at, cancelled_at, targeted, queued, sent, delivered, failed,
            opened""";

    private final TenantDatabase database;
    private final PushTemplates templates;
    private final AppManagement apps;
    private final AuditLog audit;
    private final PushSettings settings;
    private final Clock clock;

    public PushJobs(TenantDatabase database, PushTemplates templates, AppManagement apps, AuditLog audit,
                    PushSettings settings) {
        this.database = database;
        this.templates = templates;
        this.apps = apps;
        this.audit = audit;
        this.settings = settings;
        this.clock = Clock.systemUTC();
    }

    /** A request that passed every check, before its template (if any) is read. */
    private record Checked(PushTarget target, Optional<PushContent> content, Optional<UUID> templateId,
                           Map<String, String> variables, Instant sendAt, Duration ttl, Optional<String> collapseKey,
                           String priority) {
    }

    /** Creates a job; it is sent at {@code sendAt} (now when absent or past). */
    public PushJob create(AppRef app, PushRequest request, Origin origin) {
        Checked checked = check(request);
        return database.inTenant(app.tenantId(), () -> insert(app, checked, origin));
    }

    public PushJob get(AppRef app, String pushId) {
        UUID id = Ids.parse(pushId, "Push");
        return database.inTenant(app.tenantId(), () -> find(app, id));
    }

    /** The app's jobs, newest first. */
    public Page<PushJob> list(AppRef app, Page.Request request) {
        UUID before = request.after().map(Page.Request::uuidKey).orElse(null);
        return database.inTenant(app.tenantId(), () -> page(app, before, request.limit()));
    }

    /** Cancels a job that has not started expanding; a started or finished one is a conflict. */
    public PushJob cancel(AppRef app, String pushId) {
        UUID id = Ids.parse(pushId, "Push");
        return database.inTenant(app.tenantId(), () -> {
            PushJob job = find(app, id);
            if (JobState.fromWire(job.state()) == JobState.CANCELLED) {
                return job;
            }
            int cancelled = database.jdbc().sql("""
                            update push_jobs set state = 'cancelled', cancelled_at = now()
                             where tenant_id = ? and app_id = ? and id = ? and state = 'scheduled'""")
                    .params(app.tenantId().value(), app.appId().value(), id)
                    .update();
            if (cancelled == 0) {
                throw DomainException.conflict("This push is " + job.state() + ": only a scheduled push can be cancelled");
            }
            return find(app, id);
        });
    }

    /** Whether a report of an open was the first from that device (only the first one counts). */
    public record OpenReport(String pushId, String deviceId, boolean counted) {
    }

    /** Counts an open reported by a device the job was sent to, once per device. */
    public OpenReport open(AppRef app, String pushId, String deviceId) {
        UUID id = Ids.parse(pushId, "Push");
        if (deviceId == null || deviceId.isBlank()) {
            throw DomainException.invalid("deviceId is required: the device that opened the notification");
        }
        UUID device;
        try {
            device = UUID.fromString(deviceId.strip());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("deviceId is not a device id");
        }
        return database.inTenant(app.tenantId(), () -> {
            find(app, id);
            boolean targeted = database.jdbc().sql("""
                            select count(*) from push_deliveries where tenant_id = ? and app_id = ? and job_id = ? and device_id = ?""")
                    .params(app.tenantId().value(), app.appId().value(), id, device)
                    .query(Integer.class)
                    .single() > 0;
            if (!targeted) {
                throw DomainException.invalid("deviceId is not one of the devices this push was sent to");
            }
            int inserted = database.jdbc().sql("""
                            insert into push_opens (tenant_id, app_id, job_id, device_id) values (?, ?, ?, ?)
                            on conflict do nothing""")
                    .params(app.tenantId().value(), app.appId().value(), id, device)
                    .update();
            if (inserted > 0) {
                database.jdbc().sql("update push_jobs set opened = opened + 1 where tenant_id = ? and app_id = ? and id = ?")
                        .params(app.tenantId().value(), app.appId().value(), id)
                        .update();
            }
            return new OpenReport(id.toString(), device.toString(), inserted > 0);
        });
    }

    /** The console's list of an app's jobs, newest first, for members who may see push settings. */
    public Page<PushJob> list(Actor.Member actor, AppId appId, Page.Request request) {
        actor.require(Permission.PUSH_CREDENTIALS_READ);
        AppRef app = new AppRef(actor.tenantId(), appId);
        UUID before = request.after().map(Page.Request::uuidKey).orElse(null);
        return database.inTenant(actor.tenantId(), () -> {
            apps.find(actor.tenantId(), appId);
            return page(app, before, request.limit());
        });
    }

    /**
     * The console's "send a test push": a notification to one user's devices or to one device, now. Allowed to
     * members who may manage push credentials, since it is how they check one; recorded in the audit log.
     */
    public PushJob sendTest(Actor.Member actor, AppId appId, PushRequest request) {
        actor.require(Permission.PUSH_CREDENTIALS_WRITE);
        Checked checked = check(request);
        if (checked.target().kind() != PushTarget.Kind.USERS && checked.target().kind() != PushTarget.Kind.DEVICES
                || checked.target().ids().size() != 1) {
            throw DomainException.invalid("A test push goes to one user or one device");
        }
        AppRef app = new AppRef(actor.tenantId(), appId);
        return database.inTenant(actor.tenantId(), () -> {
            apps.find(actor.tenantId(), appId);
            PushJob job = insert(app, checked, Origin.CONSOLE);
            audit.record(actor, "push.test_sent", "push", job.id(),
                    Map.of("app", appId.toString(), "target", checked.target().describe()));
            return job;
        });
    }

    private PushJob insert(AppRef app, Checked checked, Origin origin) {
        PushContent content = checked.content().orElseGet(() -> templates.find(app, checked.templateId().orElseThrow())
                .orElseThrow(() -> DomainException.invalid("templateId names no template of this app"))
                .notification().render(checked.variables()));
        UUID id = Ids.next();
        database.jdbc().sql("""
                        insert into push_jobs (tenant_id, app_id, id, origin, state, target, content, template_id,
                                               collapse_key, priority, send_at, expires_at)
                        values (?, ?, ?, ?, 'scheduled', cast(? as jsonb), cast(? as jsonb), ?, ?, ?, ?, ?)""")
                .params(app.tenantId().value(), app.appId().value(), id, origin.wireName(),
                        PushContent.JSON.writeValueAsString(checked.target().json()),
                        PushContent.JSON.writeValueAsString(content), checked.templateId().orElse(null),
                        checked.collapseKey().orElse(null), checked.priority(), Timestamp.from(checked.sendAt()),
                        Timestamp.from(checked.sendAt().plus(checked.ttl())))
                .update();
        return find(app, id);
    }

    private Checked check(PushRequest request) {
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
        Optional<UUID> templateId = Optional.ofNullable(request.templateId()).map(raw -> {
            try {
                return UUID.fromString(raw.strip());
            } catch (IllegalArgumentException e) {
                throw DomainException.invalid("templateId names no template of this app");
            }
        });
        return new Checked(checkedTarget, content, templateId, variables(request.variables()), sendAt(request.sendAt()),
                ttl(request.ttlSeconds()), collapseKey(request.collapseKey()), priority(request.priority()));
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

    private Instant sendAt(String raw) {
        Instant now = clock.instant();
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

    private Duration ttl(Long seconds) {
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
        return switch (raw.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "high" -> "high";
            case "normal" -> "normal";
            default -> throw DomainException.invalid("priority must be high or normal");
        };
    }

    private Page<PushJob> page(AppRef app, UUID before, int limit) {
        List<UUID> ids = database.jdbc().sql("""
                        select id from push_jobs
                         where tenant_id = :tenant and app_id = :app and (cast(:before as uuid) is null or id < cast(:before as uuid))
                         order by id desc limit :limit""")
                .param("tenant", app.tenantId().value())
                .param("app", app.appId().value())
                .param("before", before)
                .param("limit", limit + 1)
                .query(UUID.class)
                .list();
        return Page.of(ids.stream().map(id -> find(app, id)).toList(), limit, PushJob::id);
    }

    /** The job with its counts, inside a tenant transaction. */
    PushJob find(AppRef app, UUID id) {
        Map<String, Integer> failures = new LinkedHashMap<>();
        database.jdbc().sql("""
                        select reason, count from push_job_failures where tenant_id = ? and app_id = ? and job_id = ?
                         order by count desc, reason""")
                .params(app.tenantId().value(), app.appId().value(), id)
                .query(rs -> {
                    failures.put(rs.getString("reason"), rs.getInt("count"));
                });
        return database.jdbc().sql("select " + COLUMNS + " from push_jobs where tenant_id = ? and app_id = ? and id = ?")
                .params(app.tenantId().value(), app.appId().value(), id)
                .query((rs, row) -> job(rs, failures))
                .optional()
                .orElseThrow(() -> DomainException.notFound("Push"));
    }

    private static PushJob job(ResultSet rs, Map<String, Integer> failures) throws SQLException {
        UUID template = rs.getObject("template_id", UUID.class);
        return new PushJob(
                rs.getObject("id", UUID.class).toString(),
                rs.getString("state"),
                rs.getString("origin"),
                PushContent.JSON.readValue(rs.getString("target"), OBJECT),
                PushContent.JSON.readValue(rs.getString("content"), PushContent.class),
                template == null ? null : template.toString(),
                rs.getString("collapse_key"),
                rs.getString("priority"),
                instant(rs, "send_at"),
                instant(rs, "expires_at"),
                instant(rs, "created_at"),
                instant(rs, "completed_at"),
                instant(rs, "cancelled_at"),
                new PushJob.Counts(rs.getInt("targeted"), rs.getInt("queued"), rs.getInt("sent"),
                        rs.getInt("delivered"), rs.getInt("failed"), rs.getInt("opened"),
                        java.util.Collections.unmodifiableMap(failures)));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
