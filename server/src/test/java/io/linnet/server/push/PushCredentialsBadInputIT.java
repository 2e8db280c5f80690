package io.linnet.server.push;

import io.linnet.push.credential.GeneratedCredentials;
import io.linnet.server.support.Api;
import io.linnet.server.support.Fixtures;
import io.linnet.server.support.ServerIT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static io.linnet.server.push.CredentialRequests.apnsCertificate;
import static io.linnet.server.push.CredentialRequests.apnsToken;
import static io.linnet.server.push.CredentialRequests.fcm;
import static io.linnet.server.push.CredentialRequests.vapid;
import static io.linnet.server.push.CredentialRequests.with;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every bad push-credential upload gets a 4xx problem+json with a stable code and a sentence that
 * says precisely what is wrong, the way a person can fix it; never a 500, and nothing is stored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PushCredentialsBadInputIT extends ServerIT {

    private Fixtures.TenantOwner owner;
    private String path;

    /**
     * One bad request and the answer it must get: status, code and a fragment of the detail.
     * {@code subPath} is below the app's push-credentials path, unless it is a whole path.
     */
    record Case(String name, String method, String subPath, String contentType, String body, int status, String code,
                String detail) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    void anApp() {
        owner = fixtures().tenant("Push Bad Input");
        path = "/manage/v1/apps/" + fixtures().app(owner, "push-bad-input") + "/push-credentials";
    }

    @AfterAll
    void nothingWasStored() {
        assertThat(Fixtures.ids(owner.client().get(path))).isEmpty();
        assertThat(owner.client().get("/manage/v1/audit").body()).doesNotContain("push_credential.");
    }

    private static Case post(String name, Map<String, Object> body, String detail) {
        return new Case(name, "POST", "", "application/json", Api.JSON.writeValueAsString(body), 400, "invalid_request", detail);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    Stream<Case> cases() {
        byte[] p8 = GeneratedCredentials.p8();
        byte[] rsa = GeneratedCredentials.pem(GeneratedCredentials.rsa().getPrivate()).getBytes(StandardCharsets.US_ASCII);
        byte[] p12 = GeneratedCredentials.p12("right", Instant.now().plus(Duration.ofDays(30)));
        byte[] expired = GeneratedCredentials.p12("Apple Push Services: x", "pw", Instant.parse("2025-01-01T00:00:00Z"),
                Instant.parse("2026-01-02T08:00:00Z"));
        String[] pair = GeneratedCredentials.vapid();
        String[] other = GeneratedCredentials.vapid();
        return Stream.of(
                new Case("no body", "POST", "", "application/json", "", 400, "invalid_request", "The request body is missing"),
                new Case("not JSON", "POST", "", "application/json", "{kind:", 400, "invalid_request", "not valid JSON"),
                new Case("form instead of JSON", "POST", "", "application/x-www-form-urlencoded", "kind=FCM", 415,
                        "unsupported_media_type", ""),
                new Case("oversized body", "POST", "", "application/json",
                        "{\"kind\":\"FCM\",\"file\":\"" + "A".repeat(70 * 1024) + "\"}", 413, "payload_too_large", "64 KiB"),
                post("no kind", Map.of("file", base64("x")), "kind must be one of APNS_TOKEN, APNS_CERTIFICATE, FCM, WEBPUSH_VAPID"),
                post("unknown kind", Map.of("kind", "HUAWEI"), "kind must be one of APNS_TOKEN, APNS_CERTIFICATE, FCM, WEBPUSH_VAPID; got 'HUAWEI'"),
                new Case("kind of the wrong type", "POST", "", "application/json", "{\"kind\":7}", 400, "invalid_request",
                        "'kind' has the wrong type"),
                post("file not base64", with(apnsToken(p8), "file", "***"), "file must be the file's content in base64"),
                post("file too large", with(fcm(new byte[40 * 1024]), "kind", "FCM"), "The file is larger than 32 KiB"),
                post("p8 missing", with(apnsToken(p8), "file", ""), "file is required: the .p8 key"),
                post("p8 garbage", with(apnsToken(p8), "file", base64("hello")),
                        "The .p8 file is not a PEM PKCS#8 EC P-256 key (it has no -----BEGIN PRIVATE KEY----- block)"),
                post("p8 is an RSA key", apnsToken(rsa), "The .p8 file is not a PEM PKCS#8 EC P-256 key but an RSA key"),
                post("p8 key id too short", with(apnsToken(p8), "keyId", "ABC"), "keyId must be the key id Apple shows next to the key"),
                post("p8 team id missing", with(apnsToken(p8), "teamId", ""), "teamId is required"),
                post("p8 topic not a bundle id", with(apnsToken(p8), "topic", "com example"), "topic must be the app's bundle id"),
                post("p8 unknown environment", with(apnsToken(p8), "environment", "staging"), "environment must be sandbox, production or both"),
                post("label too long", with(apnsToken(p8), "label", "x".repeat(101)), "label must be at most 100 characters"),
                post("p12 wrong password", apnsCertificate(p12, "wrong"), "The .p12 password is wrong"),
                post("p12 expired", apnsCertificate(expired, "pw"), "This certificate expired on 2026-01-02"),
                post("p12 garbage", apnsCertificate(new byte[]{1, 2, 3, 4}, "pw"), "The file is not a .p12 (PKCS#12) file"),
                post("p12 is a p8", apnsCertificate(p8, "pw"), "The file is PEM text, not a .p12 file"),
                post("fcm not JSON", fcm("nope".getBytes(StandardCharsets.UTF_8)), "The file is not JSON"),
                post("fcm another type", fcm(GeneratedCredentials.serviceAccount(Map.of("type", "authorized_user"))),
                        "type must be \"service_account\"; got 'authorized_user'"),
                post("fcm private key not RSA", fcm(GeneratedCredentials.serviceAccount(Map.of("private_key", new String(p8, StandardCharsets.US_ASCII)))),
                        "private_key is not a PEM PKCS#8 RSA key but an EC key"),
                post("fcm private key garbage", fcm(GeneratedCredentials.serviceAccount(Map.of("private_key", "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----"))),
                        "private_key is not a PEM PKCS#8 RSA key: its content is damaged"),
                post("fcm no project", fcm(GeneratedCredentials.serviceAccount(Map.of("project_id", ""))), "project_id is missing"),
                post("fcm token uri elsewhere in clear", fcm(GeneratedCredentials.serviceAccount(Map.of("token_uri", "http://evil.example/token"))),
                        "token_uri must be https://oauth2.googleapis.com/token"),
                post("vapid halves of two pairs", vapid(pair[0], other[1]), "publicKey and privateKey are not one key pair"),
                post("vapid public key too short", vapid(pair[0].substring(0, 40), pair[1]), "publicKey must be an uncompressed P-256 point"),
                post("vapid bad subject", with(vapid(pair[0], pair[1]), "subject", "push@example.com"),
                        "subject must be a mailto: address or an https: URL"),
                new Case("generate with no subject", "POST", "/vapid", "application/json", "{}", 400, "invalid_request",
                        "subject must be a mailto: address or an https: URL"),
                new Case("generate with an http subject", "POST", "/vapid", "application/json",
                        "{\"subject\":\"http://example.com\"}", 400, "invalid_request", "subject must be a mailto: address or an https: URL"),
                new Case("unknown credential", "GET", "/" + UUID.randomUUID(), null, null, 404, "not_found", "Push credential not found"),
                new Case("malformed credential id", "DELETE", "/not-an-id", null, null, 404, "not_found", "Push credential not found"),
                new Case("unknown app", "POST", "/manage/v1/apps/" + UUID.randomUUID() + "/push-credentials", "application/json",
                        Api.JSON.writeValueAsString(fcm(GeneratedCredentials.serviceAccount(Map.of()))), 404, "not_found", "App not found"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void a_bad_request_is_refused_with_a_precise_problem(Case bad) {
        String target = bad.subPath().startsWith("/manage/") ? bad.subPath() : path + bad.subPath();
        Api.Response response = switch (bad.method()) {
            case "GET" -> owner.client().get(target);
            case "DELETE" -> owner.client().delete(target);
            default -> owner.client().raw(bad.method(), target, bad.contentType(), bad.body());
        };

        response.assertProblem(bad.status(), bad.code());
        assertThat(response.json().get("detail").asString()).as(response.toString()).contains(bad.detail());
    }
}
