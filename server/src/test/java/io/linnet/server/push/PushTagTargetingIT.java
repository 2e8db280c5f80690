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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A push to tags: messaging names the users that carry them a page at a time and push writes those users' valid
 * devices into the outbox, so an audience of several pages reaches exactly the right devices once each, and an
 * expansion that stopped after some page resumes after the last user its cursor names.
 */
class PushTagTargetingIT extends ServerIT {

    /** Two and a half pages of users at the default {@code linnet.push.expansion-page} of 1,000. */
    private static final int USERS = 2_500;
    /** Every third user carries {@code vip} (and {@code de}); the others {@code de} only. */
    private static final int VIPS = USERS / 3;

    private final MockApns apns = ProviderFakes.apns();

    @Autowired
    TenantDatabase database;

    /** An app whose users have one valid device each, and each vip one more device a provider reported dead. */
    private record Audience(PushApp app, TenantId tenant, UUID appId, List<String> vipTokens, List<String> otherTokens,
                            List<String> deadTokens) {
    }

    private Audience audience(String name) {
        PushApp app = PushApp.create(api(), fixtures(), name);
        TenantId tenant = new TenantId(UUID.fromString(app.app().owner().tenantId()));
        UUID appId = UUID.fromString(app.appId());
        List<String> tokens = new ArrayList<>();
        List<String> vipTokens = new ArrayList<>();
        List<String> otherTokens = new ArrayList<>();
        List<String> deadTokens = new ArrayList<>();
        for (int i = 1; i <= USERS; i++) {
            String token = apns.newBulkToken();
            tokens.add(token);
            (i % 3 == 0 ? vipTokens : otherTokens).add(token);
        }
        for (int i = 0; i < VIPS; i++) {
            deadTokens.add(apns.newBulkToken());
        }
        database.runInTenant(tenant, () -> {
            database.jdbc().sql("""
                            insert into end_users (tenant_id, app_id, user_id, tags)
                            select ?, ?, 'user-' || i, case when i % 3 = 0 then '{vip,de}'::text[] else '{de}'::text[] end
                              from generate_series(1, ?) i""")
                    .params(tenant.value(), appId, USERS).update();
            database.jdbc().sql("""
                            insert into push_devices (tenant_id, app_id, id, user_id, provider, token, environment)
                            select ?, ?, gen_random_uuid(), 'user-' || n, 'apns', t, 'production'
                              from unnest(cast(? as text[])) with ordinality as d(t, n)""")
                    .params(tenant.value(), appId, tokens.toArray(String[]::new)).update();
            database.jdbc().sql("""
                            insert into push_devices (tenant_id, app_id, id, user_id, provider, token, environment,
                                                      invalid_at, invalid_reason)
                            select ?, ?, gen_random_uuid(), 'user-' || (3 * n), 'apns', t, 'production', now(), 'Unregistered'
                              from unnest(cast(? as text[])) with ordinality as d(t, n)""")
                    .params(tenant.value(), appId, deadTokens.toArray(String[]::new)).update();
        });
        return new Audience(app, tenant, appId, vipTokens, otherTokens, deadTokens);
    }

    @Test
    void a_push_to_tags_reaches_every_valid_device_of_the_tagged_users_once_across_pages_of_users() {
        Audience audience = audience("Tags Across Pages");

        JsonNode any = audience.app().completed(audience.app().push(Map.of("tags", Map.of("any", List.of("vip"))),
                "For vips", "only"), Duration.ofSeconds(60));
        assertThat(counts(any)).containsExactly(VIPS, 0, VIPS, VIPS, 0);
        assertThat(audience.vipTokens()).allSatisfy(token -> assertThat(apns.accepted(token)).as(token).isEqualTo(1));
        assertThat(audience.otherTokens()).allSatisfy(token -> assertThat(apns.accepted(token)).as(token).isZero());
        assertThat(audience.deadTokens()).allSatisfy(token -> assertThat(apns.accepted(token)).as(token).isZero());

        JsonNode all = audience.app().completed(audience.app().push(Map.of("tags", Map.of("all", List.of("de", "vip"))),
                "For vips in de", "only"), Duration.ofSeconds(60));
        assertThat(counts(all)).containsExactly(VIPS, 0, VIPS, VIPS, 0);
        assertThat(audience.vipTokens()).allSatisfy(token -> assertThat(apns.accepted(token)).as(token).isEqualTo(2));
        assertThat(audience.otherTokens()).allSatisfy(token -> assertThat(apns.accepted(token)).as(token).isZero());
    }

