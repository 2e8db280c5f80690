package io.linnet.push.delivery;

import io.linnet.push.DeviceId;
import io.linnet.push.PushContent;
import io.linnet.push.PushJobId;
import io.linnet.push.PushProvider;
import io.linnet.push.provider.DeviceAddress;
import io.linnet.push.provider.Notification;
import io.linnet.tenancy.AppId;
import io.linnet.tenancy.TenantId;
import io.linnet.tenancy.database.PlatformDatabase;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The delivery outbox as the workers use it, across tenants on the platform path: claim due rows (a lease that a
 * crashed node's claims run out of), put back what the rate limit or a stop left unsent, and record outcomes with
 * the job counters in one transaction per batch. Statements take whole batches as arrays ({@code unnest}), so a
 * batch costs one round trip however large it is.
 */
@Component
class Outbox {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PlatformDatabase platform;

    Outbox(PlatformDatabase platform) {
        this.platform = platform;
    }

    /**
     * A delivery this node holds: where to (or, in {@code unusable}, why there is nowhere to send it) and the
     * claim that must still be held to record its outcome.
     */
    record ClaimedDelivery(TenantId tenant, AppId app, PushJobId job, DeviceId device, UUID claim, int attempts,
                           PushProvider provider, Optional<DeviceAddress> address, String unusable) {
    }

    /** What a job's deliveries send: the notification, and the instant after which it is not sent at all. */
    record JobSend(Notification notification, Instant expiresAt) {
    }

    /**
     * How a delivery stands after an attempt (or after finding it cannot be attempted).
     *
     * @param state     {@code QUEUED} (to be retried at {@code nextDue}), {@code DELIVERED} or {@code FAILED}
     * @param attempted whether it was handed to the provider this time
     * @param deadToken whether the provider said the device no longer exists
     */
    record Outcome(ClaimedDelivery delivery, DeliveryState state, String reason, String providerMessageId,
                   Instant nextDue, boolean attempted, boolean deadToken) {

        boolean isFinal() {
            return state.isFinal();
        }
    }

    /**
     * Claims up to {@code limit} due deliveries, shared fairly between the apps that have due work: each gets an
     * equal share of the batch (oldest due first within an app), so one app's broadcast of a million devices
     * cannot keep another app's single push waiting behind it. The apps are found by a skip scan of the claim
     * index (one probe per app with queued deliveries, however many deliveries each has); beyond {@code limit}
     * apps with due work, a random {@code limit} of them share the batch. A suspended tenant's apps are left out
     * until it is resumed ({@code push_tenant_holds}).
     */
    List<ClaimedDelivery> claim(int limit, UUID claim, String node, Duration lease) {
        return platform.inTransaction(() -> platform.jdbc().sql("""
                        with recursive queued as (
                                (select tenant_id, app_id from push_deliveries
                                  where state = 'queued' order by tenant_id, app_id limit 1)
                            union all
                                select next.tenant_id, next.app_id from queued q cross join lateral (
                                    select tenant_id, app_id from push_deliveries
                                     where state = 'queued' and (tenant_id, app_id) > (q.tenant_id, q.app_id)
                                     order by tenant_id, app_id limit 1) next),
                        due_apps as (
                            select q.tenant_id, q.app_id from queued q
                             where exists (select 1 from push_deliveries p
                                            where p.tenant_id = q.tenant_id and p.app_id = q.app_id
                                              and p.state = 'queued' and p.due_at <= now())
                               -- a suspended tenant's deliveries wait, on every node, until it is resumed
                               and not exists (select 1 from push_tenant_holds h where h.tenant_id = q.tenant_id)
                             order by random()
                             limit :limit),
                        share as (
                            select ceil(cast(:limit as numeric) / greatest(count(*), 1)) as per_app from due_apps),
                        due as (
                            select d.tenant_id, d.app_id, d.job_id, d.device_id
                              from due_apps a cross join share s cross join lateral (
                                   select p.tenant_id, p.app_id, p.job_id, p.device_id from push_deliveries p
                                    where p.tenant_id = a.tenant_id and p.app_id = a.app_id and p.state = 'queued'
                                      and p.due_at <= now()
                                    order by p.due_at
                                    limit s.per_app
                                      for update skip locked) d
                             -- never more than this, but the limit is also what tells the planner that few rows
                             -- come, so that it updates them through the primary key instead of a hash join over
                             -- the whole outbox
                             limit :limit)
                        update push_deliveries o
                           set due_at = now() + make_interval(secs => :lease), claim_id = :claim, claimed_by = :node
                          from due left join push_devices v
                                 on v.tenant_id = due.tenant_id and v.app_id = due.app_id and v.id = due.device_id
                         where o.tenant_id = due.tenant_id and o.app_id = due.app_id and o.job_id = due.job_id
                           and o.device_id = due.device_id
                        returning o.tenant_id, o.app_id, o.job_id, o.device_id, o.attempts, o.provider, v.id as found,
                                  v.token, v.environment, v.p256dh, v.auth, v.invalid_at""")
                .param("limit", limit)
                .param("lease", (double) lease.toSeconds())
                .param("claim", claim)
                .param("node", node)
                .query((rs, row) -> claimed(rs, claim))
                .list());
    }

    private static ClaimedDelivery claimed(ResultSet rs, UUID claim) throws SQLException {
        TenantId tenant = new TenantId(rs.getObject("tenant_id", UUID.class));
        AppId app = new AppId(rs.getObject("app_id", UUID.class));
        PushJobId job = new PushJobId(rs.getObject("job_id", UUID.class));
        DeviceId device = new DeviceId(rs.getObject("device_id", UUID.class));
        int attempts = rs.getInt("attempts");
        PushProvider provider = PushProvider.of(rs.getString("provider"));
        if (rs.getObject("found") == null) {
            return new ClaimedDelivery(tenant, app, job, device, claim, attempts, provider, Optional.empty(), "DeviceRemoved");
        }
        if (rs.getTimestamp("invalid_at") != null) {
            return new ClaimedDelivery(tenant, app, job, device, claim, attempts, provider, Optional.empty(), "DeviceInvalid");
        }
        try {
            DeviceAddress address = switch (provider) {
                case APNS -> new DeviceAddress.Apns(rs.getString("token"), "sandbox".equals(rs.getString("environment"))
                        ? DeviceAddress.Apns.Environment.SANDBOX : DeviceAddress.Apns.Environment.PRODUCTION);
                case FCM -> new DeviceAddress.Fcm(rs.getString("token"));
                case WEBPUSH -> new DeviceAddress.WebPush(URI.create(rs.getString("token")), rs.getString("p256dh"),
                        rs.getString("auth"));
            };
            return new ClaimedDelivery(tenant, app, job, device, claim, attempts, provider, Optional.of(address), null);
        } catch (IllegalArgumentException e) {
            return new ClaimedDelivery(tenant, app, job, device, claim, attempts, provider, Optional.empty(), "DeviceInvalid");
        }
    }

    /** What the jobs of these deliveries send; a job that is gone (its app was deleted) is left out. */
    Map<PushJobId, JobSend> jobs(Collection<ClaimedDelivery> deliveries) {
        Map<PushJobId, ClaimedDelivery> byJob = new LinkedHashMap<>();
        deliveries.forEach(delivery -> byJob.putIfAbsent(delivery.job(), delivery));
        if (byJob.isEmpty()) {
            return Map.of();
        }
        Map<PushJobId, JobSend> jobs = new HashMap<>();
        platform.jdbc().sql("""
                        select j.id, j.content::text as content, j.collapse_key, j.priority, j.expires_at
                          from push_jobs j
                          join unnest(cast(:tenantIds as uuid[]), cast(:appIds as uuid[]), cast(:jobs as uuid[])) as k(tenant_id, app_id, id)
                            on j.tenant_id = k.tenant_id and j.app_id = k.app_id and j.id = k.id""")
                .param("tenantIds", strings(byJob.values(), d -> d.tenant().toString()))
                .param("appIds", strings(byJob.values(), d -> d.app().toString()))
                .param("jobs", strings(byJob.values(), d -> d.job().toString()))
                .query(rs -> {
                    Instant expiresAt = rs.getTimestamp("expires_at").toInstant();
                    PushContent content = JSON.readValue(rs.getString("content"), PushContent.class);
                    Notification notification = content.toNotification(Optional.ofNullable(rs.getString("collapse_key")),
                            expiresAt, "normal".equals(rs.getString("priority"))
                                    ? Notification.Priority.NORMAL : Notification.Priority.HIGH);
                    jobs.put(new PushJobId(rs.getObject("id", UUID.class)), new JobSend(notification, expiresAt));
                });
        return jobs;
    }

    /** Gives claimed deliveries back unsent, due at the given times (the rate limit) or now (a stop). */
    void putBack(List<ClaimedDelivery> deliveries, List<Instant> dueAt) {
        if (deliveries.isEmpty()) {
            return;
        }
        platform.inTransaction(() -> platform.jdbc().sql("""
                        update push_deliveries o set due_at = u.due_at, claim_id = null
                          from unnest(cast(:tenantIds as uuid[]), cast(:appIds as uuid[]), cast(:jobs as uuid[]),
                                      cast(:devices as uuid[]), cast(:claims as uuid[]), cast(:dues as timestamptz[]))
                               as u(tenant_id, app_id, job_id, device_id, claim_id, due_at)
                         where o.tenant_id = u.tenant_id and o.app_id = u.app_id and o.job_id = u.job_id
                           and o.device_id = u.device_id and o.claim_id = u.claim_id and o.state = 'queued'""")
                .param("tenantIds", strings(deliveries, d -> d.tenant().toString()))
                .param("appIds", strings(deliveries, d -> d.app().toString()))
                .param("jobs", strings(deliveries, d -> d.job().toString()))
                .param("devices", strings(deliveries, d -> d.device().toString()))
                .param("claims", strings(deliveries, d -> d.claim().toString()))
                .param("dues", dueAt.stream().map(Instant::toString).toArray(String[]::new))
                .update());
    }

    /**
     * Records outcomes in one transaction: the deliveries (only where this node's claim still holds, so a
     * delivery taken over after a lapsed lease is recorded once), dead tokens' devices, the failure reasons and
     * the job counters, completing jobs whose last delivery this was. Locks are taken in key order, so two nodes
     * recording for the same jobs wait for each other instead of deadlocking.
     */
    int record(List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return 0;
        }
        return platform.inTransaction(() -> {
            List<Outcome> sorted = outcomes.stream().sorted(Comparator.comparing((Outcome o) -> o.delivery().tenant().value())
                    .thenComparing(o -> o.delivery().app().value()).thenComparing(o -> o.delivery().job().value())
                    .thenComparing(o -> o.delivery().device().value())).toList();
            List<Outcome> recorded = recordDeliveries(sorted);
            if (recorded.isEmpty()) {
                return 0;
            }
            invalidateDevices(recorded);
            countFailures(recorded);
            countJobs(recorded);
            return recorded.size();
        });
    }

    private List<Outcome> recordDeliveries(List<Outcome> outcomes) {
        Map<String, Outcome> byKey = new HashMap<>();
        outcomes.forEach(outcome -> byKey.put(key(outcome.delivery().job(), outcome.delivery().device()), outcome));
        List<Outcome> recorded = new ArrayList<>();
        platform.jdbc().sql("""
                        update push_deliveries o
                           set state = u.state, reason = u.reason,
                               provider_message_id = coalesce(u.message_id, o.provider_message_id),
                               due_at = coalesce(u.due_at, o.due_at), attempts = o.attempts + u.attempted,
                               claim_id = null, updated_at = now()
                          from unnest(cast(:tenantIds as uuid[]), cast(:appIds as uuid[]), cast(:jobs as uuid[]),
                                      cast(:devices as uuid[]), cast(:claims as uuid[]), cast(:states as text[]),
                                      cast(:reasons as text[]), cast(:messageIds as text[]), cast(:dues as timestamptz[]),
                                      cast(:attempted as int[]))
                               as u(tenant_id, app_id, job_id, device_id, claim_id, state, reason, message_id, due_at, attempted)
                         where o.tenant_id = u.tenant_id and o.app_id = u.app_id and o.job_id = u.job_id
                           and o.device_id = u.device_id and o.claim_id = u.claim_id and o.state = 'queued'
                        returning o.job_id, o.device_id""")
                .param("tenantIds", strings(outcomes, o -> o.delivery().tenant().toString()))
                .param("appIds", strings(outcomes, o -> o.delivery().app().toString()))
                .param("jobs", strings(outcomes, o -> o.delivery().job().toString()))
                .param("devices", strings(outcomes, o -> o.delivery().device().toString()))
                .param("claims", strings(outcomes, o -> o.delivery().claim().toString()))
                .param("states", strings(outcomes, o -> o.state().wireName()))
                .param("reasons", strings(outcomes, Outcome::reason))
                .param("messageIds", strings(outcomes, Outcome::providerMessageId))
                .param("dues", strings(outcomes, o -> o.nextDue() == null ? null : o.nextDue().toString()))
                .param("attempted", outcomes.stream().map(o -> o.attempted() ? 1 : 0).toArray(Integer[]::new))
                .query(rs -> {
                    recorded.add(byKey.get(key(new PushJobId(rs.getObject("job_id", UUID.class)),
                            new DeviceId(rs.getObject("device_id", UUID.class)))));
                });
        return recorded;
    }

    private void invalidateDevices(List<Outcome> recorded) {
        List<Outcome> dead = recorded.stream().filter(Outcome::deadToken).toList();
        if (dead.isEmpty()) {
            return;
        }
        platform.jdbc().sql("""
                        update push_devices d set invalid_at = now(), invalid_reason = u.reason
                          from unnest(cast(:tenantIds as uuid[]), cast(:appIds as uuid[]), cast(:devices as uuid[]),
                                      cast(:reasons as text[])) as u(tenant_id, app_id, id, reason)
                         where d.tenant_id = u.tenant_id and d.app_id = u.app_id and d.id = u.id and d.invalid_at is null""")
                .param("tenantIds", strings(dead, o -> o.delivery().tenant().toString()))
                .param("appIds", strings(dead, o -> o.delivery().app().toString()))
                .param("devices", strings(dead, o -> o.delivery().device().toString()))
                .param("reasons", strings(dead, Outcome::reason))
                .update();
    }

    private record JobKey(UUID tenant, UUID app, UUID job) implements Comparable<JobKey> {
        static JobKey of(Outcome outcome) {
            return new JobKey(outcome.delivery().tenant().value(), outcome.delivery().app().value(),
                    outcome.delivery().job().value());
        }

        @Override
        public int compareTo(JobKey other) {
            return Comparator.comparing(JobKey::tenant).thenComparing(JobKey::app).thenComparing(JobKey::job)
                    .compare(this, other);
        }
    }

    private void countFailures(List<Outcome> recorded) {
        record Failure(JobKey job, String reason) implements Comparable<Failure> {
            @Override
            public int compareTo(Failure other) {
                int byJob = job.compareTo(other.job);
                return byJob != 0 ? byJob : reason.compareTo(other.reason);
            }
        }
        Map<Failure, Long> failures = recorded.stream().filter(o -> o.state() == DeliveryState.FAILED)
                .collect(Collectors.groupingBy(o -> new Failure(JobKey.of(o), o.reason()), TreeMap::new, Collectors.counting()));
        if (failures.isEmpty()) {
            return;
        }
        List<Failure> keys = List.copyOf(failures.keySet());
        platform.jdbc().sql("""
                        insert into push_job_failures (tenant_id, app_id, job_id, reason, count)
                        select * from unnest(cast(:tenantIds as uuid[]), cast(:appIds as uuid[]), cast(:jobs as uuid[]),
                                             cast(:reasons as text[]), cast(:counts as int[]))
                        on conflict (tenant_id, app_id, job_id, reason) do update
                           set count = push_job_failures.count + excluded.count""")
                .param("tenantIds", strings(keys, f -> f.job().tenant().toString()))
                .param("appIds", strings(keys, f -> f.job().app().toString()))
                .param("jobs", strings(keys, f -> f.job().job().toString()))
                .param("reasons", strings(keys, Failure::reason))
                .param("counts", keys.stream().map(f -> failures.get(f).intValue()).toArray(Integer[]::new))
                .update();
    }

    private void countJobs(List<Outcome> recorded) {
        // per job: deliveries that became final, first sends, delivered, failed
        Map<JobKey, int[]> byJob = new TreeMap<>();
        for (Outcome outcome : recorded) {
            int[] counts = byJob.computeIfAbsent(JobKey.of(outcome), k -> new int[4]);
            if (outcome.isFinal()) {
                counts[0]++;
            }
            if (outcome.attempted() && outcome.delivery().attempts() == 0) {
                counts[1]++;
            }
            if (outcome.state() == DeliveryState.DELIVERED) {
                counts[2]++;
            }
            if (outcome.state() == DeliveryState.FAILED) {
                counts[3]++;
            }
        }
        List<JobKey> jobs = List.copyOf(byJob.keySet());
        platform.jdbc().sql("""
                        select 1 from push_jobs j
                          join unnest(cast(:tenantIds as uuid[]), cast(:appIds as uuid[]), cast(:jobs as uuid[])) as k(tenant_id, app_id, id)
                            on j.tenant_id = k.tenant_id and j.app_id = k.app_id and j.id = k.id
                         order by j.tenant_id, j.app_id, j.id
                           for update of j""")
                .param("tenantIds", strings(jobs, k -> k.tenant().toString()))
                .param("appIds", strings(jobs, k -> k.app().toString()))
                .param("jobs", strings(jobs, k -> k.job().toString()))
                .query(Integer.class)
                .list();
        platform.jdbc().sql("""
                        update push_jobs j
                           set queued = j.queued - u.finals, sent = j.sent + u.sent, delivered = j.delivered + u.delivered,
                               failed = j.failed + u.failed,
                               state = case when j.state = 'sending' and j.queued - u.finals = 0 then 'completed' else j.state end,
                               completed_at = case when j.state = 'sending' and j.queued - u.finals = 0 then now()
                                                   else j.completed_at end
                          from unnest(cast(:tenantIds as uuid[]), cast(:appIds as uuid[]), cast(:jobs as uuid[]),
                                      cast(:finals as int[]), cast(:sent as int[]), cast(:delivered as int[]),
                                      cast(:failed as int[])) as u(tenant_id, app_id, id, finals, sent, delivered, failed)
                         where j.tenant_id = u.tenant_id and j.app_id = u.app_id and j.id = u.id""")
                .param("tenantIds", strings(jobs, k -> k.tenant().toString()))
                .param("appIds", strings(jobs, k -> k.app().toString()))
                .param("jobs", strings(jobs, k -> k.job().toString()))
                .param("finals", jobs.stream().map(k -> byJob.get(k)[0]).toArray(Integer[]::new))
                .param("sent", jobs.stream().map(k -> byJob.get(k)[1]).toArray(Integer[]::new))
                .param("delivered", jobs.stream().map(k -> byJob.get(k)[2]).toArray(Integer[]::new))
                .param("failed", jobs.stream().map(k -> byJob.get(k)[3]).toArray(Integer[]::new))
                .update();
    }

    private static String key(PushJobId job, DeviceId device) {
        return job + "/" + device;
    }

    private static <T> String[] strings(Collection<T> items, java.util.function.Function<T, String> value) {
        return items.stream().map(value).toArray(String[]::new);
    }
}
