package io.linnet.server.console;

import io.linnet.push.credential.GeneratedCredentials;
import io.linnet.server.push.CredentialRequests;
import io.linnet.server.support.Api;
import io.linnet.server.support.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The push-credentials screen in a real browser: upload, validation messages, expiry warnings, VAPID keys, deletion. */
class PushCredentialsBrowserIT extends InBrowser {

    private static Path files;

    @BeforeAll
    static void aFolderForFiles() throws IOException {
        files = Files.createTempDirectory("linnet-push-files-");
    }

    @AfterAll
    static void removeFiles() throws IOException {
        try (Stream<Path> all = Files.walk(files)) {
            all.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private static Path file(String name, byte[] content) throws IOException {
        return Files.write(files.resolve(name), content);
    }

    @Test
    void an_owner_uploads_a_generated_p8_key_sees_it_validated_and_listed_and_a_broken_file_is_explained() throws IOException {
        Fixtures.TenantOwner owner = fixtures().tenant("Push Browser Co");
        String appId = fixtures().app(owner, "push-browser");
        byte[] p8 = GeneratedCredentials.p8();
        Path key = file("AuthKey_ABC123DEFG.p8", p8);
        Path broken = file("AuthKey_BROKEN0001.p8", "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n"
                .getBytes(StandardCharsets.US_ASCII));
        new SignIn(browser).as(owner.email(), Fixtures.PASSWORD);

        PushCredentialsPage page = new PushCredentialsPage(browser).openFromApps(appId);
        assertThat(page.emptyStateTitle()).isEqualTo("No push credentials yet");
        browser.screenshot("push-credentials-empty");

        page.startUpload("APNs auth key (.p8)").chooseFile(key);
        assertThat(page.valueOf("credential-key-id")).as("the key id is read from Apple's file name").isEqualTo("ABC123DEFG");
        page.type("credential-team-id", "TEAM123456").type("credential-topic", GeneratedCredentials.TOPIC)
                .type("credential-label", "iOS production");
        page.saveAccepted();
        page.awaitRow("Key ABC123DEFG · Team TEAM123456 · com.example.chat · both");
        assertThat(page.showsRow("iOS production")).isTrue();
        assertThat(page.showsRow("Auth key (.p8)")).isTrue();
        browser.screenshot("push-credentials-p8-listed");
        assertThat(browser.pageSource()).as("the key never reaches the page")
                .doesNotContain(GeneratedCredentials.secretFragment(p8)).doesNotContain("PRIVATE KEY");

        page.startUpload("APNs auth key (.p8)").chooseFile(broken)
                .type("credential-team-id", "TEAM123456").type("credential-topic", GeneratedCredentials.TOPIC);
        String error = page.saveRefused();
        assertThat(error).isEqualTo("The .p8 file is not a PEM PKCS#8 EC P-256 key: its content is damaged");
        browser.screenshot("push-credentials-broken-file");

        page.chooseFile(key).type("credential-key-id", "ABC12");
        assertThat(page.saveRefusedOnField("credential-key-id"))
                .startsWith("Key id must be the key id Apple shows next to the key: 10 letters and digits");
        page.cancelUpload();
        assertThat(page.showsRow("AuthKey_BROKEN0001")).isFalse();
    }

    @Test
    void expiry_is_flagged_vapid_keys_are_generated_with_their_public_key_shown_and_a_credential_is_deleted() {
        Fixtures.TenantOwner owner = fixtures().tenant("Push Expiry Co");
        String appId = fixtures().app(owner, "push-expiry");
        Api.Response certificate = owner.client().post("/manage/v1/apps/" + appId + "/push-credentials",
                CredentialRequests.with(CredentialRequests.apnsCertificate(
                        GeneratedCredentials.p12("pw", Instant.now().plus(Duration.ofDays(5)).minus(Duration.ofHours(1))), "pw"),
                        "label", "old certificate"));
        assertThat(certificate.status()).as(certificate.toString()).isEqualTo(201);
        String certificateId = certificate.json().get("id").asString();
        new SignIn(browser).as(owner.email(), Fixtures.PASSWORD);

        PushCredentialsPage page = new PushCredentialsPage(browser).open(appId);
        assertThat(page.expiryBadge(certificateId)).isEqualTo("Expires in 5 days");
        assertThat(page.expiryAlert()).contains("1 credential expires within 30 days");

        String publicKey = page.generateVapid("mailto:push@example.com");
        assertThat(publicKey).hasSize(87);
        page.awaitRow("mailto:push@example.com · Public key " + publicKey.substring(0, 16));
        browser.screenshot("push-credentials-listed-with-warnings");

        page.delete(certificateId);
        assertThat(page.showsRow("old certificate")).isFalse();
        assertThat(page.showsRow("mailto:push@example.com")).isTrue();
    }

    @Test
    void a_viewer_sees_the_credentials_but_may_add_or_delete_none() {
        Fixtures.TenantOwner owner = fixtures().tenant("Push Viewer Co");
        String appId = fixtures().app(owner, "push-viewer");
        Api.Response uploaded = owner.client().post("/manage/v1/apps/" + appId + "/push-credentials",
                CredentialRequests.apnsToken(GeneratedCredentials.p8()));
        assertThat(uploaded.status()).isEqualTo(201);
        Api.Client viewer = fixtures().member(owner, "VIEWER");
        String viewerEmail = viewer.get("/manage/v1/members").json().get("items").valueStream()
                .filter(member -> "VIEWER".equals(member.get("role").asString()))
                .map(member -> member.get("email").asString()).findFirst().orElseThrow();
        new SignIn(browser).as(viewerEmail, Fixtures.PASSWORD);

        PushCredentialsPage page = new PushCredentialsPage(browser).openFromApps(appId);
        page.awaitRow("Key " + CredentialRequests.KEY_ID);
        assertThat(page.offersToAdd()).isFalse();
        assertThat(page.offersDelete(uploaded.json().get("id").asString())).isFalse();
    }
}
