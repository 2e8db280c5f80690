package io.linnet.push.webpush;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;

/**
 * Message encryption for Web Push (RFC 8291) in the aes128gcm content coding (RFC 8188): an ephemeral P-256 key
 * agreed with the subscription's key, mixed with its auth secret, gives the key and nonce of one AES-128-GCM record.
 */
final class Aes128Gcm {

    /** The record size written in the header; a Web Push message is one record. */
    static final int RECORD_SIZE = 4096;

    /** Push services need accept no more than 4096 bytes of body: less the 86-byte header, the 16-byte tag and the
     * 1-byte delimiter, that leaves this much plaintext (RFC 8291 section 4). */
    static final int MAX_PLAINTEXT = 3993;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] KEY_INFO = "WebPush: info\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CEK_INFO = "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NONCE_INFO = "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII);

    private Aes128Gcm() {
    }

    /** The request body for {@code plaintext} to the subscription with key {@code receiverKey} and {@code authSecret}. */
    static byte[] encrypt(byte[] plaintext, ECPublicKey receiverKey, byte[] authSecret) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(P256.CURVE, RANDOM);
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return encrypt(plaintext, receiverKey, authSecret, generator.generateKeyPair(), salt);
    }

    /** As above with a given ephemeral key pair and salt, which only a test vector should choose. */
    static byte[] encrypt(byte[] plaintext, ECPublicKey receiverKey, byte[] authSecret, KeyPair ephemeral, byte[] salt)
            throws GeneralSecurityException {
        if (plaintext.length > MAX_PLAINTEXT) {
            throw new IllegalArgumentException("At most " + MAX_PLAINTEXT + " bytes fit in a Web Push message");
        }
        byte[] receiverPoint = P256.encode(receiverKey);
        byte[] senderPoint = P256.encode((ECPublicKey) ephemeral.getPublic());

        KeyAgreement ecdh = KeyAgreement.getInstance("ECDH");
        ecdh.init(ephemeral.getPrivate());
        ecdh.doPhase(receiverKey, true);
        byte[] sharedSecret = ecdh.generateSecret();

        // RFC 8291 section 3.4: IKM = HKDF(auth_secret, ecdh_secret, "WebPush: info" || 0x00 || ua_public || as_public, 32)
        byte[] prkKey = hmac(authSecret, sharedSecret);
        byte[] ikm = hmac(prkKey, concat(KEY_INFO, receiverPoint, senderPoint, new byte[]{1}));
        // RFC 8188 section 2.2 and 2.3: CEK and NONCE from HKDF(salt, IKM)
        byte[] prk = hmac(salt, ikm);
        byte[] contentKey = Arrays.copyOf(hmac(prk, concat(CEK_INFO, new byte[]{1})), 16);
        byte[] nonce = Arrays.copyOf(hmac(prk, concat(NONCE_INFO, new byte[]{1})), 12);

        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(contentKey, "AES"), new GCMParameterSpec(128, nonce));
        // the last (and only) record ends with the delimiter 0x02 and no further padding
        byte[] ciphertext = aes.doFinal(concat(plaintext, new byte[]{2}));

        return ByteBuffer.allocate(16 + 4 + 1 + senderPoint.length + ciphertext.length)
                .put(salt)
                .putInt(RECORD_SIZE)
                .put((byte) senderPoint.length)
                .put(senderPoint)
                .put(ciphertext)
                .array();
    }

    private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        ByteBuffer joined = ByteBuffer.allocate(length);
        for (byte[] part : parts) {
            joined.put(part);
        }
        return joined.array();
    }
}
