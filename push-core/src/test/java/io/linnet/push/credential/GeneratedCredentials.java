package io.linnet.push.credential;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * Keys, certificates and key files made on the spot, as Apple, Google and the Web Push libraries hand them out:
 * .p8 keys, .p12 certificates, service-account JSON and raw VAPID keys. Nothing secret is checked in. Published in
 * push-core's test jar, for the server's tests of the credential API and the console.
 */
public final class GeneratedCredentials {

    public static final String TOPIC = "com.example.chat";
    public static final String TEAM = "TEAM123456";
    /** One RSA key for every service account: generating one takes a noticeable moment. */
    private static final String SERVICE_ACCOUNT_KEY = pem(rsa());

    private GeneratedCredentials() {
    }

    public static KeyPair ec(String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curve));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A .p8 file as Apple hands it out: a PEM PKCS#8 EC P-256 private key. */
    public static byte[] p8() {
        return pem(ec("secp256r1")).getBytes(StandardCharsets.US_ASCII);
    }

    public static String pem(KeyPair pair) {
        return PemKeys.pem(pair.getPrivate());
    }

    public static String pem(PrivateKey key) {
        return PemKeys.pem(key);
    }

    /** A certificate as Apple's push certificates are named: UID = topic, CN = type and topic, OU = team. */
    public static X509Certificate certificate(KeyPair pair, String commonName, String uid, Instant notBefore, Instant notAfter) {
        X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE);
        if (uid != null) {
            name.addRDN(BCStyle.UID, uid);
        }
        name.addRDN(BCStyle.CN, commonName).addRDN(BCStyle.OU, TEAM).addRDN(BCStyle.O, "Example Ltd").addRDN(BCStyle.C, "US");
        X500Name subject = name.build();
        try {
            var builder = new JcaX509v3CertificateBuilder(subject, BigInteger.valueOf(System.nanoTime()),
                    Date.from(notBefore), Date.from(notAfter), subject, pair.getPublic());
            var signer = new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate());
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A .p12 file with the key and its certificate, as Keychain Access exports it. */
    public static byte[] p12(KeyPair pair, X509Certificate certificate, String password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("apns", pair.getPrivate(), password.toCharArray(), new X509Certificate[]{certificate});
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, password.toCharArray());
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A universal APNs certificate for {@link #TOPIC}, valid from yesterday for {@code validFor}. */
    public static byte[] p12(String commonName, String password, Duration validFor) {
        KeyPair pair = rsa();
        Instant now = Instant.now();
        return p12(pair, certificate(pair, commonName, TOPIC, now.minus(Duration.ofDays(1)), now.plus(validFor)), password);
    }

    /** A universal APNs certificate for {@link #TOPIC} with its key, valid from yesterday to {@code notAfter}. */
    public static byte[] p12(String password, Instant notAfter) {
        return p12("Apple Push Services: " + TOPIC, password, Instant.now().minus(Duration.ofDays(1)), notAfter);
    }

    /** An APNs certificate for {@link #TOPIC} named {@code commonName}, valid from {@code notBefore} to {@code notAfter}. */
    public static byte[] p12(String commonName, String password, Instant notBefore, Instant notAfter) {
        KeyPair pair = rsa();
        return p12(pair, certificate(pair, commonName, TOPIC, notBefore, notAfter), password);
    }

    /** A service account's key file as the Firebase console downloads it, with {@code changes} applied (null removes). */
    public static byte[] serviceAccount(Map<String, Object> changes) {
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("type", "service_account");
        account.put("project_id", "linnet-test-1234");
        account.put("private_key_id", "0123456789abcdef0123456789abcdef01234567");
        account.put("private_key", SERVICE_ACCOUNT_KEY);
        account.put("client_email", "firebase-adminsdk-abc12@linnet-test-1234.iam.gserviceaccount.com");
        account.put("client_id", "123456789012345678901");
        account.put("auth_uri", "https://accounts.google.com/o/oauth2/auth");
        account.put("token_uri", "https://oauth2.googleapis.com/token");
        changes.forEach((field, value) -> {
            if (value == null) {
                account.remove(field);
            } else {
                account.put(field, value);
            }
        });
        return JsonMapper.builder().build().writeValueAsString(account).getBytes(StandardCharsets.UTF_8);
    }

    /** A VAPID key pair in raw base64url, as the Web Push libraries print it: {@code [publicKey, privateKey]}. */
    public static String[] vapid() {
        KeyPair pair = ec("secp256r1");
        byte[] point = new byte[65];
        point[0] = 4;
        unsigned(((ECPublicKey) pair.getPublic()).getW().getAffineX(), point, 1);
        unsigned(((ECPublicKey) pair.getPublic()).getW().getAffineY(), point, 33);
        byte[] scalar = new byte[32];
        unsigned(((ECPrivateKey) pair.getPrivate()).getS(), scalar, 0);
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        return new String[]{url.encodeToString(point), url.encodeToString(scalar)};
    }

    /** A file as the credential API takes it: base64. */
    public static String base64(byte[] file) {
        return Base64.getEncoder().encodeToString(file);
    }

    /**
     * A piece of a PEM key file's secret as it might leak into an answer or a page: base64 of the private scalar
     * (bytes 36 to 66 of a P-256 PKCS#8 key), past the header every such key shares.
     */
    public static String secretFragment(byte[] pemFile) {
        String text = new String(pemFile, StandardCharsets.US_ASCII);
        String base64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return base64.substring(48, 88);
    }

    private static void unsigned(BigInteger value, byte[] out, int offset) {
        byte[] bytes = value.toByteArray();
        int start = Math.max(0, bytes.length - 32);
        System.arraycopy(bytes, start, out, offset + 32 - (bytes.length - start), bytes.length - start);
    }
}
