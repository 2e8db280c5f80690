package io.linnet.push.credential;

import io.linnet.push.CredentialKind;
import io.linnet.push.CredentialUpload;
import io.linnet.tenancy.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceAccountFileTest {

    private static final URI GOOGLE = URI.create("https://oauth2.googleapis.com/token");

    private static CheckedCredential check(byte[] json) {
        return ServiceAccountFile.check(new CredentialUpload.FcmServiceAccount(null, json), GOOGLE);
    }

    private static void refused(byte[] json, String detail) {
        assertThatThrownBy(() -> check(json)).isInstanceOf(DomainException.class).hasMessageContaining(detail);
    }

    private static byte[] with(String field, Object value) {
        return GeneratedCredentials.serviceAccount(Collections.singletonMap(field, value));
    }

    @Test
    void a_service_account_key_file_is_accepted_and_kept_whole() {
        byte[] file = GeneratedCredentials.serviceAccount(Map.of());

        CheckedCredential checked = check(file);

        assertThat(checked.kind()).isEqualTo(CredentialKind.FCM);
        assertThat(checked.label()).isEqualTo("FCM linnet-test-1234");
        assertThat(checked.metadata()).containsEntry("projectId", "linnet-test-1234")
                .containsEntry("clientEmail", "firebase-adminsdk-abc12@linnet-test-1234.iam.gserviceaccount.com")
                .containsEntry("privateKeyId", "0123456789abcdef0123456789abcdef01234567")
                .containsEntry("tokenUri", "https://oauth2.googleapis.com/token");
        assertThat(checked.metadata().values()).noneMatch(value -> value.contains("PRIVATE KEY"));
        assertThat(checked.secret().get("serviceAccount")).isEqualTo(new String(file, StandardCharsets.UTF_8));
    }

    @Test
    void anything_but_a_json_object_is_refused() {
        refused("{not json".getBytes(StandardCharsets.UTF_8), "The file is not JSON");
        refused("[1, 2]".getBytes(StandardCharsets.UTF_8), "The file is not a JSON object");
        refused(GeneratedCredentials.p8(), "The file is not JSON");
        refused(new byte[0], "file is required");
    }

    @Test
    void another_kind_of_google_credential_is_refused_by_its_type() {
        refused(with("type", "authorized_user"), "type must be \"service_account\"; got 'authorized_user'");
        refused(with("type", null), "type must be \"service_account\"; got ''");
    }

    @Test
    void each_missing_or_malformed_field_is_named() {
        refused(with("project_id", null), "project_id is missing");
        refused(with("project_id", "Not A Project"), "project_id is not a Google Cloud project id");
        refused(with("private_key_id", null), "private_key_id is missing");
        refused(with("client_email", null), "client_email is missing");
        refused(with("client_email", "nobody"), "client_email is not an e-mail address");
        refused(with("token_uri", null), "token_uri is missing");
        refused(with("project_id", 42), "project_id is missing");
    }

    @Test
    void a_private_key_that_is_not_a_pem_pkcs8_rsa_key_is_refused() {
        refused(with("private_key", null), "private_key is not a PEM PKCS#8 RSA key: it is empty");
        refused(with("private_key", "garbage"), "private_key is not a PEM PKCS#8 RSA key");
        refused(with("private_key", GeneratedCredentials.pem(GeneratedCredentials.ec("secp256r1"))),
                "private_key is not a PEM PKCS#8 RSA key but an EC key");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://oauth2.googleapis.com/token", "file:///etc/passwd", "https://127.0.0.1/token",
            "http://127.0.0.1:18080/token", "http://localhost:18080/token", "https://169.254.169.254/token",
            "https://0x7f000001/token", "https://user:pw@oauth2.googleapis.com/token", "https://evil.example/token",
            "https://oauth2.googleapis.com.evil.example/token", "https://oauth2.googleapis.com/token?x=1"})
    void a_token_endpoint_other_than_google_s_is_refused_whatever_its_address(String tokenUri) {
        refused(with("token_uri", tokenUri), "token_uri must be https://oauth2.googleapis.com/token, where this server "
                + "gets FCM access tokens");
    }

    @Test
    void the_token_endpoint_the_server_is_configured_with_is_accepted_besides_google_s() {
        URI fake = URI.create("http://127.0.0.1:18080/token");
        assertThat(ServiceAccountFile.check(new CredentialUpload.FcmServiceAccount(null,
                with("token_uri", fake.toString())), fake).metadata()).containsEntry("tokenUri", fake.toString());
        assertThat(ServiceAccountFile.check(new CredentialUpload.FcmServiceAccount(null,
                with("token_uri", GOOGLE.toString())), fake).metadata()).containsEntry("tokenUri", GOOGLE.toString());
        assertThatThrownBy(() -> ServiceAccountFile.check(new CredentialUpload.FcmServiceAccount(null,
                with("token_uri", "http://localhost:18080/token")), fake))
                .hasMessageContaining("token_uri must be https://oauth2.googleapis.com/token or http://127.0.0.1:18080/token");
    }
}