    @Test
    void an_expansion_resumes_after_the_last_tagged_user_its_cursor_names() {
        Audience audience = audience("Tags Resumed");
        String push = audience.app().push(Map.of("tags", Map.of("any", List.of("vip"))), "Resumed", "after the cursor",
                "sendAt", Instant.now().plus(Duration.ofHours(1)).toString());
        UUID job = UUID.fromString(push);
        // what a node that died while expanding this job leaves: the deliveries of the first 300 tagged users (in
        // user id order, as messaging pages them) written and its lease run out; the cursor is put at the 400th,
        // so that the 100 users between, never written, show that the expansion resumes where the cursor says
        List<String> skipped = database.inTenant(audience.tenant(), () -> {
            String written = vip(audience, 299);
            String cursor = vip(audience, 399);
            int inserted = database.jdbc().sql("""
                            with written as (
                                insert into push_deliveries (tenant_id, app_id, job_id, device_id, user_id, provider,
                                                             state, due_at)
                                select d.tenant_id, d.app_id, :job, d.id, d.user_id, 'apns', 'queued', now()
                                  from push_devices d
                                  join end_users u on u.tenant_id = d.tenant_id and u.app_id = d.app_id
                                                  and u.user_id = d.user_id
                                 where d.tenant_id = :tenant and d.app_id = :app and d.invalid_at is null
                                   and u.tags && '{vip}' and d.user_id <= :written
                                returning 1)
                            update push_jobs
                               set state = 'expanding', send_at = now(), lease_until = now(), lease_id = gen_random_uuid(),
                                   targeted = (select count(*) from written), queued = (select count(*) from written),
                                   expand_user_cursor = :cursor
                             where tenant_id = :tenant and app_id = :app and id = :job
                            returning targeted""")
                    .param("tenant", audience.tenant().value())
                    .param("app", audience.appId())
                    .param("job", job)
                    .param("written", written)
                    .param("cursor", cursor)
                    .query(Integer.class)
                    .single();
            assertThat(inserted).as("the devices of the first 300 vips").isEqualTo(300);
            return database.jdbc().sql("""
                            select d.token from push_devices d
                              join end_users u on u.tenant_id = d.tenant_id and u.app_id = d.app_id and u.user_id = d.user_id
                             where d.tenant_id = ? and d.app_id = ? and d.invalid_at is null and u.tags && '{vip}'
                               and d.user_id > ? and d.user_id <= ?""")
                    .params(audience.tenant().value(), audience.appId(), written, cursor)
                    .query(String.class)
                    .list();
        });
        assertThat(skipped).hasSize(100);

        JsonNode completed = audience.app().completed(push, Duration.ofSeconds(60));

        assertThat(counts(completed)).containsExactly(VIPS - 100, 0, VIPS - 100, VIPS - 100, 0);
        assertThat(skipped).allSatisfy(token -> assertThat(apns.accepted(token)).as(token).isZero());
        assertThat(audience.vipTokens()).filteredOn(token -> !skipped.contains(token))
                .hasSize(VIPS - 100)
                .allSatisfy(token -> assertThat(apns.accepted(token)).as(token).isEqualTo(1));
        assertThat(audience.otherTokens()).allSatisfy(token -> assertThat(apns.accepted(token)).as(token).isZero());
    }

    /** The user id of the app's {@code offset}-th user tagged vip, in user id order (inside a tenant transaction). */
    private String vip(Audience audience, int offset) {
        return database.jdbc().sql("""
                        select user_id from end_users where tenant_id = ? and app_id = ? and tags && '{vip}'
                         order by user_id offset ? limit 1""")
                .params(audience.tenant().value(), audience.appId(), offset)
                .query(String.class)
                .single();
    }

    /** targeted, queued, sent, delivered, failed */
    private static int[] counts(JsonNode job) {
        JsonNode counts = job.get("counts");
        return new int[]{counts.get("targeted").asInt(), counts.get("queued").asInt(), counts.get("sent").asInt(),
                counts.get("delivered").asInt(), counts.get("failed").asInt()};
    }
}
