package io.linnet.tenancy.outbound;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The guard's table of address forms, against a name service stub (this machine has no DNS to rely on). */
class OutboundGuardTest {

    /** A name service of a few names; everything else does not resolve, IP literals are parsed. */
    static final Map<String, String[]> NAMES = Map.of(
            "fcm.googleapis.com", new String[] {"142.250.74.106", "2a00:1450:4001:80b::200a"},
            "hooks.example.com", new String[] {"93.184.215.14"},
            "push.internal.example", new String[] {"10.20.30.40"},
            "half.example", new String[] {"34.117.237.239", "127.0.0.1"},
            "metadata.example", new String[] {"169.254.169.254"},
            "v6.internal.example", new String[] {"fd00:ec2::254"},
            "mapped.example", new String[] {"::ffff:192.168.0.1"},
            "localhost", new String[] {"127.0.0.1", "::1"});

    static InetAddress[] resolve(String host) throws UnknownHostException {
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

    private final OutboundGuard production = new OutboundGuard(false, OutboundGuardTest::resolve);
    private final OutboundGuard development = new OutboundGuard(true, OutboundGuardTest::resolve);

    @ParameterizedTest
    @ValueSource(strings = {"https://fcm.googleapis.com/fcm/send/abc:def", "https://hooks.example.com/linnet",
            "https://HOOKS.example.com:8443/linnet?x=1", "https://[2a00:1450:4001:80b::200a]/x",
            "https://142.250.74.106:8443/push/1"})
    void https_urls_of_public_hosts_are_allowed(String url) {
        assertThatCode(() -> production.check(URI.create(url))).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            http://hooks.example.com/linnet                  | not https            | must be an https URL
            ftp://hooks.example.com/linnet                   | not https            | must be an https URL
            file:///etc/passwd                               | not https            | must be an https URL
            //hooks.example.com/linnet                       | not https            | must be an https URL
            https://user:secret@hooks.example.com/linnet     | user info            | must not carry a user name or password
            https://user@hooks.example.com/linnet            | user info            | must not carry a user name or password
            https://127.0.0.1:80@hooks.example.com/linnet    | user info            | must not carry a user name or password
            http://127.0.0.1:8080/hook                       | not https            | must be an https URL
            https://127.0.0.1/hook                           | loopback             | 127.0.0.1 is not a public address (loopback)
            https://127.255.255.254/hook                     | loopback             | not a public address (loopback)
            https://[::1]/hook                               | loopback             | not a public address (loopback)
            https://[0:0:0:0:0:0:0:1]/hook                   | loopback             | not a public address (loopback)
            https://localhost/hook                           | loopback             | its host localhost does not resolve to public addresses only
            https://2130706433/hook                          | numeric host         | must write an IPv4 address as four decimal numbers
            https://0x7f000001/hook                          | numeric host         | not 0x7f000001
            https://0x7f.0.0.1/hook                          | no host              | must name its host as a plain DNS name
            https://017700000001/hook                        | numeric host         | must write an IPv4 address as four decimal numbers
            https://0177.0.0.1/hook                          | numeric host         | must write an IPv4 address as four decimal numbers
            https://127.000.000.001/hook                     | numeric host         | must write an IPv4 address as four decimal numbers
            https://127.1/hook                               | no host              | must name its host as a plain DNS name
            https://127.0.1/hook                             | no host              | must name its host as a plain DNS name
            https://%31%32%37.0.0.1/hook                     | no host              | must name its host as a plain DNS name
            https://[fe80::1%25eth0]/hook                    | no host              | must not name an IPv6 zone
            https://[::ffff:127.0.0.1]/hook                  | loopback             | not a public address (loopback)
            https://[::ffff:7f00:1]/hook                     | loopback             | not a public address (loopback)
            https://[::127.0.0.1]/hook                       | loopback, inside an IPv6 address | not a public address
            https://[64:ff9b::a9fe:a9fe]/latest/meta-data/   | cloud metadata (169.254.169.254), inside an IPv6 address | not a public address
            https://[2002:a9fe:a9fe::1]/latest/meta-data/    | cloud metadata (169.254.169.254), inside an IPv6 address | not a public address
            https://[::ffff:10.1.2.3]/hook                   | private (site-local) | not a public address (private
            https://0.0.0.0/hook                             | any-local            | not a public address (any-local)
            https://[::]/hook                                | any-local            | not a public address (any-local)
            https://10.1.2.3/hook                            | private (site-local) | not a public address (private (site-local))
            https://172.16.0.1/hook                          | private (site-local) | not a public address
            https://192.168.1.1/hook                         | private (site-local) | not a public address
            https://100.64.0.9/hook                          | carrier-grade NAT (100.64.0.0/10) | not a public address
            https://169.254.169.254/latest/meta-data/        | cloud metadata (169.254.169.254) | not a public address (cloud metadata
            https://169.254.10.10/hook                       | link-local           | not a public address (link-local)
            https://[fe80::1]/hook                           | link-local           | not a public address (link-local)
            https://[fd12:3456::1]/hook                      | unique-local (fc00::/7) | not a public address (unique-local
            https://[fc00::1]/hook                           | unique-local (fc00::/7) | not a public address (unique-local
            https://224.0.0.251/hook                         | multicast            | not a public address (multicast)
            https://255.255.255.255/hook                     | reserved (240.0.0.0/4, broadcast) | not a public address
            https://push.internal.example/hook               | private (site-local) | its host push.internal.example does not resolve to public addresses only
            https://half.example/hook                        | loopback             | its host half.example does not resolve to public addresses only
            https://metadata.example/latest/meta-data/       | cloud metadata (169.254.169.254) | does not resolve to public addresses only
            https://v6.internal.example/hook                 | unique-local (fc00::/7) | does not resolve to public addresses only
            https://mapped.example/hook                      | private (site-local) | does not resolve to public addresses only
            https://nowhere.example/hook                     | unresolvable         | its host nowhere.example does not resolve to public addresses only
            """)
    void urls_the_server_must_not_send_to_are_refused_with_what_is_wrong(String url, String kind, String message) {
        assertThatThrownBy(() -> production.check(URI.create(url)))
                .isInstanceOfSatisfying(OutboundRefused.class, refused -> {
                    assertThat(refused.kind()).isEqualTo(kind);
                    assertThat(refused.getMessage()).contains(message);
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://push.internal.example/hook", "https://metadata.example/latest/meta-data/",
            "https://nowhere.example/hook", "https://localhost/hook"})
    void what_a_name_resolves_to_is_never_told(String url) {
        assertThatThrownBy(() -> production.check(URI.create(url)))
                .isInstanceOfSatisfying(OutboundRefused.class, refused -> assertThat(refused.getMessage())
                        .doesNotContain("10.20.30.40", "169.254", "127.0.0.1", "::1")
                        .endsWith("does not resolve to public addresses only"));
    }

    @Test
    void a_name_that_later_resolves_inward_is_refused_when_connecting() throws Exception {
        InetAddress[][] answers = {resolve("93.184.215.14"), resolve("10.0.0.7")};
        int[] lookups = {0};
        OutboundGuard rebinding = new OutboundGuard(false, host -> answers[Math.min(lookups[0]++, 1)]);
        rebinding.check(URI.create("https://rebind.example/hook"));

        assertThatThrownBy(() -> rebinding.addressesOf("rebind.example"))
                .isInstanceOfSatisfying(OutboundRefused.class, refused -> {
                    assertThat(refused.kind()).isEqualTo("private (site-local)");
                    assertThat(refused.getMessage()).doesNotContain("10.0.0.7");
                });
    }

    @Test
    void this_machine_s_own_public_address_is_refused_like_loopback() throws Exception {
        InetAddress own = InetAddress.ofLiteral("93.184.215.14");
        OutboundGuard onThatMachine = new OutboundGuard(false, OutboundGuardTest::resolve, () -> Set.of(own));

        assertThatThrownBy(() -> onThatMachine.check(URI.create("https://93.184.215.14:8080/admin")))
                .isInstanceOfSatisfying(OutboundRefused.class, refused -> assertThat(refused.kind()).isEqualTo("this machine"));
        assertThatThrownBy(() -> onThatMachine.check(URI.create("https://hooks.example.com/linnet")))
                .isInstanceOfSatisfying(OutboundRefused.class, refused -> assertThat(refused.getMessage())
                        .endsWith("does not resolve to public addresses only"));
        assertThatCode(() -> onThatMachine.check(URI.create("https://fcm.googleapis.com/fcm/send/1")))
                .doesNotThrowAnyException();
    }

    @Test
    void the_form_alone_is_checked_without_a_look_up() {
        OutboundGuard noDns = new OutboundGuard(false, host -> {
            throw new AssertionError("looked up " + host);
        });
        assertThatCode(() -> noDns.checkForm(URI.create("https://hooks.example.com/linnet"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> noDns.checkForm(URI.create("https://[::ffff:169.254.169.254]/")))
                .isInstanceOf(OutboundRefused.class);
        assertThatThrownBy(() -> noDns.checkForm(URI.create("https://0x7f000001/"))).isInstanceOf(OutboundRefused.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/hook", "http://localhost:8080/hook", "http://[::1]:8080/hook",
            "http://10.1.2.3/hook", "https://127.0.0.1/hook", "https://push.internal.example/hook",
            "https://nowhere.example/hook"})
    void where_private_addresses_are_allowed_local_fakes_are_too_and_names_are_not_resolved(String url) {
        assertThatCode(() -> development.check(URI.create(url))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://hooks.example.com/hook", "http://142.250.74.106/hook", "https://user@127.0.0.1/hook",
            "http://2130706433/hook", "http://0x7f000001/hook"})
    void where_private_addresses_are_allowed_plain_http_still_goes_only_to_this_machine_or_a_private_network(String url) {
        assertThatThrownBy(() -> development.check(URI.create(url))).isInstanceOf(OutboundRefused.class);
    }
}
