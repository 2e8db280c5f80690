package io.linnet.push.credential;

import io.linnet.push.CredentialKind;
import io.linnet.push.CredentialUpload;
import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.ErrorCode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApnsKeyFileTest {

    private static CredentialUpload.ApnsToken upload(byte[] p8) {
        return new CredentialUpload.ApnsToken(null, p8, "ABC123DEFG", "TEAM123456", "com.example.chat", null);
    }

    private static void refused(CredentialUpload.ApnsToken upload, String detail) {
        assertThatThrownBy(() -> ApnsKeyFile.check(upload))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST))
                .hasMessageContaining(detail);
    }

    @Test
    void a_generated_p8_key_is_accepted_with_its_ids_topic_and_both_environments() {
        CheckedCredential checked = ApnsKeyFile.check(upload(GeneratedCredentials.p8()));

        assertThat(checked.kind()).isEqualTo(CredentialKind.APNS_TOKEN);
        assertThat(checked.label()).isEqualTo("APNs key ABC123DEFG");
        assertThat(checked.metadata()).containsEntry("keyId", "ABC123DEFG").containsEntry("teamId", "TEAM123456")
                .containsEntry("topic", "com.example.chat").containsEntry("environment", "both")
                .doesNotContainKey("privateKey");
        assertThat(checked.secret().get("privateKey")).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(checked.expiresAt()).as("auth keys do not expire").isNull();
    }

    @Test
    void ids_are_read_without_regard_to_case_and_the_environment_can_be_chosen() {
        CheckedCredential checked = ApnsKeyFile.check(new CredentialUpload.ApnsToken("prod key", GeneratedCredentials.p8(),
                " abc123defg ", "team123456", "com.example.chat", "Production"));

        assertThat(checked.label()).isEqualTo("prod key");
        assertThat(checked.metadata()).containsEntry("keyId", "ABC123DEFG").containsEntry("teamId", "TEAM123456")
                .containsEntry("environment", "production");
    }

    @Test
    void a_key_with_windows_line_ends_and_surrounding_text_is_still_read() {
        String pem = new String(GeneratedCredentials.p8(), StandardCharsets.US_ASCII).replace("\n", "\r\n");

        assertThat(ApnsKeyFile.check(upload(("\uFEFF" + pem + "\r\n").getBytes(StandardCharsets.UTF_8))).metadata())
                .containsEntry("keyId", "ABC123DEFG");
    }

    @Test
    void an_rsa_key_is_refused_for_what_it_is() {
        refused(upload(GeneratedCredentials.pem(GeneratedCredentials.rsa()).getBytes(StandardCharsets.US_ASCII)),
                "The .p8 file is not a PEM PKCS#8 EC P-256 key but an RSA key");
    }

    @Test
    void a_key_on_another_curve_is_refused() {
        refused(upload(GeneratedCredentials.pem(GeneratedCredentials.ec("secp384r1")).getBytes(StandardCharsets.US_ASCII)),
                "an EC key on another curve (APNs takes P-256)");
    }

    @Test
    void an_older_pem_form_is_refused_with_the_command_that_converts_it() {
        refused(upload("-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEI\n-----END EC PRIVATE KEY-----\n".getBytes(StandardCharsets.US_ASCII)),
                "openssl pkcs8 -topk8 -nocrypt");
    }

    @Test
    void an_encrypted_key_is_refused() {
        refused(upload("-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIB\n-----END ENCRYPTED PRIVATE KEY-----".getBytes(StandardCharsets.US_ASCII)),
                "is an encrypted key; export it without a passphrase");
    }

    @Test
    void garbage_and_damaged_keys_are_refused_as_not_a_pem_key() {
        refused(upload("this is not a key".getBytes(StandardCharsets.US_ASCII)),
                "The .p8 file is not a PEM PKCS#8 EC P-256 key (it has no -----BEGIN PRIVATE KEY----- block)");
        refused(upload(new byte[]{0, 1, 2, (byte) 0xff}), "has no -----BEGIN PRIVATE KEY----- block");
        refused(upload("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----".getBytes(StandardCharsets.US_ASCII)),
                "its content is damaged");
        refused(upload("-----BEGIN PRIVATE KEY-----\nA\n-----END PRIVATE KEY-----".getBytes(StandardCharsets.US_ASCII)),
                "its base64 is damaged");
    }

    @Test
    void a_missing_file_or_wrong_ids_are_named_precisely() {
        byte[] p8 = GeneratedCredentials.p8();
        refused(upload(new byte[0]), "file is required: the .p8 key");
        refused(new CredentialUpload.ApnsToken(null, p8, null, "TEAM123456", "com.example.chat", null), "keyId is required");
        refused(new CredentialUpload.ApnsToken(null, p8, "ABC123", "TEAM123456", "com.example.chat", null),
                "keyId must be the key id Apple shows next to the key: 10 letters and digits, e.g. ABC123DEFG; got 'ABC123'");
        refused(new CredentialUpload.ApnsToken(null, p8, "ABC123DEFG", "TEAM-12345", "com.example.chat", null), "teamId must be");
        refused(new CredentialUpload.ApnsToken(null, p8, "ABC123DEFG", "TEAM123456", "", null), "topic is required");
        refused(new CredentialUpload.ApnsToken(null, p8, "ABC123DEFG", "TEAM123456", "com.example/chat", null),
                "topic must be the app's bundle id");
        refused(new CredentialUpload.ApnsToken(null, p8, "ABC123DEFG", "TEAM123456", "com.example.chat", "staging"),
                "environment must be sandbox, production or both; got 'staging'");
        refused(new CredentialUpload.ApnsToken("x".repeat(101), p8, "ABC123DEFG", "TEAM123456", "com.example.chat", null),
                "label must be at most 100 characters");
    }

    @Test
    void a_long_value_is_quoted_short_in_the_message() {
        assertThatThrownBy(() -> ApnsKeyFile.check(new CredentialUpload.ApnsToken(null, GeneratedCredentials.p8(),
                "K".repeat(5000), "TEAM123456", "com.example.chat", null)))
                .hasMessageEndingWith("…'")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
    }
}
