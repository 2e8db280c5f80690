package io.linnet.server.push;

import io.linnet.push.apns.MockApns;
import io.linnet.server.support.ProviderFakes;
import io.linnet.server.support.ServerIT;
import io.linnet.tenancy.TenantId;
import io.linnet.tenancy.database.TenantDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** One app's broadcast does not keep another app's push waiting until the broadcast is through. */
class PushFairnessIT extends ServerIT {

    private static final int BROADCAST = 8_000;

    @Autowired
    TenantDatabase database;

    @Test
    void a_push_of_another_app_goes_out_while_a_large_broadcast_is_still_being_sent() {
        MockApns apns = ProviderFakes.apns();
        PushApp big = PushApp.create(api(), fixtures(), "Fairness Broadcaster");
        PushApp small = PushApp.create(api(), fixtures(), "Fairness Bystander");
        TenantId bigTenant = new TenantId(UUID.fromString(big.app().owner().tenantId()));
        big.bulkApnsDevices(database, apns, 1, BROADCAST);
        small.users("sam");
        String device = small.apnsDevice("sam", apns.newLiveToken());

        String broadcast = big.push(Map.of("all", true), "Big news", "For everyone");
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(50))
                .until(() -> !"scheduled".equals(big.job(broadcast).get("state").asString())
                        && !"expanding".equals(big.job(broadcast).get("state").asString()));
        String single = small.push(Map.of("devices", List.of(device)), "Hi Sam", "Not after the broadcast");

        JsonNode singleJob = small.completed(single, Duration.ofMinutes(1));
        JsonNode broadcastJob = big.completed(broadcast, Duration.ofMinutes(4));

        assertThat(PushJobCounts.of(singleJob)).containsExactly(1, 0, 1, 1, 0);
        assertThat(PushJobCounts.of(broadcastJob)).containsExactly(BROADCAST, 0, BROADCAST, BROADCAST, 0);
        // with the oldest due deliveries claimed first whatever their app, the single push would have waited until
        // every delivery of the broadcast was claimed: at most what the workers hold (4 x 250 x 2) could end after it
        int broadcastAfterSingle = database.inTenant(bigTenant, () -> database.jdbc().sql("""
                        select count(*) from push_deliveries
                         where tenant_id = ? and app_id = ? and job_id = ?
                           and updated_at > ?""")
                .params(bigTenant.value(), UUID.fromString(big.appId()), UUID.fromString(broadcast),
                        java.sql.Timestamp.from(java.time.Instant.parse(singleJob.get("completedAt").asString())))
                .query(Integer.class).single());
        assertThat(broadcastAfterSingle).as("broadcast deliveries that ended after the single push had")
                .isGreaterThan(BROADCAST / 2);
    }
}
