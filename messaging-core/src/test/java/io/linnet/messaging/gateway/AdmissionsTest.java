package io.linnet.messaging.gateway;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AdmissionsTest {

    private static final InetAddress ONE = address(10, 0, 0, 1);
    private static final InetAddress OTHER = address(10, 0, 0, 2);

    @Test
    void one_address_holds_only_so_many_unauthenticated_sockets_and_others_still_get_in() {
        Admissions admissions = new Admissions(100, 3);
        for (int i = 0; i < 3; i++) {
            assertThat(admissions.admit(ONE)).isPresent();
        }

        assertThat(admissions.admit(ONE)).isEmpty();
        assertThat(admissions.admit(OTHER)).isPresent();
        assertThat(admissions.open()).isEqualTo(4);
    }

    @Test
    void an_authenticated_socket_no_longer_counts_against_its_address() {
        Admissions admissions = new Admissions(100, 2);
        Admissions.Ticket first = admissions.admit(ONE).orElseThrow();
        admissions.admit(ONE).orElseThrow();

        first.authenticated();
        first.authenticated();

        assertThat(admissions.unauthenticated(ONE)).isEqualTo(1);
        assertThat(admissions.admit(ONE)).isPresent();
        assertThat(admissions.admit(ONE)).isEmpty();
    }

    @Test
    void the_gateway_holds_at_most_its_number_of_sockets_and_a_closed_one_frees_its_place_once() {
        Admissions admissions = new Admissions(3, 100);
        List<Admissions.Ticket> tickets = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Admissions.Ticket ticket = admissions.admit(i % 2 == 0 ? ONE : OTHER).orElseThrow();
            ticket.authenticated();
            tickets.add(ticket);
        }
        assertThat(admissions.admit(OTHER)).isEmpty();

        tickets.getFirst().closed();
        tickets.getFirst().closed();

        assertThat(admissions.open()).isEqualTo(2);
        assertThat(admissions.admit(OTHER)).isPresent();
        assertThat(admissions.admit(OTHER)).isEmpty();
    }

    @Test
    void a_socket_that_closes_before_authenticating_gives_back_both_places() {
        Admissions admissions = new Admissions(10, 1);
        admissions.admit(ONE).orElseThrow().closed();

        assertThat(admissions.open()).isZero();
        assertThat(admissions.unauthenticated(ONE)).isZero();
        assertThat(admissions.admit(ONE)).isPresent();
    }

    @Test
    void ipv6_addresses_of_one_64_network_count_as_one() throws Exception {
        Admissions admissions = new Admissions(100, 2);
        admissions.admit(InetAddress.getByName("2001:db8:1:2::1")).orElseThrow();
        admissions.admit(InetAddress.getByName("2001:db8:1:2:ffff::7")).orElseThrow();

        assertThat(admissions.admit(InetAddress.getByName("2001:db8:1:2:abcd::9"))).isEmpty();
        assertThat(admissions.admit(InetAddress.getByName("2001:db8:1:3::1"))).isPresent();
    }

    private static InetAddress address(int... bytes) {
        try {
            return InetAddress.getByAddress(new byte[]{(byte) bytes[0], (byte) bytes[1], (byte) bytes[2], (byte) bytes[3]});
        } catch (java.net.UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
