package io.linnet.server.embedded;

import io.linnet.server.LinnetApplication;
import io.linnet.server.support.Api;
import io.linnet.server.support.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Embedded mode keeps everything in the data directory: a restarted server has all its data. */
class EmbeddedRestartIT {

    @TempDir
    Path dataDir;

    /**
     * Vaadin installs its security-context strategy in a JVM-wide static; the shared server of the
     * other tests in this JVM must get its own back once these extra servers are gone.
     */
    private final SecurityContextHolderStrategy sharedServersStrategy = SecurityContextHolder.getContextHolderStrategy();

    @AfterEach
    void giveTheSharedServerItsSecurityContextBack() {
        SecurityContextHolder.setContextHolderStrategy(sharedServersStrategy);
    }

    @Test
    void tenants_apps_keys_and_the_operator_survive_a_restart_of_the_server() {
        String keyId;
        String secret;
        try (ConfigurableApplicationContext first = start()) {
            Api api = api(first);
            Api.Client operator = api.basic("root@restart.test", "restart-operator-password");
            assertThat(operator.post("/ops/v1/tenants", Map.of("name", "Durable",
                    "owner", Map.of("email", "owner@durable.test", "password", Fixtures.PASSWORD))).status()).isEqualTo(201);
            Api.Client owner = api.basic("owner@durable.test", Fixtures.PASSWORD);
            String appId = owner.post("/manage/v1/apps", Map.of("name", "durable")).json().get("id").asString();
            Api.Response key = owner.post("/manage/v1/apps/" + appId + "/keys", Map.of());
            keyId = key.json().get("id").asString();
            secret = key.json().get("secret").asString();
            assertThat(api.bearer(api.accessToken(keyId, secret)).get("/v1/app").status()).isEqualTo(200);
        }
        assertThat(Files.exists(dataDir.resolve("postgres"))).isTrue();
        assertThat(Files.exists(dataDir.resolve("master.key"))).isTrue();

        try (ConfigurableApplicationContext second = start()) {
            Api api = api(second);
            Api.Response tenants = api.basic("root@restart.test", "restart-operator-password").get("/ops/v1/tenants");
            assertThat(tenants.status()).isEqualTo(200);
            assertThat(tenants.json().get("items").get(0).get("name").asString()).isEqualTo("Durable");
            assertThat(api.bearer(api.accessToken(keyId, secret)).get("/v1/app").json().get("name").asString())
                    .as("the key, its secret and the signing keys all survived").isEqualTo("durable");
        }
    }

    @Test
    void what_was_committed_survives_a_crash_of_the_embedded_database() throws Exception {
        try (ConfigurableApplicationContext first = start()) {
            Api api = api(first);
            assertThat(api.basic("root@restart.test", "restart-operator-password").post("/ops/v1/tenants",
                    Map.of("name", "Crash Proof", "owner", Map.of("email", "owner@crash.test", "password", Fixtures.PASSWORD)))
                    .status()).isEqualTo(201);
            long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid")).getFirst().trim());
            ProcessHandle process = ProcessHandle.of(postmaster).orElseThrow();
            process.destroyForcibly();
            process.onExit().get();
        } catch (RuntimeException shutdownWithoutItsDatabase) {
            // closing a server whose database was killed under it may complain; the point is what comes back
        }

        try (ConfigurableApplicationContext second = start()) {
            Api.Response tenants = api(second).basic("root@restart.test", "restart-operator-password").get("/ops/v1/tenants");
            assertThat(tenants.json().get("items").valueStream().map(t -> t.get("name").asString()).toList())
                    .containsExactly("Crash Proof");
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(LinnetApplication.class).run(
                "--server.port=0",
                "--linnet.gateway.port=0",
                "--linnet.data-dir=" + dataDir,
                "--linnet.operator.email=root@restart.test",
                "--linnet.operator.password=restart-operator-password");
    }

    private static Api api(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new Api("http://localhost:" + port);
    }
}
