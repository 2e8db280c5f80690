package io.linnet.server.support;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Builds the tenants, apps and keys a test needs, through the real APIs. */
public final class Fixtures {

    public static final String PASSWORD = "a-long-enough-password";

    /** How often each tenant name was asked for in this test JVM, which shares one database. */
    private static final Map<String, AtomicInteger> TENANT_NAMES = new ConcurrentHashMap<>();

    private final ServerIT test;

    Fixtures(ServerIT test) {
        this.test = test;
    }

    /** A tenant and its owner, who signs in with {@link #PASSWORD}. */
    public record TenantOwner(String tenantId, String email, Api.Client client) {
    }

    public record AppKey(String appId, String keyId, String secret) {
    }

    /**
     * A tenant and its owner, who signs in with {@link #PASSWORD}. Tenant names are unique on the platform,
     * and a test class that builds its tenant before each test asks for the same name again: the first
     * tenant gets {@code name} itself (which a test may look for), each later one a suffix (" (2)", ...).
     */
    public TenantOwner tenant(String name) {
        String email = "owner-" + UUID.randomUUID() + "@" + name.toLowerCase().replaceAll("[^a-z0-9]", "") + ".test";
        int asked = TENANT_NAMES.computeIfAbsent(name.strip().toLowerCase(Locale.ROOT), n -> new AtomicInteger()).incrementAndGet();
        String unique = asked == 1 ? name : name + " (" + asked + ")";
        Api.Response created = test.operator().post("/ops/v1/tenants",
                Map.of("name", unique, "owner", Map.of("email", email, "password", PASSWORD)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new TenantOwner(created.json().get("tenant").get("id").asString(), email,
                test.api().basic(email, PASSWORD));
    }

    public String app(TenantOwner owner, String name) {
        Api.Response app = owner.client().post("/manage/v1/apps", Map.of("name", name));
        assertThat(app.status()).as(app.toString()).isEqualTo(201);
        return app.json().get("id").asString();
    }

    public AppKey key(TenantOwner owner, String appId) {
        Api.Response key = owner.client().post("/manage/v1/apps/" + appId + "/keys", Map.of("name", "backend"));
        assertThat(key.status()).as(key.toString()).isEqualTo(201);
        return new AppKey(appId, key.json().get("id").asString(), key.json().get("secret").asString());
    }

    /** Adds a member with {@code role} who has accepted the invitation and set {@link #PASSWORD}. */
    public Api.Client member(TenantOwner owner, String role) {
        String email = role.toLowerCase() + "-" + UUID.randomUUID() + "@members.test";
        Api.Response invited = owner.client().post("/manage/v1/members", Map.of("email", email, "role", role));
        assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
        String url = invited.json().get("invitationUrl").asString();
        String token = url.substring(url.lastIndexOf('/') + 1);
        Api.Response accepted = test.api().anonymous().post("/invitations/" + token, Map.of("password", PASSWORD));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        return test.api().basic(email, PASSWORD);
    }

    public static List<String> ids(Api.Response list) {
        return list.json().get("items").valueStream().map(item -> item.get("id").asString()).toList();
    }
}
