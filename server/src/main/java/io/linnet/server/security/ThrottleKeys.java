package io.linnet.server.security;

import io.linnet.tenancy.secret.SecretCipher;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * Names the Redis counters of the throttles without what they count: whatever a caller sent as a
 * user name or key id (an e-mail address, or a secret pasted into the wrong field) is keyed by an
 * HMAC under a key derived from the master key, the same on every node. A plain hash would let
 * anyone who can list Redis keys test guesses of e-mail addresses against them.
 */
@Component
class ThrottleKeys {

    private final SecretKeySpec key;

    ThrottleKeys(SecretCipher cipher) {
        this.key = new SecretKeySpec(cipher.deriveSecret("linnet-throttle-keys").getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** {@code prefix} followed by the HMAC of the parts, each part delimited so that no two lists collide. */
    String of(String prefix, String... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            for (String part : parts) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                mac.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
                mac.update((byte) ':');
                mac.update(bytes);
            }
            return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
