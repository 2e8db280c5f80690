package io.linnet.push.webpush;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EndpointGuardTest {

    /** A name service of a few names; everything else does not resolve, IP literals are parsed. */
    private static final Map<String, String[]> NAMES = Map.of(
            "fcm.googleapis.com", new String[] {"142.250.74.106", "2a00:1450:4001:80b::200a"},
            "updates.push.services.mozilla.com", new String[] {"34.117.237.239"},
            "push.internal.example", new String[] {"10.20.30.40"},
            "half.example", new String[] {"34.117.237.239", "127.0.0.1"},
            "metadata.example", new String[] {"169.254.169.254"},
            "localhost", new String[] {"127.0.0.1", "::1"});

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        try {
            return new InetAddress[] {InetAddress.ofLiteral(host)};
        } catch (IllegalArgumentException notLiteral) {
            String[] addresses = NAMES.get(host);
            if (addresses == null) {
                throw new UnknownHostException(host);
            }
            InetAddress[] resolved = new InetAddress[addresses.length];
            for (int i = 0; i < addresses.length; i++) {
                resolved[i] = InetAddress.getByAddress(host, InetAddress.ofLiteral(addresses[i]).getAddress());
            }
            return resolved;
        }
    }

    private final EndpointGuard production = new EndpointGuard(false, EndpointGuardTest::resolve);
    private final EndpointGuard development = new EndpointGuard(true, EndpointGuardTest::resolve);

    @ParameterizedTest
    @ValueSource(strings = {"https://fcm.googleapis.com/fcm/send/abc:def",
            "https://updates.push.services.mozilla.com/wpush/v2/gAAAA", "https://[2a00:1450:4001:80b::200a]/x",
            "https://142.250.74.106:8443/push/1"})
    void https_endpoints_of_public_push_services_are_allowed(String endpoint) {
        assertThatCode(() -> production.check(URI.create(endpoint))).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            http://updates.push.services.mozilla.com/wpush/1 | not https          | must be an https URL
            ftp://updates.push.services.mozilla.com/wpush/1  | not https          | must be an https URL
            https://user:secret@fcm.googleapis.com/fcm/send/1 | user info         | must not carry a user name or password
            http://127.0.0.1:8080/push/1                     | not https          | must be an https URL
            https://127.0.0.1/push/1                         | loopback           | its host 127.0.0.1 is not a public address (loopback)
            https://localhost/push/1                         | loopback           | its host localhost resolves to 127.0.0.1
            https://[::1]/push/1                             | loopback           | not a public address (loopback)
            https://2130706433/push/1                        | loopback           | 127.0.0.1 is not a public address
            https://[::ffff:127.0.0.1]/push/1                | loopback           | not a public address (loopback)
            https://0.0.0.0/push/1                           | any-local          | not a public address (any-local)
            https://10.1.2.3/push/1                          | private (site-local) | not a public address (private (site-local))
            https://push.internal.example/push/1             | private (site-local) | push.internal.example resolves to 10.20.30.40
            https://half.example/push/1                      | loopback           | half.example resolves to 127.0.0.1
            https://169.254.169.254/latest/meta-data/        | cloud metadata (169.254.169.254) | cloud metadata
            https://metadata.example/latest/meta-data/       | cloud metadata (169.254.169.254) | metadata.example resolves to 169.254.169.254
            https://169.254.10.10/push/1                     | link-local         | (link-local)
            https://[fe80::1]/push/1                         | link-local         | (link-local)
            https://100.64.0.9/push/1                        | carrier-grade NAT (100.64.0.0/10) | carrier-grade NAT
            https://[fd12:3456::1]/push/1                    | unique-local (fc00::/7) | unique-local
            https://224.0.0.251/push/1                       | multicast          | (multicast)
            """)
    void endpoints_the_server_must_not_post_to_are_refused_with_what_is_wrong(String endpoint, String kind, String message) {
        assertThatThrownBy(() -> production.check(URI.create(endpoint)))
                .isInstanceOfSatisfying(EndpointGuard.Refused.class, refused -> {
                    assertThat(refused.kind()).isEqualTo(kind);
                    assertThat(refused.getMessage()).contains(message);
                });
    }

    @Test
    void a_host_that_does_not_resolve_is_reported_as_such() {
        assertThatThrownBy(() -> production.check(URI.create("https://push.nowhere.example/1")))
                .isInstanceOf(UnknownHostException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/push/1", "http://localhost:8080/push/1", "http://[::1]:8080/push/1",
            "http://10.1.2.3/push/1", "https://127.0.0.1/push/1", "https://push.internal.example/push/1",
            "https://push.nowhere.example/1"})
    void where_private_endpoints_are_allowed_local_push_services_are_too_and_names_are_not_resolved(String endpoint) {
        assertThatCode(() -> development.check(URI.create(endpoint))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://updates.push.services.mozilla.com/wpush/1", "http://142.250.74.106/push/1",
            "https://user@127.0.0.1/push/1"})
    void where_private_endpoints_are_allowed_plain_http_still_goes_only_to_this_machine_or_a_private_network(String endpoint) {
        assertThatThrownBy(() -> development.check(URI.create(endpoint))).isInstanceOf(EndpointGuard.Refused.class);
    }
}
