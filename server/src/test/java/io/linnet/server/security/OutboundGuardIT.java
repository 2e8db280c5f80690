package io.linnet.server.security;

import io.linnet.moderation.PreSendHookConfig;
import io.linnet.push.Devices;
import io.linnet.server.moderation.Moderation;
import io.linnet.push.credential.GeneratedCredentials;
import io.linnet.server.push.CredentialRequests;
import io.linnet.server.push.PushApp;
import io.linnet.server.support.Api;
import io.linnet.server.support.Fixtures;
import io.linnet.server.support.ServerIT;
import io.linnet.tenancy.outbound.OutboundGuard;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.util.ReflectionTestUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint that takes a URL the server will later send to, walked with one table of address forms that lead
 * inside (loopback, private, link-local and metadata, unique-local, IPv4 inside IPv6, decimal, hex and octal forms,
 * credentials in the URL, a name resolving to this machine): each is refused with a 400 and nothing is stored.
 *
 * <p>The shared test server lets Web Push endpoints and hooks reach its local fakes. So that this test sees the
 * guards as production has them without a second server, the Web Push devices and the hook settings get a
 * production guard for its duration ({@link #productionGuards()}), swapped back afterwards; the requests still go
 * through the real HTTP API. The FCM token endpoint has no such setting: a file must name Google's (or the one the
 * server is configured with), whatever the address.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboundGuardIT extends ServerIT {

    /** URLs that lead into the server's own networks, each in one of the forms a guard must see through. */
    static final List<String> INSIDE = List.of(
            "https://127.0.0.1/x",
            "https://127.0.0.1:8443/x",
            "https://[::1]/x",
            "https://0.0.0.0/x",
            "https://[::]/x",
            "https://10.0.0.8/x",
            "https://172.16.5.4/x",
            "https://192.168.1.1/x",
            "https://100.64.0.1/x",
            "https://169.254.169.254/latest/meta-data/",
            "https://169.254.10.10/x",
            "https://[fe80::1]/x",
            "https://[fe80::1%25eth0]/x",
            "https://[fd00:ec2::254]/latest/meta-data/",
            "https://[fc00::1]/x",
            "https://[::ffff:127.0.0.1]/x",
            "https://[::ffff:a9fe:a9fe]/latest/meta-data/",
            "https://[::127.0.0.1]/x",
            "https://[64:ff9b::a00:8]/x",
            "https://[2002:a9fe:a9fe::1]/x",
            "https://2130706433/x",
            "https://0x7f000001/x",
            "https://0x7f.0.0.1/x",
            "https://0177.0.0.1/x",
            "https://017700000001/x",
            "https://127.1/x",
            "https://%31%32%37.0.0.1/x",
            "https://localhost/x",
            "https://LOCALHOST:443/x",
            "https://user:pw@push.example.com/x",
            "https://127.0.0.1:443@push.example.com/x",
            "http://push.example.com/x",
            "http://127.0.0.1/x",
            "ftp://push.example.com/x",
            "file:///etc/passwd");

    private static final String P256DH = "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM";
    private static final String AUTH = "tBHItJI5svbpez7KI4CCXg";

    @Autowired
    Devices devices;

    @Autowired
    PreSendHookConfig hooks;

    private Object testDevicesGuard;
    private Object testHooksGuard;
    private PushApp app;

    @BeforeAll
    void productionGuards() {
        testDevicesGuard = ReflectionTestUtils.getField(devices, "endpoints");
        testHooksGuard = ReflectionTestUtils.getField(hooks, "urls");
        ReflectionTestUtils.setField(devices, "endpoints", new OutboundGuard(false));
        ReflectionTestUtils.setField(hooks, "urls", new OutboundGuard(false));
        app = PushApp.withoutCredentials(api(), fixtures(), "Outbound Guard");
        app.users("ida");
    }

    @AfterAll
    void testGuardsBack() {
        ReflectionTestUtils.setField(devices, "endpoints", testDevicesGuard);
        ReflectionTestUtils.setField(hooks, "urls", testHooksGuard);
    }

    @Test
    void a_web_push_endpoint_inside_is_refused_and_no_device_is_stored() {
        List<String> accepted = new ArrayList<>();
        for (String url : INSIDE) {
            Api.Response registered = app.register("ida", Map.of("provider", "webpush", "subscription",
                    Map.of("endpoint", url, "keys", Map.of("p256dh", P256DH, "auth", AUTH))));
            if (registered.status() != 400 || !"invalid_request".equals(registered.code())) {
                accepted.add(url + " -> " + registered);
            } else {
                assertThat(registered.json().get("detail").asString()).as(url).startsWith("subscription.endpoint");
            }
        }
        assertThat(accepted).as("endpoints not refused with 400 invalid_request").isEmpty();
        assertThat(app.devices("ida")).as("nothing was stored").isEmpty();
    }

    @Test
    void a_pre_send_hook_inside_is_refused_and_no_hook_is_stored() {
        Moderation moderation = new Moderation(app.app().owner().client(), app.appId());
        List<String> accepted = new ArrayList<>();
        for (String url : INSIDE) {
            Api.Response saved = moderation.member().put(moderation.path("/hook"), Map.of("url", url));
            if (saved.status() != 400 || !"invalid_request".equals(saved.code())) {
                accepted.add(url + " -> " + saved);
            } else {
                assertThat(saved.json().get("detail").asString()).as(url).startsWith("url ")
                        .doesNotContain("resolves to 127", "resolves to ::1");
            }
        }
        assertThat(accepted).as("hook URLs not refused with 400 invalid_request").isEmpty();
        assertThat(moderation.member().get(moderation.path("/hook")).status()).as("nothing was stored").isEqualTo(404);
    }

    @Test
    void an_fcm_service_account_whose_token_uri_is_not_google_s_is_refused_and_not_stored() {
        String path = "/manage/v1/apps/" + app.appId() + "/push-credentials";
        List<String> accepted = new ArrayList<>();
        List<String> tokenUris = new ArrayList<>(INSIDE);
        tokenUris.add("https://oauth2.googleapis.com.evil.example/token");
        tokenUris.add("https://evil.example/token");
        for (String tokenUri : tokenUris) {
            Api.Response uploaded = app.app().owner().client().post(path,
                    CredentialRequests.fcm(GeneratedCredentials.serviceAccount(Map.of("token_uri", tokenUri))));
            if (uploaded.status() != 400 || !"invalid_request".equals(uploaded.code())) {
                accepted.add(tokenUri + " -> " + uploaded);
            } else {
                assertThat(uploaded.json().get("detail").asString()).as(tokenUri)
                        .startsWith("token_uri must be https://oauth2.googleapis.com/token");
            }
        }
        assertThat(accepted).as("token_uri values not refused with 400 invalid_request").isEmpty();
        assertThat(Fixtures.ids(app.app().owner().client().get(path))).as("nothing was stored").isEmpty();
    }
}
