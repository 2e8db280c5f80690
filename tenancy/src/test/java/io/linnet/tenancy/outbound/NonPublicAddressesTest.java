package io.linnet.tenancy.outbound;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;

import static org.assertj.core.api.Assertions.assertThat;

class NonPublicAddressesTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            127.0.0.1                | loopback
            127.255.255.254          | loopback
            ::1                      | loopback
            0.0.0.0                  | any-local
            ::                       | any-local
            0.1.2.3                  | this-network
            10.0.0.1                 | private (site-local)
            172.16.0.1               | private (site-local)
            172.31.255.255           | private (site-local)
            192.168.1.1              | private (site-local)
            fec0::1                  | private (site-local)
            100.64.0.1               | carrier-grade NAT
            100.127.255.255          | carrier-grade NAT
            169.254.1.1              | link-local
            fe80::1                  | link-local
            169.254.169.254          | cloud metadata
            fc00::1                  | unique-local
            fd00:ec2::254            | unique-local
            224.0.0.1                | multicast
            239.255.255.250          | multicast
            ff02::1                  | multicast
            240.0.0.1                | reserved
            255.255.255.255          | reserved
            192.0.2.1                | reserved
            198.18.0.1               | benchmarking
            2001:db8::1              | reserved
            ::ffff:10.1.2.3          | private (site-local)
            ::127.0.0.1              | loopback
            64:ff9b::a9fe:a9fe       | cloud metadata
            2002:7f00:1::1           | loopback
            ::ffff:0:a9fe:a9fe       | cloud metadata
            64:ff9b:1::a00:1         | reserved (local-use NAT64)
            2001:0:4136:e378::1      | reserved (Teredo)
            """)
    void addresses_no_public_service_has_are_named_by_their_range(String address, String range) {
        assertThat(NonPublicAddresses.range(InetAddress.ofLiteral(address))).hasValueSatisfying(
                name -> assertThat(name).startsWith(range));
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "142.250.74.106", "172.32.0.1", "172.15.255.255", "100.63.255.255",
            "100.128.0.1", "169.253.1.1", "192.169.0.1", "11.0.0.1", "223.255.255.255", "2a00:1450:4001:80b::200a",
            "2606:4700::1111", "64:ff9b::808:808", "2002:808:808::1"})
    void public_addresses_are_in_no_range(String address) {
        assertThat(NonPublicAddresses.range(InetAddress.ofLiteral(address))).isEmpty();
    }
}
