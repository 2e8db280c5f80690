package io.linnet.push.credential;

import io.linnet.push.CredentialKind;
import io.linnet.push.CredentialUpload;
import io.linnet.tenancy.DomainException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

/**
 * Checks an APNs certificate: a .p12 file with the certificate and its private key, opened with the
 * JDK's own PKCS#12 support. The topic (the bundle id) is the UID of the certificate's subject, the
 * environment shows in its common name ("Apple Development IOS Push Services: ..." is the sandbox,
 * "Apple Production IOS Push Services: ..." production, "Apple Push Services: ..." both).
 */
final class ApnsCertificateFile {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    /** What the certificate's common name says it is for. */
    enum CertificateType {
        SANDBOX(ApnsEnvironment.SANDBOX),
        PRODUCTION(ApnsEnvironment.PRODUCTION),
        UNIVERSAL(ApnsEnvironment.BOTH),
        UNKNOWN(ApnsEnvironment.BOTH);

        final ApnsEnvironment environment;

        CertificateType(ApnsEnvironment environment) {
            this.environment = environment;
        }

        static CertificateType of(String commonName) {
            if (commonName.startsWith("Apple Development") || commonName.contains("Sandbox")) {
                return SANDBOX;
            }
            if (commonName.startsWith("Apple Production")) {
                return PRODUCTION;
            }
            return commonName.startsWith("Apple Push Services") ? UNIVERSAL : UNKNOWN;
        }
    }

    private ApnsCertificateFile() {
    }

    static CheckedCredential check(CredentialUpload.ApnsCertificate upload, Instant now) {
        byte[] p12 = upload.p12();
        if (p12 == null || p12.length == 0) {
            throw DomainException.invalid("file is required: the .p12 file with the certificate and its private key");
        }
        String password = upload.password() == null ? "" : upload.password();
        KeyStore store = open(p12, password);
        KeyStore.PrivateKeyEntry entry = keyEntry(store, password);
        X509Certificate certificate = (X509Certificate) entry.getCertificate();

        Instant notBefore = certificate.getNotBefore().toInstant();
        Instant notAfter = certificate.getNotAfter().toInstant();
        if (now.isBefore(notBefore)) {
            throw DomainException.invalid("This certificate is not valid until " + DAY.format(notBefore));
        }
        if (!now.isBefore(notAfter)) {
            throw DomainException.invalid("This certificate expired on " + DAY.format(notAfter)
                    + "; create a new one in the Apple developer portal");
        }
        if (!belongTogether(entry.getPrivateKey(), certificate)) {
            throw DomainException.invalid("The .p12 file's private key does not belong to its certificate");
        }

        Map<String, String> subject = attributes(certificate.getSubjectX500Principal());
        String topic = Optional.ofNullable(subject.get("UID")).filter(uid -> !uid.isBlank())
                .orElseThrow(() -> DomainException.invalid("The certificate's subject has no UID (the app's bundle id), "
                        + "so it is not an APNs certificate: " + certificate.getSubjectX500Principal().getName()));
        topic = ApnsKeyFile.topic(topic);
        CertificateType type = CertificateType.of(subject.getOrDefault("CN", ""));
        ApnsEnvironment environment = environment(type, upload.environment());

        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("topic", topic);
        metadata.put("environment", environment.wireName());
        metadata.put("certificateType", type.name().toLowerCase(java.util.Locale.ROOT));
        metadata.put("certificateSubject", certificate.getSubjectX500Principal().getName(X500Principal.RFC2253));
        metadata.put("certificateIssuer", attributes(certificate.getIssuerX500Principal())
                .getOrDefault("CN", certificate.getIssuerX500Principal().getName(X500Principal.RFC2253)));
        metadata.put("certificateSerial", certificate.getSerialNumber().toString(16));
        metadata.put("validFrom", notBefore.toString());
        if (subject.containsKey("OU")) {
            metadata.put("teamId", subject.get("OU"));
        }
        return new CheckedCredential(CredentialKind.APNS_CERTIFICATE,
                CheckedCredential.label(upload.label(), "APNs certificate " + topic),
                metadata,
                Map.of("pkcs12", Base64.getEncoder().encodeToString(p12), "password", password),
                notAfter);
    }

