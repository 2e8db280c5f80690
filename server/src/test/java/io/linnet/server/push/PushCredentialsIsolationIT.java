package io.linnet.server.push;

import io.linnet.push.PushProvider;
import io.linnet.push.credential.GeneratedCredentials;
import io.linnet.push.credential.LiveCredentials;
import io.linnet.server.support.Api;
import io.linnet.server.support.Fixtures;
import io.linnet.server.support.ServerIT;
import io.linnet.tenancy.AppId;
import io.linnet.tenancy.TenantId;
import io.linnet.tenancy.database.TenantDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Another tenant's (or a sibling app's) push credentials answer exactly as missing ones do, and nothing changes. */
class PushCredentialsIsolationIT extends ServerIT {

    @Autowired
    LiveCredentials credentials;

    @Autowired
    TenantDatabase database;

    private Fixtures.TenantOwner alice;
    private Fixtures.TenantOwner mallory;
    private String aliceApp;
    private String credential;

    @BeforeEach
    void aliceHasACredential() {
        alice = fixtures().tenant("Alice Push");
        mallory = fixtures().tenant("Mallory Push");
        aliceApp = fixtures().app(alice, "alice-push");
        Api.Response uploaded = alice.client().post("/manage/v1/apps/" + aliceApp + "/push-credentials",
                CredentialRequests.apnsToken(GeneratedCredentials.p8()));
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        credential = uploaded.json().get("id").asString();
    }

    private String snapshot() {
        return alice.client().get("/manage/v1/apps/" + aliceApp + "/push-credentials").body();
    }

    @Test
    void another_tenants_app_and_credentials_are_not_found_on_every_endpoint_and_nothing_changes() {
        String path = "/manage/v1/apps/" + aliceApp + "/push-credentials";
        Api.Client client = mallory.client();
        String before = snapshot();

        client.get(path).assertProblem(404, "not_found");
        client.get(path + "/" + credential).assertProblem(404, "not_found");
        client.post(path, CredentialRequests.fcm(GeneratedCredentials.serviceAccount(Map.of()))).assertProblem(404, "not_found");
        client.post(path + "/vapid", Map.of("subject", "mailto:mallory@example.com")).assertProblem(404, "not_found");
        client.delete(path + "/" + credential).assertProblem(404, "not_found");

        String malloryApp = fixtures().app(mallory, "mallory-push");
        // alice's credential id under mallory's own app
        client.get("/manage/v1/apps/" + malloryApp + "/push-credentials/" + credential).assertProblem(404, "not_found");
        client.delete("/manage/v1/apps/" + malloryApp + "/push-credentials/" + credential).assertProblem(404, "not_found");

        assertThat(snapshot()).as("alice's credentials are unchanged").isEqualTo(before);
        assertThat(credentials.live(TenantId.of(alice.tenantId()), AppId.of(aliceApp), PushProvider.APNS)).hasSize(1);
        assertThat(credentials.live(TenantId.of(mallory.tenantId()), AppId.of(aliceApp), PushProvider.APNS))
                .as("the pipeline, asked in the wrong tenant, finds nothing").isEmpty();
        assertThat(client.get("/manage/v1/audit").body()).doesNotContain(credential);
    }

    @Test
    void a_sibling_apps_credential_is_not_found_under_another_app_of_the_same_tenant() {
        String sibling = fixtures().app(alice, "alice-sibling");
        String path = "/manage/v1/apps/" + sibling + "/push-credentials/" + credential;

        alice.client().get(path).assertProblem(404, "not_found");
        alice.client().delete(path).assertProblem(404, "not_found");
        assertThat(Fixtures.ids(alice.client().get("/manage/v1/apps/" + sibling + "/push-credentials"))).isEmpty();
        assertThat(Fixtures.ids(alice.client().get("/manage/v1/apps/" + aliceApp + "/push-credentials"))).containsExactly(credential);
    }

    @Test
    void row_level_security_hides_the_credentials_of_other_tenants_from_a_query_without_a_filter() {
        long seenByMallory = database.inTenant(TenantId.of(mallory.tenantId()),
                () -> database.jdbc().sql("select count(*) from push_credentials").query(Long.class).single());
        long seenByAlice = database.inTenant(TenantId.of(alice.tenantId()),
                () -> database.jdbc().sql("select count(*) from push_credentials").query(Long.class).single());
        long seenByNobody = database.jdbc().sql("select count(*) from push_credentials").query(Long.class).single();

        assertThat(seenByMallory).isZero();
        assertThat(seenByAlice).isEqualTo(1);
        assertThat(seenByNobody).isZero();
    }
}
