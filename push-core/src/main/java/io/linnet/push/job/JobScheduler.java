package io.linnet.push.job;

import io.linnet.messaging.UserId;
import io.linnet.messaging.UserManagement;
import io.linnet.push.PushActivity;
import io.linnet.push.PushJobId;
import io.linnet.push.PushProvider;
import io.linnet.push.PushSettings;
import io.linnet.push.PushTarget;
import io.linnet.tenancy.AppId;
import io.linnet.tenancy.AppRef;
import io.linnet.tenancy.LogContext;
import io.linnet.tenancy.TenantId;
import io.linnet.tenancy.database.PlatformDatabase;
import io.linnet.tenancy.database.TenantDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Starts due jobs: claims one at a time (across tenants, on the platform path, {@code FOR UPDATE SKIP LOCKED} with
 * a lease, so several nodes never expand the same job and a crashed node's job comes back), then writes its
 * targets into the delivery outbox one page per transaction, bound to the job's tenant: a page of devices, or for a
 * tag target the devices of a page of the users that messaging finds with those tags. Each page moves the job's
 * cursor in the same transaction as its rows, so an expansion that stops anywhere resumes exactly there; the
 * outbox's key makes a repeated page harmless. Never holds more than one page of the audience in memory.
 *
 * <p>A job is expanded for at most {@link #TURN} at a time, then gives its lease back and waits for its turn
 * again behind the jobs that became due meanwhile, so a broadcast to millions does not hold up another app's push
 * to a few devices for the minutes its expansion takes.
 */
@Component
public class JobScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobScheduler.class);
    static final Duration TURN = Duration.ofMillis(500);

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final PlatformDatabase platform;
    private final TenantDatabase tenants;
    private final UserManagement users;
    private final PushSettings settings;
    private final ApplicationEventPublisher events;
    private volatile boolean running;
    private Thread thread;

    public JobScheduler(PlatformDatabase platform, TenantDatabase tenants, UserManagement users, PushSettings settings,
                        ApplicationEventPublisher events) {
        this.events = events;
        this.platform = platform;
        this.tenants = tenants;
        this.users = users;
        this.settings = settings;
    }

    /**
     * A job this node holds the lease of, and where its expansion stands: after {@code cursor}, the last device
     * (users, devices, all) or the last user (tags) whose deliveries are written.
     */
    record LeasedJob(TenantId tenant, AppId app, PushJobId job, PushTarget target, Cursor cursor, UUID leaseId) {

        AppRef appRef() {
            return new AppRef(tenant, app);
        }
    }

    /** Where an expansion stands; both empty before its first page. */
    record Cursor(Optional<UUID> lastDevice, Optional<UserId> lastUser) {
    }

    @Override
    public void start() {
        if (settings.workers() == 0) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("push-scheduler").daemon().start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try {
                Optional<LeasedJob> claimed = claim();
                if (claimed.isPresent()) {
                    try (LogContext logged = LogContext.of(claimed.get().appRef())) {
                        expand(claimed.get());
                    }
                } else {
                    Thread.sleep(settings.pollInterval().toMillis());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("Push scheduling failed; trying again shortly: {}", e.toString());
                try {
                    Thread.sleep(Math.max(1000, settings.pollInterval().toMillis()));
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    /**
     * Takes the lease of the job that has waited longest, since it became due or since it gave its last turn
     * back, among those no live node holds, skipping the jobs of suspended tenants ({@link TenantPushHolds}).
     */
    Optional<LeasedJob> claim() {
        UUID leaseId = UUID.randomUUID();
        return platform.inTransaction(() -> platform.jdbc().sql("""
                        with due as (
                            select tenant_id, app_id, id from push_jobs
                             where state in ('scheduled', 'expanding') and send_at <= now()
                               and (lease_until is null or lease_until < now())
                               and not exists (select 1 from push_tenant_holds h where h.tenant_id = push_jobs.tenant_id)
                             order by coalesce(lease_until, send_at)
                             limit 1
                             for update skip locked)
                        update push_jobs j
                           set state = 'expanding', lease_until = now() + make_interval(secs => :lease), lease_id = :leaseId
                          from due
                         where j.tenant_id = due.tenant_id and j.app_id = due.app_id and j.id = due.id
                        returning j.tenant_id, j.app_id, j.id, j.target::text as target, j.expand_cursor,
                                  j.expand_user_cursor""")
                .param("lease", (double) settings.lease().toSeconds())
                .param("leaseId", leaseId)
                .query((rs, row) -> new LeasedJob(new TenantId(rs.getObject("tenant_id", UUID.class)),
                        new AppId(rs.getObject("app_id", UUID.class)), new PushJobId(rs.getObject("id", UUID.class)),
                        PushTarget.fromJson(JSON.readValue(rs.getString("target"), OBJECT)),
                        new Cursor(Optional.ofNullable(rs.getObject("expand_cursor", UUID.class)),
                                Optional.ofNullable(rs.getString("expand_user_cursor")).map(UserId::new)),
                        leaseId))
                .optional());
    }

    /** Writes the job's targets into the outbox, a page per transaction, until the last page or the end of its turn. */
    void expand(LeasedJob job) {
        Cursor cursor = job.cursor();
        long started = System.nanoTime();
        while (running) {
            Page page = page(job, cursor);
            if (!page.byProvider().isEmpty()) {
                events.publishEvent(new PushActivity(page.byProvider().entrySet().stream()
                        .map(written -> new PushActivity.Count(job.appRef(), PushActivity.Stage.TARGETED,
                                Optional.of(written.getKey()), "", written.getValue()))
                        .toList()));
            }
            if (page.last()) {
                log.info("Push {} of app {} expanded into {} deliveries (the last {} in {} ms)", job.job(), job.app(),
                        page.targeted(), page.inserted(), (System.nanoTime() - started) / 1_000_000);
                return;
            }
            cursor = page.next();
            if (System.nanoTime() - started > TURN.toNanos()) {
                giveBack(job);
                return;
            }
        }
    }

    /** Ends the job's turn: its lease runs out now, so it is claimed again after the jobs that waited longer. */
    private void giveBack(LeasedJob job) {
        tenants.runInTenant(job.tenant(), () -> tenants.jdbc().sql("""
                        update push_jobs set lease_until = now()
                         where tenant_id = ? and app_id = ? and id = ? and lease_id = ? and state = 'expanding'""")
                .params(job.tenant().value(), job.app().value(), job.job().value(), job.leaseId())
                .update());
    }

    /**
     * One page written: where the next one starts, deliveries it added, whether it was the last, and the job's
     * deliveries so far.
     */
    private record Page(Cursor next, int inserted, boolean last, int targeted, Map<PushProvider, Long> byProvider) {
    }

    /** Reads {@code provider=count,...} as the page statements answer how many deliveries they wrote per provider. */
    private static Map<PushProvider, Long> byProvider(String counts) {
        Map<PushProvider, Long> byProvider = new EnumMap<>(PushProvider.class);
        if (counts != null && !counts.isEmpty()) {
            for (String count : counts.split(",")) {
                String[] parts = count.split("=", 2);
                byProvider.put(PushProvider.of(parts[0]), Long.parseLong(parts[1]));
            }
        }
        return byProvider;
    }

    /** The outbox rows of one page and the job's cursor, in one transaction bound to the job's tenant. */
    private Page page(LeasedJob job, Cursor after) {
        return tenants.inTenant(job.tenant(), () -> {
            Page written = switch (job.target().kind()) {
                case USERS, DEVICES, ALL -> devicePage(job, after);
                case TAGS_ANY, TAGS_ALL -> taggedUserPage(job, after);
            };
            Optional<Integer> targeted = tenants.jdbc().sql("""
                            update push_jobs
                               set expand_cursor = coalesce(:cursor, expand_cursor),
                                   expand_user_cursor = coalesce(:userCursor, expand_user_cursor),
                                   targeted = targeted + :inserted, queued = queued + :inserted,
                                   lease_until = now() + make_interval(secs => :lease),
                                   state = case when not :last then state
                                                when queued + :inserted = 0 then 'completed' else 'sending' end,
                                   expanded_at = case when :last then now() end,
                                   completed_at = case when :last and queued + :inserted = 0 then now() end
                             where tenant_id = :tenant and app_id = :app and id = :job and lease_id = :leaseId
                               and state = 'expanding'
                            returning targeted""")
                    .param("cursor", written.next().lastDevice().orElse(null))
                    .param("userCursor", written.next().lastUser().map(UserId::value).orElse(null))
                    .param("inserted", written.inserted())
                    .param("lease", (double) settings.lease().toSeconds())
                    .param("last", written.last())
                    .param("tenant", job.tenant().value())
                    .param("app", job.app().value())
                    .param("job", job.job().value())
                    .param("leaseId", job.leaseId())
                    .query(Integer.class)
                    .optional();
            if (targeted.isEmpty()) {
                // another node took the job over (this one was too slow to renew its lease): its page stands, not ours
                throw new IllegalStateException("Lost the lease of push " + job.job());
            }
            return new Page(written.next(), written.inserted(), written.last(), targeted.get(), written.byProvider());
        });
    }

    /** The next page of the app's valid devices in id order, of some users, some devices, or all of them. */
    private Page devicePage(LeasedJob job, Cursor after) {
        return tenants.jdbc().sql("""
                        with page as (
                            select d.id, d.user_id, d.provider from push_devices d
                             where d.tenant_id = :tenant and d.app_id = :app and d.invalid_at is null
                               and (cast(:after as uuid) is null or d.id > cast(:after as uuid)) %s
                             order by d.id
                             limit :limit),
                        written as (
                            insert into push_deliveries (tenant_id, app_id, job_id, device_id, user_id, provider, state, due_at)
                            select :tenant, :app, :job, id, user_id, provider, 'queued', now() from page
                            on conflict do nothing
                            returning provider)
                        select (select count(*) from page) as size,
                               (select id from page order by id desc limit 1) as last_device,
                               (select count(*) from written) as inserted,
                               (select string_agg(provider || '=' || n, ',')
                                  from (select provider, count(*) as n from written group by provider) p) as by_provider"""
                        .formatted(filter(job.target())))
                .param("tenant", job.tenant().value())
                .param("app", job.app().value())
                .param("job", job.job().value())
                .param("after", after.lastDevice().orElse(null))
                .param("ids", job.target().ids().toArray(String[]::new))
                .param("limit", settings.expansionPage())
                .query((rs, row) -> new Page(new Cursor(Optional.ofNullable(rs.getObject("last_device", UUID.class)),
                        Optional.empty()), rs.getInt("inserted"), rs.getInt("size") < settings.expansionPage(), 0,
                        byProvider(rs.getString("by_provider"))))
                .single();
    }

    private static String filter(PushTarget target) {
        return switch (target.kind()) {
            case USERS -> "and d.user_id = any(cast(:ids as text[]))";
            case DEVICES -> "and d.id = any(cast(:ids as uuid[]))";
            case ALL -> "";
            case TAGS_ANY, TAGS_ALL -> throw new IllegalArgumentException("Tag targets expand by user: " + target.kind());
        };
    }

    /**
     * The valid devices of the next page of users that carry the tags, in user id order. Messaging knows the users'
     * tags and answers a page of user ids; their devices are push's.
     */
    private Page taggedUserPage(LeasedJob job, Cursor after) {
        UserManagement.TagMatch match = job.target().kind() == PushTarget.Kind.TAGS_ANY
                ? UserManagement.TagMatch.ANY : UserManagement.TagMatch.ALL;
        int limit = settings.expansionPage();
        List<UserId> page = after.lastUser()
                .map(last -> users.taggedAfter(job.appRef(), match, job.target().ids(), last, limit))
                .orElseGet(() -> users.tagged(job.appRef(), match, job.target().ids(), limit));
        Map<PushProvider, Long> written = page.isEmpty() ? Map.of() : byProvider(tenants.jdbc().sql("""
                        with written as (
                            insert into push_deliveries (tenant_id, app_id, job_id, device_id, user_id, provider, state, due_at)
                            select :tenant, :app, :job, d.id, d.user_id, d.provider, 'queued', now() from push_devices d
                             where d.tenant_id = :tenant and d.app_id = :app and d.invalid_at is null
                               and d.user_id = any(cast(:users as text[]))
                            on conflict do nothing
                            returning provider)
                        select string_agg(provider || '=' || n, ',')
                          from (select provider, count(*) as n from written group by provider) p""")
                .param("tenant", job.tenant().value())
                .param("app", job.app().value())
                .param("job", job.job().value())
                .param("users", page.stream().map(UserId::value).toArray(String[]::new))
                .query(String.class)
                .optional()
                .orElse(null));
        int inserted = (int) written.values().stream().mapToLong(Long::longValue).sum();
        Optional<UserId> last = page.isEmpty() ? Optional.empty() : Optional.of(page.getLast());
        return new Page(new Cursor(Optional.empty(), last), inserted, page.size() < limit, 0, written);
    }
}
