package io.linnet.push;

import io.linnet.messaging.UserId;
import io.linnet.messaging.UserManagement;
import io.linnet.push.job.PushTemplates;
import io.linnet.tenancy.Actor;
import io.linnet.tenancy.AppId;
import io.linnet.tenancy.AppRef;
import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.Ids;
import io.linnet.tenancy.Page;
import io.linnet.tenancy.Permission;
import io.linnet.tenancy.app.AppManagement;
import io.linnet.tenancy.audit.AuditLog;
import io.linnet.tenancy.database.TenantDatabase;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An app's push jobs: store a checked {@link NewPush} (it is then scheduled; the job scheduler expands it when
 * due), read one with its counts, list them, cancel one that has not started, and count opens. The console sends
 * test pushes through the same path.
 */
@Service
public class PushJobs {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };
    private static final String COLUMNS = """
            id, state, origin, target::text as target, content::text as content, template_id, collapse_key, priority,
            send_at, expires_at, created_at, completed_at, cancelled_at, targeted, queued, sent, delivered, failed,
            opened""";

    private final TenantDatabase database;
    private final PushTemplates templates;
    private final AppManagement apps;
    private final UserManagement users;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    private final PushAllowance allowance;

    public PushJobs(TenantDatabase database, PushTemplates templates, AppManagement apps, UserManagement users,
                    AuditLog audit, ApplicationEventPublisher events, ObjectProvider<PushAllowance> allowance) {
        this.users = users;
        this.allowance = allowance.getIfAvailable(() -> PushAllowance.NONE);
        this.events = events;
        this.database = database;
        this.templates = templates;
        this.apps = apps;
        this.audit = audit;
    }

    /** Creates a job; it is sent at {@code push.sendAt()}. A request of the developer API passes the plan's limits first. */
    public PushJob create(AppRef app, NewPush push, Origin origin) {
        if (origin == Origin.API) {
            allowance.admit(app);
        }
        return database.inTenant(app.tenantId(), () -> insert(app, push, origin));
    }

    public PushJob get(AppRef app, PushJobId id) {
        return database.inTenant(app.tenantId(), () -> find(app, id));
    }

    /** The app's jobs, newest first. */
    public Page<PushJob> list(AppRef app, Page.Request request) {
        UUID before = request.after().map(Page.Request::uuidKey).orElse(null);
        return database.inTenant(app.tenantId(), () -> page(app, before, request.limit()));
    }

    /** Cancels a job that has not started expanding; a started or finished one is a conflict. */
    public PushJob cancel(AppRef app, PushJobId id) {
        return database.inTenant(app.tenantId(), () -> {
            PushJob job = find(app, id);
            if (job.state() == JobState.CANCELLED) {
                return job;
            }
            int cancelled = database.jdbc().sql("""
                            update push_jobs set state = 'cancelled', cancelled_at = now()
                             where tenant_id = ? and app_id = ? and id = ? and state = 'scheduled'""")
                    .params(app.tenantId().value(), app.appId().value(), id.value())
                    .update();
            if (cancelled == 0) {
                throw DomainException.conflict("This push is " + job.state().wireName()
                        + ": only a scheduled push can be cancelled");
            }
            return find(app, id);
        });
    }

    /** Whether a report of an open was the first from that device (only the first one counts). */
    public record OpenReport(PushJobId pushId, DeviceId deviceId, boolean counted) {
    }

    /** Counts an open reported by a device the job was sent to, once per device. */
    public OpenReport open(AppRef app, PushJobId id, DeviceId device) {
        OpenReport report = database.inTenant(app.tenantId(), () -> {
            find(app, id);
            boolean targeted = database.jdbc().sql("""
                            select count(*) from push_deliveries where tenant_id = ? and app_id = ? and job_id = ? and device_id = ?""")
                    .params(app.tenantId().value(), app.appId().value(), id.value(), device.value())
                    .query(Integer.class)
                    .single() > 0;
            if (!targeted) {
                throw DomainException.invalid("deviceId is not one of the devices this push was sent to");
            }
            int inserted = database.jdbc().sql("""
                            insert into push_opens (tenant_id, app_id, job_id, device_id) values (?, ?, ?, ?)
                            on conflict do nothing""")
                    .params(app.tenantId().value(), app.appId().value(), id.value(), device.value())
                    .update();
            if (inserted > 0) {
                database.jdbc().sql("update push_jobs set opened = opened + 1 where tenant_id = ? and app_id = ? and id = ?")
                        .params(app.tenantId().value(), app.appId().value(), id.value())
                        .update();
            }
            return new OpenReport(id, device, inserted > 0);
        });
        if (report.counted()) {
            events.publishEvent(new PushActivity(List.of(
                    new PushActivity.Count(app, PushActivity.Stage.OPENED, Optional.empty(), "", 1))));
        }
        return report;
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
    public PushJob sendTest(Actor.Member actor, AppId appId, NewPush push) {
        actor.require(Permission.PUSH_CREDENTIALS_WRITE);
        if (push.target().kind() != PushTarget.Kind.USERS && push.target().kind() != PushTarget.Kind.DEVICES
                || push.target().ids().size() != 1) {
            throw DomainException.invalid("A test push goes to one user or one device");
        }
        AppRef app = new AppRef(actor.tenantId(), appId);
        return database.inTenant(actor.tenantId(), () -> {
            apps.find(actor.tenantId(), appId);
            requireKnownUser(app, push.target());
            PushJob job = insert(app, push, Origin.CONSOLE);
            audit.record(actor, "push.test_sent", "push", job.id().toString(),
                    Map.of("app", appId.toString(), "target", push.target().describe()));
            return job;
        });
    }

    /**
     * A test push to a user the app never registered would be queued and "complete" having reached no device, which
     * tells the person testing nothing; it is refused instead, worded for the console's user id field.
     */
    private void requireKnownUser(AppRef app, PushTarget target) {
        if (target.kind() == PushTarget.Kind.USERS && !users.exists(app, UserId.of(target.ids().getFirst()))) {
            throw DomainException.invalid("userId: no user with this id in this app");
        }
    }

    private PushJob insert(AppRef app, NewPush push, Origin origin) {
        PushContent content = push.content().orElseGet(() -> templates.find(app, push.templateId().orElseThrow())
                .orElseThrow(() -> DomainException.invalid("templateId names no template of this app"))
                .notification().render(push.variables()));
        PushJobId id = new PushJobId(Ids.next());
        database.jdbc().sql("""
                        insert into push_jobs (tenant_id, app_id, id, origin, state, target, content, template_id,
                                               collapse_key, priority, send_at, expires_at)
                        values (?, ?, ?, ?, 'scheduled', cast(? as jsonb), cast(? as jsonb), ?, ?, ?, ?, ?)""")
                .params(app.tenantId().value(), app.appId().value(), id.value(), origin.wireName(),
                        JSON.writeValueAsString(push.target().json()), JSON.writeValueAsString(content),
                        push.templateId().map(TemplateId::value).orElse(null), push.collapseKey().orElse(null),
                        push.priority(), Timestamp.from(push.sendAt()), Timestamp.from(push.sendAt().plus(push.ttl())))
                .update();
        return find(app, id);
    }

    /** A page of the app's jobs, newest first: one query for the jobs, one for all their failure reasons. */
    private Page<PushJob> page(AppRef app, UUID before, int limit) {
        List<JobRow> rows = database.jdbc().sql("""
                        select %s from push_jobs
                         where tenant_id = :tenant and app_id = :app and (cast(:before as uuid) is null or id < cast(:before as uuid))
                         order by id desc limit :limit""".formatted(COLUMNS))
                .param("tenant", app.tenantId().value())
                .param("app", app.appId().value())
                .param("before", before)
                .param("limit", limit + 1)
                .query(PushJobs::row)
                .list();
        Map<PushJobId, Map<String, Integer>> failures = failures(app, rows.stream().map(row -> row.id().value()).toList());
        return Page.of(rows.stream().map(row -> row.job(failures.getOrDefault(row.id(), Map.of()))).toList(), limit,
                job -> job.id().toString());
    }

    /** The job with its counts, inside a tenant transaction. */
    private PushJob find(AppRef app, PushJobId id) {
        JobRow row = database.jdbc().sql("select " + COLUMNS + " from push_jobs where tenant_id = ? and app_id = ? and id = ?")
                .params(app.tenantId().value(), app.appId().value(), id.value())
                .query(PushJobs::row)
                .optional()
                .orElseThrow(() -> DomainException.notFound("Push"));
        return row.job(failures(app, List.of(id.value())).getOrDefault(id, Map.of()));
    }

    /** The failure reasons of these jobs, each job's most frequent first. */
    private Map<PushJobId, Map<String, Integer>> failures(AppRef app, List<UUID> jobs) {
        Map<PushJobId, Map<String, Integer>> failures = new HashMap<>();
        if (jobs.isEmpty()) {
            return failures;
        }
        database.jdbc().sql("""
                        select job_id, reason, count from push_job_failures
                         where tenant_id = :tenant and app_id = :app and job_id = any(cast(:jobs as uuid[]))
                         order by job_id, count desc, reason""")
                .param("tenant", app.tenantId().value())
                .param("app", app.appId().value())
                .param("jobs", jobs.stream().map(UUID::toString).toArray(String[]::new))
                .query(rs -> {
                    failures.computeIfAbsent(new PushJobId(rs.getObject("job_id", UUID.class)), job -> new LinkedHashMap<>())
                            .put(rs.getString("reason"), rs.getInt("count"));
                });
        return failures;
    }

    /** A job as its row stores it, before its failure reasons are added. */
    private record JobRow(PushJobId id, JobState state, Origin origin, Map<String, Object> target, PushContent content,
                          TemplateId templateId, String collapseKey, String priority, Instant sendAt, Instant expiresAt,
                          Instant createdAt, Instant completedAt, Instant cancelledAt, int targeted, int queued,
                          int sent, int delivered, int failed, int opened) {

        PushJob job(Map<String, Integer> failedByReason) {
            return new PushJob(id, state, origin, target, content, templateId, collapseKey, priority, sendAt, expiresAt,
                    createdAt, completedAt, cancelledAt, new PushJob.Counts(targeted, queued, sent, delivered, failed,
                    opened, Collections.unmodifiableMap(failedByReason)));
        }
    }

    private static JobRow row(ResultSet rs, int row) throws SQLException {
        UUID template = rs.getObject("template_id", UUID.class);
        return new JobRow(
                new PushJobId(rs.getObject("id", UUID.class)),
                JobState.fromWire(rs.getString("state")),
                Origin.fromWire(rs.getString("origin")),
                JSON.readValue(rs.getString("target"), OBJECT),
                JSON.readValue(rs.getString("content"), PushContent.class),
                template == null ? null : new TemplateId(template),
                rs.getString("collapse_key"),
                rs.getString("priority"),
                instant(rs, "send_at"),
                instant(rs, "expires_at"),
                instant(rs, "created_at"),
                instant(rs, "completed_at"),
                instant(rs, "cancelled_at"),
                rs.getInt("targeted"), rs.getInt("queued"), rs.getInt("sent"), rs.getInt("delivered"),
                rs.getInt("failed"), rs.getInt("opened"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
