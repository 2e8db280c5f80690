package io.linnet.tenancy.secret;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Encrypts the secrets Linnet stores (push credentials, signing keys) with AES-256-GCM under the
 * master key. Each ciphertext names the id of the key that sealed it ({@code v1:<keyId>:<base64>}),
 * so the master key can be rotated: the new key seals, and retired keys still open what they sealed
 * until it is re-encrypted.
 */
public final class SecretCipher {

    private static final String PREFIX = "v1";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final String currentKeyId;
    private final Map<String, SecretKey> keys = new LinkedHashMap<>();

    /**
     * @param currentKey  the base64 256-bit key that seals new secrets
     * @param retiredKeys base64 keys that may still open older secrets
     */
    public SecretCipher(String currentKey, List<String> retiredKeys) {
        SecretKey current = decodeKey(currentKey);
        this.currentKeyId = keyId(current);
        keys.put(currentKeyId, current);
        for (String retired : retiredKeys) {
            SecretKey key = decodeKey(retired);
            keys.putIfAbsent(keyId(key), key);
        }
    }

    /** A fresh random master key, base64-encoded. */
    public static String generateKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    public String currentKeyId() {
        return currentKeyId;
    }

    public String encrypt(String plaintext) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(currentKeyId.getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return PREFIX + ":" + currentKeyId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    public String decrypt(String ciphertext) {
        String[] parts = ciphertext.split(":", 3);
        if (parts.length != 3 || !PREFIX.equals(parts[0])) {
            throw new IllegalArgumentException("Not a Linnet ciphertext");
        }
        SecretKey key = keys.get(parts[1]);
        if (key == null) {
            throw new IllegalStateException("The secret was sealed with master key " + parts[1]
                    + ", which is not configured (add it to LINNET_MASTER_KEY_RETIRED)");
        }
        byte[] in = Base64.getDecoder().decode(parts[2]);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(parts[1].getBytes(StandardCharsets.US_ASCII));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The secret could not be decrypted: it was altered or the key is wrong", e);
        }
    }

    /**
     * A secret derived from the master key for one {@code purpose} (HMAC-SHA256), for credentials
     * that need not be configured separately, such as the database roles' password.
     */
    public String deriveSecret(String purpose) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(keys.get(currentKeyId));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when the secret was sealed by a retired key and should be re-encrypted. */
    public boolean needsReencryption(String ciphertext) {
        return !ciphertext.startsWith(PREFIX + ":" + currentKeyId + ":");
    }

    private static SecretKey decodeKey(String base64) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The master key must be base64", e);
        }
        if (raw.length != 32) {
            throw new IllegalArgumentException("The master key must be 256 bits (32 bytes, base64-encoded); got "
                    + raw.length + " bytes");
        }
        return new SecretKeySpec(raw, "AES");
    }

    private static String keyId(SecretKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
