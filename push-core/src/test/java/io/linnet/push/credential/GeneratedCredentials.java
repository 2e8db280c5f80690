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
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/** Keys, certificates and key files made on the spot, as Apple and Google would hand them out. */
final class GeneratedCredentials {

    static final String TOPIC = "com.example.chat";
    static final String TEAM = "TEAM123456";
    /** One RSA key for every service account: generating one takes a noticeable moment. */
    private static final String SERVICE_ACCOUNT_KEY = pem(rsa());

    private GeneratedCredentials() {
    }

    static KeyPair ec(String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curve));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A .p8 file as Apple hands it out: a PEM PKCS#8 EC P-256 private key. */
    static byte[] p8() {
        return pem(ec("secp256r1")).getBytes(StandardCharsets.US_ASCII);
    }

    static String pem(KeyPair pair) {
        return PemKeys.pem(pair.getPrivate());
    }

    /** A certificate as Apple's push certificates are named: UID = topic, CN = type and topic, OU = team. */
    static X509Certificate certificate(KeyPair pair, String commonName, String uid, Instant notBefore, Instant notAfter) {
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
    static byte[] p12(KeyPair pair, X509Certificate certificate, String password) {
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
    static byte[] p12(String commonName, String password, Duration validFor) {
        KeyPair pair = rsa();
        Instant now = Instant.now();
        return p12(pair, certificate(pair, commonName, TOPIC, now.minus(Duration.ofDays(1)), now.plus(validFor)), password);
    }

    /** A service account's key file as the Firebase console downloads it, with {@code changes} applied (null removes). */
    static byte[] serviceAccount(Map<String, Object> changes) {
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
}
