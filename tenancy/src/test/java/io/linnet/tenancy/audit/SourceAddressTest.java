package io.linnet.tenancy.audit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SourceAddressTest {

    @Test
    void the_ipv6_loopback_reads_as_people_write_it() {
        assertThat(SourceAddress.readable("0:0:0:0:0:0:0:1")).isEqualTo("::1");
    }

    @Test
    void an_ipv6_address_has_its_longest_run_of_zeros_compressed_and_no_leading_zeros() {
        assertThat(SourceAddress.readable("2001:0db8:0:0:1:0:0:0")).isEqualTo("2001:db8:0:0:1::");
        assertThat(SourceAddress.readable("2001:db8:0:1:1:1:1:1")).as("a single zero group stays").isEqualTo("2001:db8:0:1:1:1:1:1");
        assertThat(SourceAddress.readable("0:0:0:0:0:0:0:0")).isEqualTo("::");
        assertThat(SourceAddress.readable("fe80:0:0:0:0:0:0:abcd")).isEqualTo("fe80::abcd");
    }

    @Test
    void an_ipv4_mapped_address_reads_as_ipv4() {
        assertThat(SourceAddress.readable("0:0:0:0:0:ffff:c000:207")).isEqualTo("192.0.2.7");
        assertThat(SourceAddress.readable("::ffff:192.0.2.7")).isEqualTo("192.0.2.7");
        assertThat(SourceAddress.readable("192.0.2.7")).isEqualTo("192.0.2.7");
    }

    @Test
    void what_is_no_address_literal_stays_as_recorded_and_is_never_looked_up() {
        assertThat(SourceAddress.readable("gateway.example.com")).isEqualTo("gateway.example.com");
        assertThat(SourceAddress.readable("unknown")).isEqualTo("unknown");
        assertThat(SourceAddress.readable(null)).isNull();
    }
}
