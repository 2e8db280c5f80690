package io.linnet.server.push;

import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
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

/**
 * Push credential files made on the spot, as Apple, Google and Web Push libraries hand them out:
 * .p8 keys, .p12 certificates, service-account JSON and raw VAPID keys.
 */
public final class CredentialFiles {

    public static final String TOPIC = "com.example.chat";
    private static final KeyPair SERVICE_ACCOUNT_KEY = rsa();

    private CredentialFiles() {
    }

    /** A .p8 file: a PEM PKCS#8 EC P-256 private key. */
    public static byte[] p8() {
        return pem(ec("secp256r1").getPrivate()).getBytes(StandardCharsets.US_ASCII);
    }

    public static String pem(PrivateKey key) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(key.getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    /** A universal APNs certificate for {@link #TOPIC} with its key, valid from yesterday to {@code notAfter}. */
    public static byte[] p12(String password, Instant notAfter) {
        return p12("Apple Push Services: " + TOPIC, password, Instant.now().minus(Duration.ofDays(1)), notAfter);
    }

    public static byte[] p12(String commonName, String password, Instant notBefore, Instant notAfter) {
        KeyPair pair = rsa();
        try {
            var subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.UID, TOPIC).addRDN(BCStyle.CN, commonName)
                    .addRDN(BCStyle.OU, "TEAM123456").addRDN(BCStyle.C, "US").build();
            var builder = new JcaX509v3CertificateBuilder(subject, BigInteger.valueOf(System.nanoTime()),
                    Date.from(notBefore), Date.from(notAfter), subject, pair.getPublic());
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
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

    /** A service account's key file, with {@code changes} applied. */
    public static byte[] serviceAccount(Map<String, Object> changes) {
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("type", "service_account");
        account.put("project_id", "linnet-it-1234");
        account.put("private_key_id", "abcdef0123456789abcdef0123456789abcdef01");
        account.put("private_key", pem(SERVICE_ACCOUNT_KEY.getPrivate()));
        account.put("client_email", "firebase-adminsdk-x1@linnet-it-1234.iam.gserviceaccount.com");
        account.put("client_id", "100000000000000000001");
        account.put("token_uri", "https://oauth2.googleapis.com/token");
        account.putAll(changes);
        return JsonMapper.builder().build().writeValueAsString(account).getBytes(StandardCharsets.UTF_8);
    }

    /** A VAPID key pair in raw base64url: {@code [publicKey, privateKey]}. */
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

    public static String base64(byte[] file) {
        return Base64.getEncoder().encodeToString(file);
    }

    /**
     * A piece of a PEM key file's secret as it might leak into an answer: base64 of the private
     * scalar (bytes 36 to 66 of a P-256 PKCS#8 key), past the header every such key shares.
     */
    public static String secretFragment(byte[] pemFile) {
        String text = new String(pemFile, StandardCharsets.US_ASCII);
        String base64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return base64.substring(48, 88);
    }

    static KeyPair ec(String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curve));
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void unsigned(BigInteger value, byte[] out, int offset) {
        byte[] bytes = value.toByteArray();
        int start = Math.max(0, bytes.length - 32);
        System.arraycopy(bytes, start, out, offset + 32 - (bytes.length - start), bytes.length - start);
    }
}