    private static KeyStore open(byte[] p12, String password) {
        String text = new String(p12, 0, Math.min(p12.length, 64), java.nio.charset.StandardCharsets.US_ASCII);
        if (text.contains("-----BEGIN")) {
            throw DomainException.invalid("The file is PEM text, not a .p12 file: export the certificate together "
                    + "with its private key as .p12 (Keychain Access: select both, File → Export Items)");
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(p12), password.toCharArray());
            return store;
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw DomainException.invalid("The .p12 password is wrong");
            }
            throw notPkcs12(p12);
        } catch (GeneralSecurityException e) {
            throw DomainException.invalid("The .p12 file could not be opened (" + e.getMessage()
                    + "); export it again from Keychain Access");
        } catch (RuntimeException e) {
            throw notPkcs12(p12);
        }
    }

    private static DomainException notPkcs12(byte[] file) {
        try {
            CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(file));
            return DomainException.invalid("The file is a certificate alone, without its private key: export the "
                    + "certificate together with its private key as .p12 (Keychain Access: select both, File → Export Items)");
        } catch (GeneralSecurityException | RuntimeException notACertificate) {
            return DomainException.invalid("The file is not a .p12 (PKCS#12) file: export the certificate with its "
                    + "private key from Keychain Access as .p12");
        }
    }

    private static KeyStore.PrivateKeyEntry keyEntry(KeyStore store, String password) {
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (!store.isKeyEntry(alias)) {
                    continue;
                }
                Key key = store.getKey(alias, password.toCharArray());
                Certificate[] chain = store.getCertificateChain(alias);
                if (key instanceof PrivateKey privateKey && chain != null && chain.length > 0
                        && chain[0] instanceof X509Certificate) {
                    return new KeyStore.PrivateKeyEntry(privateKey, chain);
                }
            }
        } catch (UnrecoverableKeyException e) {
            throw DomainException.invalid("The .p12 password is wrong");
        } catch (GeneralSecurityException e) {
            throw DomainException.invalid("The .p12 file's private key could not be read (" + e.getMessage() + ")");
        }
        throw DomainException.invalid("The .p12 file holds no private key with its certificate: export both "
                + "from Keychain Access (select the certificate and its key, File → Export Items)");
    }

    private static ApnsEnvironment environment(CertificateType type, String requested) {
        ApnsEnvironment asked = ApnsEnvironment.parse(requested, type.environment);
        if (!type.environment.covers(asked)) {
            throw DomainException.invalid("This is a " + type.name().toLowerCase(java.util.Locale.ROOT)
                    + " certificate: it cannot be used for environment " + asked.wireName());
        }
        return asked;
    }

    private static boolean belongTogether(PrivateKey key, X509Certificate certificate) {
        try {
            byte[] probe = {1, 2, 3};
            String algorithm = key instanceof ECPrivateKey ? "SHA256withECDSA" : "SHA256withRSA";
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** The attributes of a distinguished name by keyword (UID, CN, OU, ...); the first of each. */
    static Map<String, String> attributes(X500Principal name) {
        Map<String, String> attributes = new LinkedHashMap<>();
        try {
            for (Rdn rdn : new LdapName(name.getName(X500Principal.RFC2253,
                    Map.of("0.9.2342.19200300.100.1.1", "UID"))).getRdns()) {
                if (rdn.getValue() instanceof String value) {
                    attributes.putIfAbsent(rdn.getType().toUpperCase(java.util.Locale.ROOT), value);
                }
            }
        } catch (InvalidNameException e) {
            // an unreadable name has no attributes we can use
        }
        return attributes;
    }
}
