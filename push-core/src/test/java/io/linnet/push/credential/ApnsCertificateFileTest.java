package io.linnet.push.credential;

import io.linnet.push.CredentialKind;
import io.linnet.push.CredentialUpload;
import io.linnet.tenancy.DomainException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApnsCertificateFileTest {

    private static final Instant NOW = Instant.now();

    private static CheckedCredential check(byte[] p12, String password, String environment) {
        return ApnsCertificateFile.check(new CredentialUpload.ApnsCertificate(null, p12, password, environment), NOW);
    }

    private static void refused(byte[] p12, String password, String detail) {
        assertThatThrownBy(() -> check(p12, password, null)).isInstanceOf(DomainException.class).hasMessageContaining(detail);
    }

    @Test
    void a_universal_certificate_gives_its_topic_expiry_and_both_environments() {
        KeyPair pair = GeneratedCredentials.rsa();
        Instant notAfter = NOW.plus(Duration.ofDays(365)).truncatedTo(ChronoUnit.SECONDS);
        X509Certificate certificate = GeneratedCredentials.certificate(pair, "Apple Push Services: com.example.chat",
                "com.example.chat", NOW.minus(Duration.ofDays(1)), notAfter);

        CheckedCredential checked = check(GeneratedCredentials.p12(pair, certificate, "s3cret"), "s3cret", null);

        assertThat(checked.kind()).isEqualTo(CredentialKind.APNS_CERTIFICATE);
        assertThat(checked.label()).isEqualTo("APNs certificate com.example.chat");
        assertThat(checked.expiresAt()).isEqualTo(notAfter);
        assertThat(checked.metadata()).containsEntry("topic", "com.example.chat").containsEntry("environment", "both")
                .containsEntry("certificateType", "universal").containsEntry("teamId", GeneratedCredentials.TEAM)
                .containsEntry("certificateIssuer", "Apple Push Services: com.example.chat")
                .doesNotContainKeys("password", "pkcs12");
        assertThat(checked.metadata().get("certificateSubject")).contains("UID=com.example.chat");
        assertThat(checked.secret()).containsEntry("password", "s3cret").containsKey("pkcs12");
    }

    @Test
    void a_universal_certificate_may_be_kept_to_one_environment() {
        byte[] p12 = GeneratedCredentials.p12("Apple Push Services: com.example.chat", "pw", Duration.ofDays(90));

        assertThat(check(p12, "pw", "sandbox").metadata()).containsEntry("environment", "sandbox");
    }

    @Test
    void a_development_certificate_is_for_the_sandbox_and_refused_for_production() {
        byte[] p12 = GeneratedCredentials.p12("Apple Development IOS Push Services: com.example.chat", "pw", Duration.ofDays(90));

        assertThat(check(p12, "pw", null).metadata()).containsEntry("environment", "sandbox")
                .containsEntry("certificateType", "sandbox");
        assertThatThrownBy(() -> check(p12, "pw", "production"))
                .hasMessage("This is a sandbox certificate: it cannot be used for environment production");
    }

    @Test
    void a_production_certificate_is_for_production() {
        byte[] p12 = GeneratedCredentials.p12("Apple Production IOS Push Services: com.example.chat", "pw", Duration.ofDays(90));

        assertThat(check(p12, "pw", null).metadata()).containsEntry("environment", "production");
    }

    @Test
    void a_wrong_or_missing_password_is_refused_as_wrong() {
        byte[] p12 = GeneratedCredentials.p12("Apple Push Services: com.example.chat", "right", Duration.ofDays(90));

        refused(p12, "wrong", "The .p12 password is wrong");
        refused(p12, null, "The .p12 password is wrong");
    }

    @Test
    void a_p12_without_a_password_is_read() {
        byte[] p12 = GeneratedCredentials.p12("Apple Push Services: com.example.chat", "", Duration.ofDays(90));

        assertThat(check(p12, null, null).metadata()).containsEntry("topic", "com.example.chat");
    }

    @Test
    void an_expired_certificate_is_refused_with_its_expiry_day() {
        KeyPair pair = GeneratedCredentials.rsa();
        Instant expired = Instant.parse("2026-01-02T10:00:00Z");
        X509Certificate certificate = GeneratedCredentials.certificate(pair, "Apple Push Services: com.example.chat",
                "com.example.chat", expired.minus(Duration.ofDays(365)), expired);

        refused(GeneratedCredentials.p12(pair, certificate, "pw"), "pw", "This certificate expired on 2026-01-02");
    }

    @Test
    void a_certificate_not_yet_valid_is_refused_with_its_first_day() {
        KeyPair pair = GeneratedCredentials.rsa();
        Instant from = NOW.plus(Duration.ofDays(10));
        X509Certificate certificate = GeneratedCredentials.certificate(pair, "Apple Push Services: com.example.chat",
                "com.example.chat", from, from.plus(Duration.ofDays(365)));

        refused(GeneratedCredentials.p12(pair, certificate, "pw"), "pw",
                "This certificate is not valid until " + from.atOffset(ZoneOffset.UTC).toLocalDate());
    }

    @Test
    void a_certificate_without_a_uid_is_not_an_apns_certificate() {
        KeyPair pair = GeneratedCredentials.rsa();
        X509Certificate certificate = GeneratedCredentials.certificate(pair, "Some TLS server", null,
                NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30)));

        refused(GeneratedCredentials.p12(pair, certificate, "pw"), "pw", "The certificate's subject has no UID (the app's bundle id)");
    }

    @Test
    void a_key_that_does_not_belong_to_the_certificate_is_refused() {
        KeyPair pair = GeneratedCredentials.rsa();
        KeyPair other = GeneratedCredentials.rsa();
        X509Certificate certificate = GeneratedCredentials.certificate(pair, "Apple Push Services: com.example.chat",
                "com.example.chat", NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30)));

        refused(GeneratedCredentials.p12(other, certificate, "pw"), "pw", "private key does not belong to its certificate");
    }

    @Test
    void garbage_a_pem_file_and_a_certificate_alone_are_each_explained() throws Exception {
        X509Certificate certificate = GeneratedCredentials.certificate(GeneratedCredentials.rsa(), "Apple Push Services: x",
                "x", NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30)));

        refused("not a p12 at all".getBytes(StandardCharsets.US_ASCII), "pw", "The file is not a .p12 (PKCS#12) file");
        refused(new byte[]{0x30, (byte) 0x82, 0x01}, "pw", "The file is not a .p12 (PKCS#12) file");
        refused(GeneratedCredentials.p8(), "pw", "The file is PEM text, not a .p12 file");
        refused(certificate.getEncoded(), "pw", "The file is a certificate alone, without its private key");
        refused(new byte[0], "pw", "file is required");
    }
}
