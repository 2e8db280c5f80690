package io.linnet.tenancy.appkey;

import org.springframework.security.crypto.password.PasswordEncoder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Hashes app-key secrets with SHA-256. A secret is 256 random bits, so it cannot be guessed from a
 * fast hash the way a person's password could; a slow hash (bcrypt) would only cap how many access
 * tokens a node can issue (about 25 a second on two cores) without making a key any safer.
 * Registered under the id {@value #ID} of the server's delegating password encoder, so the token
 * endpoint checks secrets with it.
 */
public final class AppKeySecrets implements PasswordEncoder {

    public static final String ID = "sha256";

    /** The stored form of {@code secret}, with the encoder's id prefix. */
    public static String hash(String secret) {
        return "{" + ID + "}" + digest(secret);
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return digest(rawPassword.toString());
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return false;
        }
        return MessageDigest.isEqual(digest(rawPassword.toString()).getBytes(StandardCharsets.US_ASCII),
                encodedPassword.getBytes(StandardCharsets.US_ASCII));
    }

    private static String digest(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
