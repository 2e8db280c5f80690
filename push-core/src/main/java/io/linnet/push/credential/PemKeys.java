package io.linnet.push.credential;

import io.linnet.tenancy.DomainException;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECParameterSpec;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the PEM PKCS#8 private keys that Apple (.p8) and Google (service accounts) hand out, and
 * says precisely what is wrong with one that is not: another PEM type, an encrypted key, the wrong
 * algorithm or curve, or damaged base64.
 */
final class PemKeys {

    private static final Pattern PKCS8 = Pattern.compile(
            "-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]*)-----END PRIVATE KEY-----");

    /** What a key must be. */
    enum Expected {
        EC_P256("EC", "EC P-256"),
        RSA("RSA", "RSA");

        final String algorithm;
        final String title;

        Expected(String algorithm, String title) {
            this.algorithm = algorithm;
            this.title = title;
        }
    }

    private PemKeys() {
    }

    /**
     * Reads a PEM PKCS#8 private key of the {@code expected} kind from {@code text}.
     *
     * @param what how the messages name the input, e.g. "The .p8 file" or "private_key"
     */
    static PrivateKey read(String text, Expected expected, String what) {
        String notIt = what + " is not a PEM PKCS#8 " + expected.title + " key";
        if (text == null || text.isBlank()) {
            throw DomainException.invalid(notIt + ": it is empty");
        }
        if (text.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----")) {
            throw DomainException.invalid(what + " is an encrypted key; export it without a passphrase");
        }
        if (text.contains("-----BEGIN EC PRIVATE KEY-----") || text.contains("-----BEGIN RSA PRIVATE KEY-----")) {
            throw DomainException.invalid(notIt + " but an older PEM form; convert it with "
                    + "`openssl pkcs8 -topk8 -nocrypt -in old.pem -out key.p8`");
        }
        Matcher pem = PKCS8.matcher(text);
        if (!pem.find()) {
            throw DomainException.invalid(notIt + " (it has no -----BEGIN PRIVATE KEY----- block)");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(pem.group(1).replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(notIt + ": its base64 is damaged");
        }
        PrivateKey key = parse(der, expected.algorithm);
        if (key == null) {
            Expected other = expected == Expected.EC_P256 ? Expected.RSA : Expected.EC_P256;
            if (parse(der, other.algorithm) != null) {
                throw DomainException.invalid(notIt + " but an " + other.algorithm + " key");
            }
            throw DomainException.invalid(notIt + ": its content is damaged");
        }
        if (expected == Expected.EC_P256 && !isP256(((ECPrivateKey) key).getParams())) {
            throw DomainException.invalid(notIt + " but an EC key on another curve (APNs takes P-256)");
        }
        if (!signs(key)) {
            throw DomainException.invalid(notIt + ": it cannot sign");
        }
        return key;
    }

    /** The PEM text of a PKCS#8 key, as it is stored and handed to the provider libraries. */
    static String pem(PrivateKey key) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    static boolean isP256(ECParameterSpec params) {
        ECParameterSpec p256 = VapidKeyPair.P256;
        return params.getCurve().equals(p256.getCurve()) && params.getGenerator().equals(p256.getGenerator())
                && params.getOrder().equals(p256.getOrder());
    }

    private static PrivateKey parse(byte[] der, String algorithm) {
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (InvalidKeySpecException | RuntimeException e) {
            return null;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }

    /** Whether the key makes a signature: catches keys that parse but are unusable (e.g. a zero scalar). */
    private static boolean signs(PrivateKey key) {
        try {
            Signature signature = Signature.getInstance(key instanceof ECPrivateKey ? "SHA256withECDSA" : "SHA256withRSA");
            signature.initSign(key);
            signature.update(new byte[]{1});
            signature.sign();
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }
}
