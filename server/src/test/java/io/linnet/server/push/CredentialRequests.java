package io.linnet.server.push;

import io.linnet.push.credential.GeneratedCredentials;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Bodies of {@code POST /manage/v1/apps/{appId}/push-credentials}, one per kind, valid unless changed. */
public final class CredentialRequests {

    public static final String KEY_ID = "ABC123DEFG";
    public static final String TEAM_ID = "TEAM123456";

    private CredentialRequests() {
    }

    public static Map<String, Object> apnsToken(byte[] p8) {
        return body("kind", "APNS_TOKEN", "file", GeneratedCredentials.base64(p8), "keyId", KEY_ID, "teamId", TEAM_ID,
                "topic", GeneratedCredentials.TOPIC);
    }

    public static Map<String, Object> apnsCertificate(byte[] p12, String password) {
        return body("kind", "APNS_CERTIFICATE", "file", GeneratedCredentials.base64(p12), "password", password);
    }

    public static Map<String, Object> apnsCertificate() {
        return apnsCertificate(GeneratedCredentials.p12("pw", Instant.now().plus(Duration.ofDays(365))), "pw");
    }

    public static Map<String, Object> fcm(byte[] json) {
        return body("kind", "FCM", "file", GeneratedCredentials.base64(json));
    }

    public static Map<String, Object> vapid(String publicKey, String privateKey) {
        return body("kind", "WEBPUSH_VAPID", "publicKey", publicKey, "privateKey", privateKey,
                "subject", "mailto:push@example.com");
    }

    /** {@code base} with {@code changes} (field, value, field, value, ...). */
    public static Map<String, Object> with(Map<String, Object> base, Object... changes) {
        Map<String, Object> body = new LinkedHashMap<>(base);
        body.putAll(body(changes));
        return body;
    }

    private static Map<String, Object> body(Object... fieldsAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            body.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return body;
    }
}
