package io.linnet.tenancy.database;

import com.zaxxer.hikari.HikariDataSource;
import io.linnet.tenancy.AppId;
import io.linnet.tenancy.AppRef;
import io.linnet.tenancy.Ids;
import io.linnet.tenancy.TenantId;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * The platform's schema in an embedded PostgreSQL, for component tests of SQL code that need no Spring context:
 * one server per test JVM, migrated with {@code db/migrations} as the server migrates it. Connections come as the
 * server makes them: {@link #tenantDatabase()} as the application role, fenced by row-level security, and
 * {@link #platformDatabase()} as the platform role; {@link #owner()} is the schema owner (a superuser, which
 * row-level security does not apply to), for a test's own set-up and checks.
 *
 * <p>Tests that share the JVM share the database: each makes its own tenants and apps ({@link #newApp()}), and a
 * test of work that spans tenants clears the tables it reads first.
 */
public final class TestDatabase {

    private static final String APP_ROLE = "linnet_app";
    private static final String PLATFORM_ROLE = "linnet_platform";
    /** The roles' password; the embedded server trusts local logins, so it only has to be set. */
    private static final String ROLE_PASSWORD = "component-tests";
    private static TestDatabase shared;

    private final EmbeddedPostgres postgres;
    private final TenantDatabase tenantDatabase;
    private final PlatformDatabase platformDatabase;
    private final HikariDataSource ownerPool;
    private final JdbcClient owner;

    private TestDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
        // no user in the address: each pool logs in as its own role
        String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
        Flyway.configure()
                .dataSource(url, "postgres", "")
                .locations("filesystem:" + migrations())
                .placeholders(Map.of("app_role", APP_ROLE, "platform_role", PLATFORM_ROLE,
                        "app_password", ROLE_PASSWORD, "platform_password", ROLE_PASSWORD))
                .load()
                .migrate();
        HikariDataSource app = pool("test-app", url, APP_ROLE, 20);
        HikariDataSource platform = pool("test-platform", url, PLATFORM_ROLE, 10);
        this.tenantDatabase = new TenantDatabase(JdbcClient.create(app), new DataSourceTransactionManager(app));
        this.platformDatabase = new PlatformDatabase(JdbcClient.create(platform), new DataSourceTransactionManager(platform));
        this.ownerPool = pool("test-owner", url, "postgres", 10);
        this.owner = JdbcClient.create(ownerPool);
    }

    /** The test JVM's database, started and migrated on first use. */
    public static synchronized TestDatabase shared() {
        if (shared == null) {
            try {
                shared = new TestDatabase(EmbeddedPostgres.builder().setServerConfig("max_connections", "100").start());
            } catch (IOException e) {
                throw new UncheckedIOException("The embedded PostgreSQL did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    /** As the application connects: each unit of work bound to one tenant by row-level security. */
    public TenantDatabase tenantDatabase() {
        return tenantDatabase;
    }

    /** As the platform path connects: across tenants, for the work that spans them. */
    public PlatformDatabase platformDatabase() {
        return platformDatabase;
    }

    /** The schema owner, which row-level security does not fence: for set-up and checks. */
    public JdbcClient owner() {
        return owner;
    }

    /** A connection of the schema owner's that the caller closes: to hold locks across statements. */
    public Connection ownerConnection() {
        try {
            return ownerPool.getConnection();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new tenant with one app. */
    public AppRef newApp() {
        TenantId tenant = new TenantId(Ids.next());
        AppId app = new AppId(Ids.next());
        owner.sql("insert into tenants (id, name, status) values (?, ?, 'ACTIVE')")
                .params(tenant.value(), "tenant " + tenant).update();
        owner.sql("insert into apps (tenant_id, id, name) values (?, ?, 'app')")
                .params(tenant.value(), app.value()).update();
        return new AppRef(tenant, app);
    }

    /** A new app of an existing tenant. */
    public AppRef newApp(TenantId tenant) {
        AppId app = new AppId(Ids.next());
        owner.sql("insert into apps (tenant_id, id, name) values (?, ?, ?)")
                .params(tenant.value(), app.value(), "app " + app).update();
        return new AppRef(tenant, app);
    }

    private static HikariDataSource pool(String name, String url, String role, int size) {
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName(name);
        pool.setJdbcUrl(url);
        pool.setUsername(role);
        pool.setPassword(ROLE_PASSWORD);
        pool.setMaximumPoolSize(size);
        pool.setMinimumIdle(1);
        return pool;
    }

    /** {@code db/migrations} of the repository, found from the module the tests run in. */
    private static Path migrations() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path migrations = dir.resolve("db").resolve("migrations");
            if (Files.isDirectory(migrations)) {
                return migrations;
            }
        }
        throw new IllegalStateException("No db/migrations above " + Path.of("").toAbsolutePath());
    }

    private void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            // the JVM is going away
        }
    }
}
