package io.linnet.push.credential;

import io.linnet.push.CredentialKind;
import io.linnet.push.CredentialUpload;
import io.linnet.tenancy.DomainException;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks an APNs auth key: the .p8 file (a PEM PKCS#8 EC P-256 private key) and the ids that go
 * with it. APNs token authentication signs short-lived JWTs with the key, naming the key id and the
 * team id; the topic is the app's bundle id.
 */
final class ApnsKeyFile {

    private static final Pattern APPLE_ID = Pattern.compile("[A-Z0-9]{10}");
    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]{0,254}");

    private ApnsKeyFile() {
    }

    static CheckedCredential check(CredentialUpload.ApnsToken upload) {
        String keyId = appleId(upload.keyId(), "keyId", "the key id Apple shows next to the key");
        String teamId = appleId(upload.teamId(), "teamId", "your Apple developer team id");
        String topic = topic(upload.topic());
        ApnsEnvironment environment = ApnsEnvironment.parse(upload.environment(), ApnsEnvironment.BOTH);
        if (upload.p8() == null || upload.p8().length == 0) {
            throw DomainException.invalid("file is required: the .p8 key Apple let you download (AuthKey_"
                    + keyId + ".p8)");
        }
        PrivateKey key = PemKeys.read(new String(upload.p8(), StandardCharsets.UTF_8), PemKeys.Expected.EC_P256,
                "The .p8 file");
        return new CheckedCredential(CredentialKind.APNS_TOKEN,
                CheckedCredential.label(upload.label(), "APNs key " + keyId),
                Map.of("keyId", keyId, "teamId", teamId, "topic", topic, "environment", environment.wireName()),
                Map.of("privateKey", PemKeys.pem(key)),
                null);
    }

    static String topic(String raw) {
        String topic = raw == null ? "" : raw.strip();
        if (topic.isEmpty()) {
            throw DomainException.invalid("topic is required: the app's bundle id, e.g. com.example.chat");
        }
        if (!TOPIC.matcher(topic).matches()) {
            throw DomainException.invalid("topic must be the app's bundle id (letters, digits, '.' and '-'), "
                    + "e.g. com.example.chat; got " + CheckedCredential.quoted(topic));
        }
        return topic;
    }

    private static String appleId(String raw, String field, String what) {
        String id = raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
        if (id.isEmpty()) {
            throw DomainException.invalid(field + " is required: " + what + " (10 letters and digits)");
        }
        if (!APPLE_ID.matcher(id).matches()) {
            throw DomainException.invalid(field + " must be " + what + ": 10 letters and digits, e.g. ABC123DEFG; got "
                    + CheckedCredential.quoted(raw));
        }
        return id;
    }
}
