package io.linnet.server.push;

import io.linnet.push.CredentialId;
import io.linnet.push.PushProvider;
import io.linnet.push.credential.GeneratedCredentials;
import io.linnet.push.credential.LiveCredentials;
import io.linnet.push.credential.PushCredentialMaterial;
import io.linnet.server.support.Api;
import io.linnet.server.support.Fixtures;
import io.linnet.server.support.ServerIT;
import io.linnet.tenancy.AppId;
import io.linnet.tenancy.TenantId;
import io.linnet.tenancy.database.PlatformDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An app's push credentials over HTTP: each kind uploaded and checked, listed with metadata and
 * expiry but never a secret, two live per provider, deleted; and handed decrypted to the pipeline.
 */
class PushCredentialsIT extends ServerIT {

    @Autowired
    LiveCredentials credentials;

    @Autowired
    PlatformDatabase platform;

    private Fixtures.TenantOwner owner;
    private String appId;
    private String path;

    @BeforeEach
    void anApp() {
        owner = fixtures().tenant("Push Credentials Co");
        appId = fixtures().app(owner, "push-app");
        path = "/manage/v1/apps/" + appId + "/push-credentials";
    }

    private Api.Response upload(Map<String, Object> body) {
        return owner.client().post(path, body);
    }

    private JsonNode created(Map<String, Object> body) {
        Api.Response response = upload(body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    @Test
    void each_kind_is_uploaded_checked_and_listed_with_its_metadata_but_never_its_secret() {
        byte[] p8 = GeneratedCredentials.p8();
        String certificatePassword = "p12-password-" + UUID.randomUUID();
        Instant certificateExpiry = Instant.now().plus(Duration.ofDays(200));
        byte[] p12 = GeneratedCredentials.p12(certificatePassword, certificateExpiry);
        byte[] serviceAccount = GeneratedCredentials.serviceAccount(Map.of());
        String[] vapid = GeneratedCredentials.vapid();

        Api.Response tokenResponse = upload(CredentialRequests.with(CredentialRequests.apnsToken(p8), "label", "iOS key"));
        assertThat(tokenResponse.status()).as(tokenResponse.toString()).isEqualTo(201);
        JsonNode token = tokenResponse.json();
        assertThat(tokenResponse.header("Location")).isEqualTo(path + "/" + token.get("id").asString());
        assertThat(token.get("provider").asString()).isEqualTo("apns");
        assertThat(token.get("kind").asString()).isEqualTo("APNS_TOKEN");
        assertThat(token.get("label").asString()).isEqualTo("iOS key");
        assertThat(token.get("metadata").get("keyId").asString()).isEqualTo(CredentialRequests.KEY_ID);
        assertThat(token.get("metadata").get("teamId").asString()).isEqualTo(CredentialRequests.TEAM_ID);
        assertThat(token.get("metadata").get("topic").asString()).isEqualTo(GeneratedCredentials.TOPIC);
        assertThat(token.get("metadata").get("environment").asString()).isEqualTo("both");
        assertThat(token.get("expiresAt").isNull()).isTrue();
        assertThat(token.get("expiryWarning").asString()).isEqualTo("none");
        assertThat(token.get("revokedAt").isNull()).isTrue();
        assertThat(token.get("lastRejection").isNull()).as("no provider has refused it").isTrue();
        assertThat(token.propertyNames()).as("the answer's shape").containsExactlyInAnyOrder("id", "appId", "provider",
                "kind", "label", "metadata", "expiresAt", "expiryWarning", "createdAt", "revokedAt", "lastRejection");
        assertThat(token.get("appId").asString()).isEqualTo(appId);

        JsonNode certificate = created(CredentialRequests.apnsCertificate(p12, certificatePassword));
        assertThat(certificate.get("metadata").get("topic").asString()).isEqualTo(GeneratedCredentials.TOPIC);
        assertThat(certificate.get("metadata").get("certificateType").asString()).isEqualTo("universal");
        assertThat(Instant.parse(certificate.get("expiresAt").asString()))
                .isBetween(certificateExpiry.minusSeconds(1), certificateExpiry.plusSeconds(1));
        assertThat(certificate.get("expiryWarning").asString()).isEqualTo("none");

        JsonNode fcm = created(CredentialRequests.fcm(serviceAccount));
        assertThat(fcm.get("provider").asString()).isEqualTo("fcm");
        assertThat(fcm.get("metadata").get("projectId").asString()).isEqualTo("linnet-test-1234");

        JsonNode uploadedVapid = created(CredentialRequests.vapid(vapid[0], vapid[1]));
        assertThat(uploadedVapid.get("metadata").get("publicKey").asString()).isEqualTo(vapid[0]);
        Api.Response generated = owner.client().post(path + "/vapid", Map.of("subject", "https://example.com/push"));
        assertThat(generated.status()).as(generated.toString()).isEqualTo(201);
        assertThat(generated.json().get("kind").asString()).isEqualTo("WEBPUSH_VAPID");
        assertThat(generated.json().get("metadata").get("subject").asString()).isEqualTo("https://example.com/push");
        assertThat(generated.json().get("metadata").get("publicKey").asString()).hasSize(87);

        Api.Response list = owner.client().get(path);
        assertThat(list.status()).isEqualTo(200);
        assertThat(Fixtures.ids(list)).hasSize(5).contains(token.get("id").asString(), certificate.get("id").asString(),
                fcm.get("id").asString(), uploadedVapid.get("id").asString(), generated.json().get("id").asString());
        assertThat(owner.client().get(path + "/" + fcm.get("id").asString()).json().get("label").asString())
                .isEqualTo("FCM linnet-test-1234");

        String everything = list.body() + tokenResponse.body() + certificate + fcm + uploadedVapid + generated.body()
                + owner.client().get("/manage/v1/audit").body();
        assertThat(everything).as("no answer carries a secret")
                .doesNotContain(GeneratedCredentials.secretFragment(p8))
                .doesNotContain(certificatePassword)
                .doesNotContain(GeneratedCredentials.base64(p12).substring(0, 40))
                .doesNotContain("PRIVATE KEY")
                .doesNotContain(vapid[1])
                .doesNotContain("privateKey\"");
        assertThat(owner.client().get("/manage/v1/audit").body())
                .contains("push_credential.uploaded", "push_credential.generated", token.get("id").asString());
    }

    @Test
    void two_credentials_per_provider_may_be_live_and_a_third_waits_until_one_is_deleted() {
        String first = created(CredentialRequests.apnsToken(GeneratedCredentials.p8())).get("id").asString();
        String second = created(CredentialRequests.apnsCertificate()).get("id").asString();
        created(CredentialRequests.fcm(GeneratedCredentials.serviceAccount(Map.of())));

        Api.Response third = upload(CredentialRequests.apnsToken(GeneratedCredentials.p8())).assertProblem(409, "conflict");
        assertThat(third.json().get("detail").asString())
                .isEqualTo("This app already has 2 live APNs credentials; delete one before adding another "
                        + "(two may be live at once, so that a rotation has no gap)");

        assertThat(owner.client().delete(path + "/" + first).status()).isEqualTo(204);
        assertThat(owner.client().delete(path + "/" + first).status()).as("deleting twice is harmless").isEqualTo(204);
        String replacement = created(CredentialRequests.apnsToken(GeneratedCredentials.p8())).get("id").asString();

        List<String> live = Fixtures.ids(owner.client().get(path));
        assertThat(live).contains(second, replacement).doesNotContain(first).hasSize(3);
        JsonNode deleted = owner.client().get(path + "/" + first).json();
        assertThat(deleted.get("revokedAt").isNull()).as("a deleted credential is still there for the record").isFalse();
        assertThat(owner.client().get("/manage/v1/audit").body()).contains("push_credential.deleted");
    }

    @Test
    void the_pipeline_gets_live_credentials_decrypted_while_the_database_holds_only_ciphertext() {
        byte[] p8 = GeneratedCredentials.p8();
        String id = created(CredentialRequests.apnsToken(p8)).get("id").asString();
        String[] vapid = GeneratedCredentials.vapid();
        created(CredentialRequests.vapid(vapid[0], vapid[1]));
        TenantId tenant = TenantId.of(owner.tenantId());
        AppId app = AppId.of(appId);

        List<PushCredentialMaterial> apns = credentials.live(tenant, app, PushProvider.APNS);
        assertThat(apns).singleElement().isInstanceOfSatisfying(PushCredentialMaterial.ApnsToken.class, material -> {
            assertThat(material.credentialId()).isEqualTo(CredentialId.of(id));
            assertThat(material.keyId()).isEqualTo(CredentialRequests.KEY_ID);
            assertThat(material.topic()).isEqualTo(GeneratedCredentials.TOPIC);
            assertThat(material.privateKeyPem()).isEqualTo(new String(p8, StandardCharsets.US_ASCII));
        });
        assertThat(credentials.live(tenant, app, PushProvider.WEBPUSH)).singleElement()
                .isInstanceOfSatisfying(PushCredentialMaterial.Vapid.class, material -> {
                    assertThat(material.publicKey()).isEqualTo(vapid[0]);
                    assertThat(material.privateKey()).isEqualTo(vapid[1]);
                });
        assertThat(credentials.live(tenant, app, PushProvider.FCM)).isEmpty();

        String stored = platform.jdbc().sql("select secret from push_credentials where id = ?")
                .param(UUID.fromString(id)).query(String.class).single();
        assertThat(stored).startsWith("v1:").doesNotContain("PRIVATE").doesNotContain(GeneratedCredentials.secretFragment(p8));

        assertThat(owner.client().delete(path + "/" + id).status()).isEqualTo(204);
        assertThat(credentials.live(tenant, app, PushProvider.APNS)).as("the pipeline stops using it at once").isEmpty();
        assertThat(platform.jdbc().sql("select secret from push_credentials where id = ?")
                .param(UUID.fromString(id)).query(String.class).optional()).as("its secret is erased").isEmpty();
    }

    @Test
    void a_certificate_near_its_expiry_is_flagged_a_month_and_a_week_ahead() {
        Instant now = Instant.now();
        JsonNode month = created(CredentialRequests.apnsCertificate(GeneratedCredentials.p12("pw", now.plus(Duration.ofDays(20))), "pw"));
        JsonNode week = created(CredentialRequests.apnsCertificate(GeneratedCredentials.p12("pw", now.plus(Duration.ofDays(5))), "pw"));

        assertThat(month.get("expiryWarning").asString()).isEqualTo("within_30_days");
        assertThat(week.get("expiryWarning").asString()).isEqualTo("within_7_days");
    }

    @Test
    void the_endpoints_are_in_the_openapi_document_for_console_accounts() {
        JsonNode paths = api().anonymous().get("/v3/api-docs").json().get("paths");

        assertThat(paths.propertyNames()).contains("/manage/v1/apps/{appId}/push-credentials",
                "/manage/v1/apps/{appId}/push-credentials/vapid", "/manage/v1/apps/{appId}/push-credentials/{credentialId}");
        assertThat(paths.get("/manage/v1/apps/{appId}/push-credentials").get("post").get("security").toString())
                .contains("consoleAccount");
    }

    @Test
    void a_viewer_may_list_but_change_nothing_and_a_moderator_may_not_even_list() {
        String id = created(CredentialRequests.apnsToken(GeneratedCredentials.p8())).get("id").asString();
        Api.Client viewer = fixtures().member(owner, "VIEWER");
        Api.Client moderator = fixtures().member(owner, "MODERATOR");
        Api.Client developer = fixtures().member(owner, "DEVELOPER");

        assertThat(Fixtures.ids(viewer.get(path))).containsExactly(id);
        viewer.post(path, CredentialRequests.fcm(GeneratedCredentials.serviceAccount(Map.of()))).assertProblem(403, "forbidden");
        viewer.post(path, Map.of("kind", "nonsense")).assertProblem(403, "forbidden");
        viewer.post(path + "/vapid", Map.of("subject", "mailto:a@example.com")).assertProblem(403, "forbidden");
        viewer.delete(path + "/" + id).assertProblem(403, "forbidden");
        moderator.get(path).assertProblem(403, "forbidden");

        assertThat(developer.post(path, CredentialRequests.fcm(GeneratedCredentials.serviceAccount(Map.of()))).status()).isEqualTo(201);
        assertThat(Fixtures.ids(owner.client().get(path))).hasSize(2);
    }
}
