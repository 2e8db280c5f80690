package io.linnet.push.delivery;

import io.linnet.push.provider.DeviceAddress;
import io.linnet.tenancy.AppRef;
import io.linnet.tenancy.Ids;
import io.linnet.tenancy.database.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How delivery workers claim due work from the outbox, against a real PostgreSQL and without Spring: leases,
 * {@code FOR UPDATE SKIP LOCKED}, the fair share between apps, and suspended tenants' work held back. The claim
 * spans tenants, so each test starts from an empty outbox.
 */
class OutboxClaimTest {

    private static final TestDatabase DB = TestDatabase.shared();
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final Outbox outbox = new Outbox(DB.platformDatabase());

    @BeforeEach
    void emptyOutbox() {
        DB.owner().sql("delete from push_deliveries").update();
        DB.owner().sql("delete from push_tenant_holds").update();
    }

    @Test
    void a_claim_takes_the_due_deliveries_and_leases_them_to_its_node() {
        Outboxed app = new Outboxed(DB.newApp());
        UUID job = app.job();
        List<UUID> devices = List.of(app.fcmDevice("ann"), app.fcmDevice("ben"), app.fcmDevice("cat"));
        devices.forEach(device -> app.queue(job, device, Duration.ofSeconds(-1)));
        UUID claim = UUID.randomUUID();

        List<Outbox.ClaimedDelivery> claimed = outbox.claim(10, claim, "node-a", LEASE);

        assertThat(claimed).extracting(OutboxClaimTest::deviceOf)
                .containsExactlyInAnyOrderElementsOf(devices);
        assertThat(claimed).allSatisfy(delivery -> {
            assertThat(delivery.claim()).isEqualTo(claim);
            assertThat(delivery.job().value()).isEqualTo(job);
            assertThat(delivery.address()).containsInstanceOf(DeviceAddress.Fcm.class);
            assertThat(delivery.unusable()).isNull();
        });
        assertThat(DB.owner().sql("""
                        select count(*) from push_deliveries
                         where claim_id = ? and claimed_by = 'node-a' and due_at > now() + interval '1 minute'""")
                .param(claim).query(Integer.class).single()).as("leased until the lease's end").isEqualTo(3);
        assertThat(outbox.claim(10, UUID.randomUUID(), "node-b", LEASE)).as("nothing left to claim").isEmpty();
    }

    @Test
    void deliveries_not_yet_due_or_already_final_are_left_alone() {
        Outboxed app = new Outboxed(DB.newApp());
        UUID job = app.job();
        UUID due = app.queue(job, app.fcmDevice("ann"), Duration.ofSeconds(-1));
        app.queue(job, app.fcmDevice("ben"), Duration.ofMinutes(5));
        UUID delivered = app.queue(job, app.fcmDevice("cat"), Duration.ofSeconds(-1));
        DB.owner().sql("update push_deliveries set state = 'delivered' where device_id = ?").param(delivered).update();

        assertThat(outbox.claim(10, UUID.randomUUID(), "node-a", LEASE)).extracting(OutboxClaimTest::deviceOf)
                .containsExactly(due);
    }

    @Test
    void within_an_app_the_longest_due_deliveries_go_first() {
        Outboxed app = new Outboxed(DB.newApp());
        UUID job = app.job();
        UUID oldest = app.queue(job, app.fcmDevice("ann"), Duration.ofMinutes(-3));
        app.queue(job, app.fcmDevice("ben"), Duration.ofMinutes(-1));
        UUID older = app.queue(job, app.fcmDevice("cat"), Duration.ofMinutes(-2));

        assertThat(outbox.claim(2, UUID.randomUUID(), "node-a", LEASE)).extracting(OutboxClaimTest::deviceOf)
                .containsExactlyInAnyOrder(oldest, older);
    }

