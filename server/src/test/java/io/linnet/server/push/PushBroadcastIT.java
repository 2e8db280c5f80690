package io.linnet.server.push;

import io.linnet.push.apns.MockApns;
import io.linnet.server.support.ProviderFakes;
import io.linnet.server.support.ServerIT;
import io.linnet.tenancy.TenantId;
import io.linnet.tenancy.database.TenantDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A broadcast to 50,000 devices: every device gets exactly one notification, the job's counts are exact, and
 * neither the deliveries held in flight nor the live heap grow with the audience.
 */
class PushBroadcastIT extends ServerIT {

    private static final int USERS = 5_000;
    private static final int DEVICES = 50_000;

    @Autowired
    TenantDatabase database;

    @Test
    void a_broadcast_to_fifty_thousand_devices_finishes_with_exact_counts_and_bounded_memory() {
        MockApns apns = ProviderFakes.apns();
        PushApp app = PushApp.create(api(), fixtures(), "Broadcast");
        TenantId tenant = new TenantId(UUID.fromString(app.app().owner().tenantId()));
        UUID appId = UUID.fromString(app.appId());
        List<String> tokens = app.bulkApnsDevices(database, apns, USERS, DEVICES);
        long acceptedBefore = apns.acceptedTotal();
        long liveHeapBefore = liveHeap();

        String push = app.push(Map.of("all", true), "Big news", "For everyone", "collapseKey", "news");
        AtomicInteger mostHeld = new AtomicInteger();
        AtomicLong mostLiveHeap = new AtomicLong(liveHeapBefore);
        // every poll for completion also samples what is held, so the samples span the whole broadcast
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(100)).until(() -> {
            int held = database.inTenant(tenant, () -> database.jdbc().sql("""
                            select count(*) from push_deliveries
                             where tenant_id = ? and app_id = ? and job_id = ? and claim_id is not null""")
                    .params(tenant.value(), appId, UUID.fromString(push)).query(Integer.class).single());
            mostHeld.accumulateAndGet(held, Math::max);
            mostLiveHeap.accumulateAndGet(liveHeap(), Math::max);
            return "completed".equals(app.job(push).get("state").asString());
        });
        JsonNode job = app.job(push);
        assertThat(mostHeld.get()).as("the sampling saw the broadcast in flight").isPositive();

        assertThat(PushJobCounts.of(job)).containsExactly(DEVICES, 0, DEVICES, DEVICES, 0);
        assertThat(apns.acceptedTotal() - acceptedBefore).isEqualTo(DEVICES);
        assertThat(tokens).allSatisfy(token -> assertThat(apns.accepted(token)).as(token).isEqualTo(1));
        // 4 workers x 250 per claim x 2 batches each, whatever the audience
        assertThat(mostHeld.get()).as("deliveries claimed and not yet recorded at any moment").isLessThanOrEqualTo(2_000);
        assertThat(mostLiveHeap.get() - liveHeapBefore).as("growth of the live heap (after collections), bytes")
                .isLessThan(256L * 1024 * 1024);
        Duration took = Duration.between(java.time.Instant.parse(job.get("createdAt").asString()),
                java.time.Instant.parse(job.get("completedAt").asString()));
        System.out.printf("Broadcast to %,d devices completed in %.1f s (%.0f notifications/s)%n", DEVICES,
                took.toMillis() / 1000.0, DEVICES * 1000.0 / Math.max(1, took.toMillis()));
    }

    /** The heap in use right after the latest collection of each pool: what is live, not what awaits collection. */
    private static long liveHeap() {
        long live = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage afterGc = pool.getCollectionUsage();
            if (pool.getType() == MemoryType.HEAP && afterGc != null) {
                live += afterGc.getUsed();
            }
        }
        return live;
    }
}
