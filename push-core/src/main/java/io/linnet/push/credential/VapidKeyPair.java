package io.linnet.push.credential;

import io.linnet.push.CredentialKind;
import io.linnet.push.CredentialUpload;
import io.linnet.push.webpush.WebPushConnector;
import io.linnet.tenancy.DomainException;

import java.math.BigInteger;
import java.net.URI;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Web Push VAPID keys (RFC 8292): a P-256 key pair in the raw base64url form browsers and libraries
 * use (the public key is the 65-byte uncompressed point a web app passes as
 * {@code applicationServerKey}; the private key is the 32-byte scalar), and the subject push services
 * may contact. Generated here, or uploaded and checked to be one pair.
 */
record VapidKeyPair(String publicKey, String privateKey) {

    static final ECParameterSpec P256 = p256();
    private static final Pattern MAILTO = Pattern.compile("mailto:[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    static VapidKeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            return new VapidKeyPair(BASE64URL.encodeToString(raw((ECPublicKey) pair.getPublic())),
                    BASE64URL.encodeToString(raw((ECPrivateKey) pair.getPrivate())));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("P-256 keys cannot be generated here", e);
        }
    }

    /** Checks an uploaded pair and its subject. */
    static CheckedCredential check(CredentialUpload.VapidKeys upload) {
        String subject = subject(upload.subject());
        byte[] publicBytes = decode(upload.publicKey(), "publicKey");
        byte[] privateBytes = decode(upload.privateKey(), "privateKey");
        if (publicBytes.length != 65 || publicBytes[0] != 0x04) {
            throw DomainException.invalid("publicKey must be an uncompressed P-256 point in base64url "
                    + "(65 bytes starting with 0x04); got " + publicBytes.length + " bytes");
        }
        if (privateBytes.length != 32) {
            throw DomainException.invalid("privateKey must be a P-256 private key in base64url (32 bytes); got "
                    + privateBytes.length + " bytes");
        }
        ECPoint point = new ECPoint(new BigInteger(1, Arrays.copyOfRange(publicBytes, 1, 33)),
                new BigInteger(1, Arrays.copyOfRange(publicBytes, 33, 65)));
        if (!onP256(point)) {
            throw DomainException.invalid("publicKey is not a point on the P-256 curve");
        }
        BigInteger scalar = new BigInteger(1, privateBytes);
        if (scalar.signum() == 0 || scalar.compareTo(P256.getOrder()) >= 0) {
            throw DomainException.invalid("privateKey is not a valid P-256 private key");
        }
        if (!WebPushConnector.keysMatch(publicKey(point), privateKey(scalar))) {
            throw DomainException.invalid("publicKey and privateKey are not one key pair");
        }
        String publicKey = BASE64URL.encodeToString(publicBytes);
        return new CheckedCredential(CredentialKind.WEBPUSH_VAPID,
                CheckedCredential.label(upload.label(), "VAPID keys"),
                Map.of("publicKey", publicKey, "subject", subject),
                Map.of("privateKey", BASE64URL.encodeToString(privateBytes)),
                null);
    }

    /** A subject push services accept: {@code mailto:} with an address, or an {@code https:} URL. */
    static String subject(String raw) {
        String subject = raw == null ? "" : raw.strip();
        String rule = "subject must be a mailto: address or an https: URL where push services can reach you "
                + "(e.g. mailto:push@example.com)";
        if (subject.isEmpty()) {
            throw DomainException.invalid(rule);
        }
        if (subject.length() > 200) {
            throw DomainException.invalid("subject must be at most 200 characters");
        }
        if (subject.startsWith("mailto:")) {
            if (!MAILTO.matcher(subject).matches()) {
                throw DomainException.invalid(rule + "; " + CheckedCredential.quoted(subject) + " has no valid address");
            }
            return subject;
        }
        if (subject.startsWith("https://")) {
            try {
                URI uri = new URI(subject);
                if (uri.getHost() != null && !uri.getHost().isBlank()) {
                    return subject;
                }
            } catch (java.net.URISyntaxException e) {
                // reported below
            }
            throw DomainException.invalid(rule + "; " + CheckedCredential.quoted(subject) + " is not a valid URL");
        }
        throw DomainException.invalid(rule);
    }

    private static byte[] decode(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            throw DomainException.invalid(field + " is required (base64url)");
        }
        try {
            // the usual form is base64url without padding; standard base64 with padding is accepted too
            return Base64.getUrlDecoder().decode(raw.strip().replace('+', '-').replace('/', '_').replace("=", ""));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(field + " is not base64url");
        }
    }

    private static boolean onP256(ECPoint point) {
        BigInteger p = ((ECFieldFp) P256.getCurve().getField()).getP();
        BigInteger x = point.getAffineX();
        BigInteger y = point.getAffineY();
        if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
            return false;
        }
        BigInteger left = y.modPow(BigInteger.TWO, p);
        BigInteger right = x.pow(3).add(P256.getCurve().getA().multiply(x)).add(P256.getCurve().getB()).mod(p);
        return left.equals(right);
    }

    private static PrivateKey privateKey(BigInteger scalar) {
        try {
            return KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(scalar, P256));
        } catch (GeneralSecurityException e) {
            throw DomainException.invalid("privateKey is not a valid P-256 private key");
        }
    }

    private static PublicKey publicKey(ECPoint point) {
        try {
            return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, P256));
        } catch (GeneralSecurityException e) {
            throw DomainException.invalid("publicKey is not a point on the P-256 curve");
        }
    }

    private static byte[] raw(ECPublicKey key) {
        byte[] out = new byte[65];
        out[0] = 0x04;
        copyUnsigned(key.getW().getAffineX(), out, 1);
        copyUnsigned(key.getW().getAffineY(), out, 33);
        return out;
    }

    private static byte[] raw(ECPrivateKey key) {
        byte[] out = new byte[32];
        copyUnsigned(key.getS(), out, 0);
        return out;
    }

    /** Writes {@code value} as 32 big-endian bytes at {@code offset}, dropping a sign byte, padding short ones. */
    private static void copyUnsigned(BigInteger value, byte[] out, int offset) {
        byte[] bytes = value.toByteArray();
        int start = bytes.length > 32 ? bytes.length - 32 : 0;
        int length = bytes.length - start;
        System.arraycopy(bytes, start, out, offset + 32 - length, length);
    }

    private static ECParameterSpec p256() {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("P-256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "VapidKeyPair[publicKey=" + publicKey + "]";
    }
}
