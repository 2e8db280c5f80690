package io.linnet.server.push;

import io.linnet.server.support.Api;
import io.linnet.push.apns.MockApns;
import io.linnet.server.support.ProviderFakes;
import io.linnet.server.support.ServerIT;
import io.linnet.tenancy.database.PlatformDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A suspended tenant's push work is held on every node (a row the claims of all nodes skip, written
 * with the suspension) and goes on once it is resumed; other tenants' pushes go out meanwhile.
 */
class SuspendedTenantPushIT extends ServerIT {

    private final MockApns apns = ProviderFakes.apns();

    @Autowired
    PlatformDatabase platform;

    @Test
    void a_suspended_tenants_scheduled_push_waits_past_its_time_while_another_tenants_goes_out_and_goes_out_once_resumed() {
        PushApp held = PushApp.create(api(), fixtures(), "Held Push");
        held.users("amy");
        String heldToken = apns.newLiveToken();
        held.apnsDevice("amy", heldToken);
        PushApp other = PushApp.create(api(), fixtures(), "Unheld Push");
        other.users("bo");
        String otherToken = apns.newLiveToken();
        other.apnsDevice("bo", otherToken);
        Instant sendAt = Instant.now().plusSeconds(2);
        String heldPush = held.push(PushApp.users(List.of("amy")), "Held", "Waits for the resume", "sendAt", sendAt.toString());
        // due after the held one: had the held push not been held, it would have gone out first
        String otherPush = other.push(PushApp.users(List.of("bo")), "Not held", "Goes out", "sendAt",
                sendAt.plusSeconds(1).toString());

        suspend(held);
        assertThat(held.client().post("/v1/push", Map.of("target", PushApp.users(List.of("amy")),
                "notification", Map.of("title", "More", "body", "Refused"))).status())
                .as("the suspended tenant's cached access token").isEqualTo(401);
        other.completed(otherPush);

        assertThat(apns.accepted(otherToken)).isEqualTo(1);
        assertThat(apns.requests(heldToken)).isEmpty();
        assertThat(jobState(heldPush)).isEqualTo("scheduled");

        Instant resumed = Instant.now();
        resume(held);
        held.completed(heldPush);
        assertThat(apns.accepted(heldToken)).isEqualTo(1);
        assertThat(apns.requests(heldToken).getFirst()).isAfterOrEqualTo(resumed);
    }

    @Test
    void a_suspended_tenants_deliveries_already_in_the_outbox_wait_and_go_out_once_resumed() {
        PushApp held = PushApp.create(api(), fixtures(), "Held Deliveries");
        held.users("cy");
        String token = apns.newLiveToken();
        String device = held.apnsDevice("cy", token);
        String push = held.push(PushApp.users(List.of("cy")), "Queued", "Waits in the outbox", "sendAt",
                Instant.now().plusSeconds(3600).toString());
        suspend(held);
        expandedJustBeforeTheSuspension(held, push, device);
        PushApp other = PushApp.create(api(), fixtures(), "Unheld Deliveries");
        other.users("dee");
        String otherToken = apns.newLiveToken();
        other.apnsDevice("dee", otherToken);

        other.completed(other.push(PushApp.users(List.of("dee")), "Not held", "Goes out"));

        assertThat(apns.accepted(otherToken)).isEqualTo(1);
        assertThat(apns.requests(token)).isEmpty();
        assertThat(deliveryState(push, device)).isEqualTo("queued");
        resume(held);
        held.completed(push);
        assertThat(apns.accepted(token)).isEqualTo(1);
    }

    private void suspend(PushApp app) {
        Api.Response suspended = operator().post("/ops/v1/tenants/" + app.app().owner().tenantId() + "/suspend", null);
        assertThat(suspended.status()).as(suspended.toString()).isEqualTo(200);
    }

    private void resume(PushApp app) {
        Api.Response resumed = operator().post("/ops/v1/tenants/" + app.app().owner().tenantId() + "/resume", null);
        assertThat(resumed.status()).as(resumed.toString()).isEqualTo(200);
    }

    /** The job's delivery queued and due, as the scheduler's expansion writes it, had it run just before the suspension. */
    private void expandedJustBeforeTheSuspension(PushApp app, String push, String device) {
        UUID tenant = UUID.fromString(app.app().owner().tenantId());
        UUID appId = UUID.fromString(app.appId());
        UUID job = UUID.fromString(push);
        platform.inTransaction(() -> {
            platform.jdbc().sql("""
                            update push_jobs set state = 'sending', send_at = now(), expanded_at = now(), targeted = 1, queued = 1
                             where tenant_id = ? and app_id = ? and id = ?""")
                    .params(tenant, appId, job).update();
            return platform.jdbc().sql("""
                            insert into push_deliveries (tenant_id, app_id, job_id, device_id, user_id, provider, state, due_at)
                            values (?, ?, ?, ?, 'cy', 'apns', 'queued', now())""")
                    .params(tenant, appId, job, UUID.fromString(device)).update();
        });
    }

    private String jobState(String push) {
        return platform.jdbc().sql("select state from push_jobs where id = ?").param(UUID.fromString(push))
                .query(String.class).single();
    }

    private String deliveryState(String push, String device) {
        return platform.jdbc().sql("select state from push_deliveries where job_id = ? and device_id = ?")
                .params(UUID.fromString(push), UUID.fromString(device)).query(String.class).single();
    }
}
