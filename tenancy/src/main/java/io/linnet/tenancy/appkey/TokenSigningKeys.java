package io.linnet.tenancy.appkey;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.linnet.tenancy.database.PlatformDatabase;
import io.linnet.tenancy.secret.SecretCipher;
import org.springframework.stereotype.Service;

import java.text.ParseException;
import java.util.List;
import java.util.UUID;

/**
 * The keys that sign access tokens, shared by every node through the database (the private part
 * encrypted under the master key), so a token issued by one node is accepted by all. The first
 * node to need a key creates it.
 */
@Service
public class TokenSigningKeys implements JWKSource<SecurityContext> {

    private final PlatformDatabase platform;
    private final SecretCipher cipher;
    private volatile JWKSet keys;

    public TokenSigningKeys(PlatformDatabase platform, SecretCipher cipher) {
        this.platform = platform;
        this.cipher = cipher;
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        JWKSet current = keys();
        List<JWK> selected = selector.select(current);
        if (selected.isEmpty() && selector.getMatcher().getKeyIDs() != null) {
            // another node may have added a key since this one last looked
            keys = load();
            selected = selector.select(keys);
        }
        return selected;
    }

    private JWKSet keys() {
        JWKSet current = keys;
        if (current == null) {
            synchronized (this) {
                if (keys == null) {
                    keys = load();
                }
                current = keys;
            }
        }
        return current;
    }

    private JWKSet load() {
        return platform.inTransaction(() -> {
            platform.jdbc().sql("select pg_advisory_xact_lock(7420002)").query().singleValue();
            List<JWK> stored = platform.jdbc().sql("select jwk from signing_keys where retired_at is null order by created_at desc")
                    .query(String.class)
                    .list()
                    .stream()
                    .map(this::parse)
                    .toList();
            if (!stored.isEmpty()) {
                return new JWKSet(stored);
            }
            RSAKey created = generate();
            platform.jdbc().sql("insert into signing_keys (id, jwk) values (?, ?)")
                    .params(created.getKeyID(), cipher.encrypt(created.toJSONString()))
                    .update();
            return new JWKSet(created);
        });
    }

    private JWK parse(String sealed) {
        try {
            return JWK.parse(cipher.decrypt(sealed));
        } catch (ParseException e) {
            throw new IllegalStateException("A stored signing key is not a JWK", e);
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not generate a signing key", e);
        }
    }
}
