package io.linnet.server;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The server's settings, bound to {@code linnet.*}; each has an environment-variable twin
 * ({@code LINNET_DATA_DIR}, {@code LINNET_DB_URL}, ...). With no database or Redis URL the server
 * runs in embedded mode.
 *
 * @param dataDir    where embedded mode keeps PostgreSQL and Redis data and the generated master key
 * @param publicUrl  the address people and API clients reach the server at: the base of invitation
 *                   links and the issuer ({@code iss}) of access tokens; when blank,
 *                   {@code http://localhost:<port>}. Never taken from a request's {@code Host} header.
 *                   An {@code https} address also marks the session cookie {@code Secure}.
 * @param masterKey  base64 256-bit key that encrypts stored secrets (generated in embedded mode)
 * @param masterKeyRetired earlier master keys that may still open older secrets
 * @param tokenEndpoint how failed token requests are throttled
 */
@ConfigurationProperties("linnet")
public record LinnetSettings(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue Db db,
        @DefaultValue("") String redisUrl,
        @DefaultValue Operator operator,
        @DefaultValue("") String masterKey,
        @DefaultValue List<String> masterKeyRetired,
        @DefaultValue("") String publicUrl,
        @DefaultValue Sso sso,
        @DefaultValue TokenEndpoint tokenEndpoint) {

    /**
     * Throttling of {@code /oauth2/token}: after {@code maxFailuresPerKey} failed client
     * authentications for one key id from one address, or {@code maxFailuresPerAddress} from one
     * address for any key ids, within {@code window}, that key id (or address) is answered 429 until
     * the window ends. Successful requests are never counted.
     */
    public record TokenEndpoint(@DefaultValue("10") int maxFailuresPerKey, @DefaultValue("50") int maxFailuresPerAddress,
                                @DefaultValue("PT15M") Duration window) {
    }

    /**
     * An external PostgreSQL. {@code user} owns the schema and runs the migrations; the server's own
     * connections use the two roles the migrations create, which own no table.
     */
    public record Db(@DefaultValue("") String url, @DefaultValue("") String user, @DefaultValue("") String password,
                     @DefaultValue("linnet_app") String appRole, @DefaultValue("linnet_platform") String platformRole,
                     @DefaultValue("") String rolePassword,
                     @DefaultValue("20") int poolSize) {
    }

    public record Operator(@DefaultValue("admin@localhost") String email, @DefaultValue("") String password) {

        public Optional<String> configuredPassword() {
            return password.isBlank() ? Optional.empty() : Optional.of(password);
        }
    }

    /**
     * Single sign-on to the console through an OpenID Connect provider (Keycloak, Okta, Entra ID,
     * Google...). Off while {@code issuerUri} is blank. A person signs in when the provider vouches
     * for an e-mail address that belongs to an active console account.
     */
    public record Sso(@DefaultValue("") String issuerUri, @DefaultValue("") String clientId,
                      @DefaultValue("") String clientSecret, @DefaultValue("single sign-on") String label) {

        public boolean enabled() {
            return !issuerUri.isBlank();
        }
    }

    public boolean embeddedDatabase() {
        return db.url().isBlank();
    }

    public boolean embeddedRedis() {
        return redisUrl.isBlank();
    }

    /** True when people reach the server over https, so its cookies may travel over https only. */
    public boolean publicUrlIsHttps() {
        return publicUrl.regionMatches(true, 0, "https://", 0, 8);
    }
}
