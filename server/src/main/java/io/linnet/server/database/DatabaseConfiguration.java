package io.linnet.server.database;

import com.zaxxer.hikari.HikariDataSource;
import io.linnet.server.LinnetSettings;
import io.linnet.server.embedded.DataDirectory;
import io.linnet.server.embedded.EmbeddedPostgresServer;
import io.linnet.tenancy.database.PlatformDatabase;
import io.linnet.tenancy.database.TenantDatabase;
import io.linnet.tenancy.secret.SecretCipher;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.Map;

/**
 * The three kinds of connection: the schema owner's (migrations only), the application role's
 * (everyday work, fenced by row-level security), and the platform role's (the explicit
 * cross-tenant path). The migrations create both runtime roles and set their password.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    DatabaseServer databaseServer(LinnetSettings settings, DataDirectory dataDirectory) {
        if (!settings.embeddedDatabase()) {
            if (settings.db().user().isBlank()) {
                throw new IllegalStateException("LINNET_DB_USER must name the schema owner when LINNET_DB_URL is set");
            }
            return new DatabaseServer(settings.db().url(), settings.db().user(), settings.db().password(), null);
        }
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dataDirectory.path().resolve("postgres"));
        return new DatabaseServer(postgres.jdbcUrl(), EmbeddedPostgresServer.SUPERUSER, postgres.password(), postgres);
    }

    @Bean
    @FlywayDataSource
    DataSource migrationDataSource(DatabaseServer server) {
        SimpleDriverDataSource dataSource = new SimpleDriverDataSource();
        dataSource.setDriverClass(org.postgresql.Driver.class);
        dataSource.setUrl(server.jdbcUrl());
        dataSource.setUsername(server.ownerUser());
        dataSource.setPassword(server.ownerPassword());
        return dataSource;
    }

    @Bean
    FlywayConfigurationCustomizer runtimeRoles(LinnetSettings settings, SecretCipher cipher) {
        String password = rolePassword(settings, cipher);
        return flyway -> flyway.placeholders(Map.of(
                "app_role", settings.db().appRole(),
                "platform_role", settings.db().platformRole(),
                "app_password", password,
                "platform_password", password));
    }

    @Bean
    @Primary
    DataSource dataSource(DatabaseServer server, LinnetSettings settings, SecretCipher cipher,
                          @Value("${linnet.db.connection-timeout:PT5S}") Duration connectionTimeout) {
        return pool("linnet-app", server, settings.db().appRole(), rolePassword(settings, cipher), settings.db().poolSize(),
                connectionTimeout);
    }

    @Bean
    DataSource platformDataSource(DatabaseServer server, LinnetSettings settings, SecretCipher cipher,
                                  @Value("${linnet.db.connection-timeout:PT5S}") Duration connectionTimeout) {
        return pool("linnet-platform", server, settings.db().platformRole(), rolePassword(settings, cipher), 5,
                connectionTimeout);
    }

    @Bean
    @Primary
    PlatformTransactionManager transactionManager(DataSource dataSource) {
        return new DataSourceTransactionManager(dataSource);
    }

    @Bean
    TenantDatabase tenantDatabase(DataSource dataSource, PlatformTransactionManager transactionManager) {
        return new TenantDatabase(JdbcClient.create(dataSource), transactionManager);
    }

    @Bean
    PlatformDatabase platformDatabase(@Qualifier("platformDataSource") DataSource platformDataSource) {
        return new PlatformDatabase(JdbcClient.create(platformDataSource), new DataSourceTransactionManager(platformDataSource));
    }

    /**
     * A pool of {@code size} connections. While the database is unreachable a request waits at most
     * {@code connectionTimeout} for a connection and then answers 503 {@code unavailable} (Hikari's
     * default, 30 s, would look like a hang); broken connections are replaced once it is back.
     */
    private static HikariDataSource pool(String name, DatabaseServer server, String user, String password, int size,
                                         Duration connectionTimeout) {
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName(name);
        pool.setJdbcUrl(server.jdbcUrl());
        pool.setUsername(user);
        pool.setPassword(password);
        pool.setMaximumPoolSize(size);
        pool.setMinimumIdle(Math.min(2, size));
        pool.setConnectionTimeout(connectionTimeout.toMillis());
        return pool;
    }

    /**
     * The runtime roles' password: configured, or derived from the master key, so that a deployment
     * has one secret less to keep. It is set on the roles at every start.
     */
    static String rolePassword(LinnetSettings settings, SecretCipher cipher) {
        if (!settings.db().rolePassword().isBlank()) {
            return settings.db().rolePassword();
        }
        return cipher.deriveSecret("linnet-database-roles");
    }
}