    @Test
    void a_delivery_another_claimer_has_locked_is_skipped_not_waited_for() throws Exception {
        Outboxed app = new Outboxed(DB.newApp());
        UUID job = app.job();
        UUID locked = app.queue(job, app.fcmDevice("ann"), Duration.ofMinutes(-2));
        UUID free = app.queue(job, app.fcmDevice("ben"), Duration.ofMinutes(-1));

        try (Connection other = DB.ownerConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement("select 1 from push_deliveries where device_id = ? for update")) {
                lock.setObject(1, locked);
                lock.executeQuery().close();
            }

            List<Outbox.ClaimedDelivery> claimed = CompletableFuture.supplyAsync(() -> outbox.claim(10, UUID.randomUUID(), "node-a", LEASE))
                    .get(30, TimeUnit.SECONDS);

            assertThat(claimed).extracting(OutboxClaimTest::deviceOf).containsExactly(free);
            other.rollback();
        }
        assertThat(outbox.claim(10, UUID.randomUUID(), "node-b", LEASE)).extracting(OutboxClaimTest::deviceOf)
                .containsExactly(locked);
    }

    @Test
    void claimers_racing_for_the_same_outbox_never_take_one_delivery_twice() throws Exception {
        Outboxed app = new Outboxed(DB.newApp());
        UUID job = app.job();
        List<UUID> devices = app.queueMany(job, 300, Duration.ofSeconds(-1));

        List<CompletableFuture<List<UUID>>> claimers = new ArrayList<>();
        for (int node = 0; node < 4; node++) {
            String name = "node-" + node;
            claimers.add(CompletableFuture.supplyAsync(() -> {
                List<UUID> mine = new ArrayList<>();
                List<Outbox.ClaimedDelivery> batch;
                do {
                    batch = outbox.claim(25, UUID.randomUUID(), name, LEASE);
                    batch.forEach(delivery -> mine.add(delivery.device().value()));
                } while (!batch.isEmpty());
                return mine;
            }));
        }
        List<UUID> all = new ArrayList<>();
        for (CompletableFuture<List<UUID>> claimer : claimers) {
            all.addAll(claimer.get(60, TimeUnit.SECONDS));
        }

        assertThat(all).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(devices);
    }

    @Test
    void each_app_with_due_work_gets_an_equal_share_of_a_batch_however_much_the_others_have() {
        Outboxed broadcast = new Outboxed(DB.newApp());
        Outboxed single = new Outboxed(DB.newApp());
        Outboxed small = new Outboxed(DB.newApp());
        // due long before the others' work: a claim by due time alone would take only these
        broadcast.queueMany(broadcast.job(), 100, Duration.ofMinutes(-10));
        single.queue(single.job(), single.fcmDevice("ann"), Duration.ofSeconds(-1));
        small.queueMany(small.job(), 12, Duration.ofSeconds(-1));

        Map<UUID, Long> perApp = byApp(outbox.claim(30, UUID.randomUUID(), "node-a", LEASE));

        assertThat(perApp).containsEntry(single.app.appId().value(), 1L)
                .containsEntry(small.app.appId().value(), 10L)
                .containsEntry(broadcast.app.appId().value(), 10L);
    }

    @Test
    void past_as_many_apps_as_the_batch_holds_each_app_claimed_gets_one_place() {
        List<Outboxed> apps = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Outboxed app = new Outboxed(DB.newApp());
            UUID job = app.job();
            app.queue(job, app.fcmDevice("ann"), Duration.ofSeconds(-1));
            app.queue(job, app.fcmDevice("ben"), Duration.ofSeconds(-1));
            apps.add(app);
        }

        Map<UUID, Long> perApp = byApp(outbox.claim(3, UUID.randomUUID(), "node-a", LEASE));

        assertThat(perApp).hasSize(3).allSatisfy((app, count) -> assertThat(count).isEqualTo(1));
    }

    @Test
    void a_lapsed_lease_lets_another_node_take_the_delivery_over_and_only_the_new_claim_records_it() {
        Outboxed app = new Outboxed(DB.newApp());
        UUID job = app.job();
        UUID device = app.queue(job, app.fcmDevice("ann"), Duration.ofSeconds(-1));
        Outbox.ClaimedDelivery byCrashedNode = outbox.claim(10, UUID.randomUUID(), "node-a", LEASE).getFirst();
        assertThat(outbox.claim(10, UUID.randomUUID(), "node-b", LEASE)).as("leased").isEmpty();

        // the lease runs out: node-a crashed, or stalled past it
        DB.owner().sql("update push_deliveries set due_at = now() - interval '1 second' where device_id = ?").param(device).update();
        List<Outbox.ClaimedDelivery> takenOver = outbox.claim(10, UUID.randomUUID(), "node-b", LEASE);

        assertThat(takenOver).extracting(OutboxClaimTest::deviceOf).containsExactly(device);
        assertThat(outbox.record(List.of(delivered(byCrashedNode)))).as("the lapsed claim records nothing").isZero();
        assertThat(outbox.record(List.of(delivered(takenOver.getFirst())))).isEqualTo(1);
        assertThat(DB.owner().sql("select state from push_deliveries where device_id = ?").param(device)
                .query(String.class).single()).isEqualTo("delivered");
    }

    @Test
    void a_suspended_tenant_s_deliveries_wait_until_it_is_resumed() {
        Outboxed suspended = new Outboxed(DB.newApp());
        Outboxed active = new Outboxed(DB.newApp());
        UUID held = suspended.queue(suspended.job(), suspended.fcmDevice("ann"), Duration.ofSeconds(-1));
        UUID going = active.queue(active.job(), active.fcmDevice("ann"), Duration.ofSeconds(-1));
        DB.owner().sql("insert into push_tenant_holds (tenant_id) values (?)").param(suspended.app.tenantId().value()).update();

        assertThat(outbox.claim(10, UUID.randomUUID(), "node-a", LEASE)).extracting(OutboxClaimTest::deviceOf)
                .containsExactly(going);

        DB.owner().sql("delete from push_tenant_holds where tenant_id = ?").param(suspended.app.tenantId().value()).update();
        assertThat(outbox.claim(10, UUID.randomUUID(), "node-a", LEASE)).extracting(OutboxClaimTest::deviceOf)
                .containsExactly(held);
    }

    @Test
    void a_delivery_whose_device_is_gone_or_invalid_is_claimed_with_the_reason_it_cannot_be_sent() {
        Outboxed app = new Outboxed(DB.newApp());
        UUID job = app.job();
        UUID removed = app.queue(job, app.fcmDevice("ann"), Duration.ofSeconds(-1));
        UUID invalid = app.queue(job, app.fcmDevice("ben"), Duration.ofSeconds(-1));
        UUID sandbox = app.queue(job, app.apnsDevice("cat", "sandbox"), Duration.ofSeconds(-1));
        DB.owner().sql("delete from push_devices where id = ?").param(removed).update();
        DB.owner().sql("update push_devices set invalid_at = now(), invalid_reason = 'Unregistered' where id = ?")
                .param(invalid).update();

        Map<UUID, Outbox.ClaimedDelivery> claimed = outbox.claim(10, UUID.randomUUID(), "node-a", LEASE).stream()
                .collect(Collectors.toMap(delivery -> delivery.device().value(), Function.identity()));

        assertThat(claimed.get(removed).unusable()).isEqualTo("DeviceRemoved");
        assertThat(claimed.get(removed).address()).isEmpty();
        assertThat(claimed.get(invalid).unusable()).isEqualTo("DeviceInvalid");
        assertThat(claimed.get(sandbox).address()).hasValueSatisfying(address -> assertThat(address)
                .isInstanceOfSatisfying(DeviceAddress.Apns.class, apns ->
                        assertThat(apns.environment()).isEqualTo(DeviceAddress.Apns.Environment.SANDBOX)));
    }

    private static UUID deviceOf(Outbox.ClaimedDelivery delivery) {
        return delivery.device().value();
    }

    private static Outbox.Outcome delivered(Outbox.ClaimedDelivery delivery) {
        return new Outbox.Outcome(delivery, DeliveryState.DELIVERED, "OK", null, null, true, false);
    }

    private static Map<UUID, Long> byApp(List<Outbox.ClaimedDelivery> claimed) {
        return claimed.stream().collect(Collectors.groupingBy(delivery -> delivery.app().value(), Collectors.counting()));
    }

    /** An app's devices, push jobs and queued deliveries, written as the expansion writes them. */
    private static final class Outboxed {
        final AppRef app;
        private final Set<String> users = new HashSet<>();

        Outboxed(AppRef app) {
            this.app = app;
        }

        UUID job() {
            UUID job = Ids.next();
            DB.owner().sql("""
                            insert into push_jobs (tenant_id, app_id, id, origin, state, target, content, priority, send_at, expires_at)
                            values (?, ?, ?, 'api', 'sending', '{"all": true}', '{"title": "Hello"}', 'high', now(),
                                    now() + interval '1 day')""")
                    .params(app.tenantId().value(), app.appId().value(), job).update();
            return job;
        }

        UUID fcmDevice(String user) {
            return device(user, "fcm", "fcm-token-" + UUID.randomUUID(), null);
        }

        UUID apnsDevice(String user, String environment) {
            return device(user, "apns", UUID.randomUUID().toString().replace("-", ""), environment);
        }

        private UUID device(String user, String provider, String token, String environment) {
            if (users.add(user)) {
                DB.owner().sql("insert into end_users (tenant_id, app_id, user_id) values (?, ?, ?)")
                        .params(app.tenantId().value(), app.appId().value(), user).update();
            }
            UUID device = Ids.next();
            DB.owner().sql("""
                            insert into push_devices (tenant_id, app_id, id, user_id, provider, token, environment)
                            values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(app.tenantId().value(), app.appId().value(), device, user, provider, token, environment).update();
            return device;
        }

        /** {@code count} users with an FCM device each, their deliveries of {@code job} queued; answers the devices. */
        List<UUID> queueMany(UUID job, int count, Duration dueIn) {
            String prefix = "many-" + UUID.randomUUID().toString().substring(0, 8) + "-";
            DB.owner().sql("""
                            insert into end_users (tenant_id, app_id, user_id)
                            select ?, ?, ? || n from generate_series(1, ?) n""")
                    .params(app.tenantId().value(), app.appId().value(), prefix, count).update();
            List<UUID> devices = DB.owner().sql("""
                            insert into push_devices (tenant_id, app_id, id, user_id, provider, token)
                            select ?, ?, gen_random_uuid(), ? || n, 'fcm', 'fcm-token-' || ? || n from generate_series(1, ?) n
                            returning id""")
                    .params(app.tenantId().value(), app.appId().value(), prefix, prefix, count).query(UUID.class).list();
            DB.owner().sql("""
                            insert into push_deliveries (tenant_id, app_id, job_id, device_id, user_id, provider, state, due_at)
                            select tenant_id, app_id, ?, id, user_id, provider, 'queued', ? from push_devices
                             where tenant_id = ? and app_id = ? and user_id like ?""")
                    .params(job, OffsetDateTime.ofInstant(Instant.now().plus(dueIn), java.time.ZoneOffset.UTC),
                            app.tenantId().value(), app.appId().value(), prefix + "%").update();
            DB.owner().sql("update push_jobs set targeted = targeted + ?, queued = queued + ? where tenant_id = ? and app_id = ? and id = ?")
                    .params(count, count, app.tenantId().value(), app.appId().value(), job).update();
            return devices;
        }

        /** Queues the device's delivery of {@code job}, due {@code dueIn} from now (negative: overdue). */
        UUID queue(UUID job, UUID device, Duration dueIn) {
            DB.owner().sql("""
                            insert into push_deliveries (tenant_id, app_id, job_id, device_id, user_id, provider, state, due_at)
                            select tenant_id, app_id, ?, id, user_id, provider, 'queued', ? from push_devices
                             where tenant_id = ? and app_id = ? and id = ?""")
                    .params(job, OffsetDateTime.ofInstant(Instant.now().plus(dueIn), java.time.ZoneOffset.UTC),
                            app.tenantId().value(), app.appId().value(), device).update();
            DB.owner().sql("update push_jobs set targeted = targeted + 1, queued = queued + 1 where tenant_id = ? and app_id = ? and id = ?")
                    .params(app.tenantId().value(), app.appId().value(), job).update();
            return device;
        }
    }
}
