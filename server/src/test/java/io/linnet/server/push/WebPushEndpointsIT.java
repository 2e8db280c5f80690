package io.linnet.server.push;

import io.linnet.messaging.UserId;
import io.linnet.messaging.UserManagement;
import io.linnet.push.DeviceRegistration;
import io.linnet.push.Devices;
import io.linnet.push.webpush.FakePushService;
import io.linnet.server.support.Api;
import io.linnet.server.support.ServerIT;
import io.linnet.tenancy.AppId;
import io.linnet.tenancy.AppRef;
import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.ErrorCode;
import io.linnet.tenancy.TenantId;
import io.linnet.tenancy.app.AppManagement;
import io.linnet.tenancy.database.TenantDatabase;
import io.linnet.tenancy.outbound.OutboundGuard;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Which Web Push endpoints a device may register: these tests' server allows private endpoints (its push service
 * fakes listen on 127.0.0.1), production's does not; both paths are shown, the second through the same devices
 * service with the production setting.
 */
class WebPushEndpointsIT extends ServerIT {

    private static final String P256DH = "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM";
    private static final String AUTH = "tBHItJI5svbpez7KI4CCXg";

    @Autowired
    TenantDatabase database;

    @Autowired
    AppManagement apps;

    @Autowired
    UserManagement users;

    @Autowired
    OutboundGuard endpoints;

    @Test
    void where_private_endpoints_are_allowed_a_push_service_on_this_machine_registers_but_credentials_in_the_url_do_not()
            throws Exception {
        assertThat(endpoints.allowsPrivate()).as("these tests' setting").isTrue();
        PushApp app = PushApp.withoutCredentials(api(), fixtures(), "Endpoints Local");
        app.users("ida");
        try (FakePushService local = new FakePushService(P256DH)) {
            Api.Response registered = app.register("ida", PushApp.webPush(local.subscribe()));
            assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        }

        Api.Response withPassword = app.register("ida", webPush("https://user:secret@push.example/1"));
        withPassword.assertProblem(400, "invalid_request");
        assertThat(withPassword.json().get("detail").asString())
                .isEqualTo("subscription.endpoint must not carry a user name or password");
        Api.Response plainHttp = app.register("ida", webPush("http://push.example/1"));
        plainHttp.assertProblem(400, "invalid_request");
        assertThat(plainHttp.json().get("detail").asString()).startsWith("subscription.endpoint must be an https URL");
        assertThat(app.devices("ida")).hasSize(1);
    }

    @Test
    void with_the_production_setting_endpoints_on_this_machine_or_a_private_network_are_refused_and_nothing_is_stored() {
        PushApp app = PushApp.withoutCredentials(api(), fixtures(), "Endpoints Production");
        app.users("jon");
        AppRef ref = new AppRef(new TenantId(UUID.fromString(app.app().owner().tenantId())),
                new AppId(UUID.fromString(app.appId())));
        Devices production = new Devices(database, apps, users, new OutboundGuard(false));
        record Refused(String endpoint, String detail) {
        }
        List<Refused> cases = List.of(
                new Refused("http://127.0.0.1:8080/push/1", "subscription.endpoint must be an https URL"),
                new Refused("https://127.0.0.1/push/1",
                        "subscription.endpoint is refused: its host 127.0.0.1 is not a public address (loopback)"),
                new Refused("https://localhost/push/1", "its host localhost does not resolve to public addresses only"),
                new Refused("https://169.254.169.254/latest/meta-data/", "(cloud metadata (169.254.169.254))"),
                new Refused("https://10.0.0.8/push/1", "(private (site-local))"),
                new Refused("https://[fd00:ec2::254]/push/1", "(unique-local (fc00::/7))"),
                new Refused("https://100.100.100.100/push/1", "(carrier-grade NAT (100.64.0.0/10))"));
        for (Refused refused : cases) {
            DeviceRegistration registration = DeviceRegistration.of("webpush", null, refused.endpoint(), P256DH, AUTH,
                    null, null, null);
            assertThatThrownBy(() -> production.register(ref, UserId.of("jon"), registration)).as(refused.endpoint())
                    .isInstanceOfSatisfying(DomainException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
                        assertThat(e.getMessage()).contains(refused.detail());
                    });
        }
        assertThat(app.devices("jon")).as("nothing was stored").isEmpty();
    }

    private static Map<String, Object> webPush(String endpoint) {
        return Map.of("provider", "webpush", "subscription", Map.of("endpoint", endpoint,
                "keys", Map.of("p256dh", P256DH, "auth", AUTH)));
    }
}
