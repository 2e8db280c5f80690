package io.linnet.tenancy.outbound;

import com.sun.net.httpserver.HttpServer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The guard's HTTP clients against a real local server, which counts what reaches it. */
class OutboundGuardConnectionTest {

    private HttpServer inside;
    private final AtomicInteger reached = new AtomicInteger();

    @BeforeEach
    void startServerInside() throws IOException {
        inside = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        inside.createContext("/", exchange -> {
            reached.incrementAndGet();
            exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().startsWith("/redirect") ? 302 : 200, -1);
            exchange.close();
        });
        inside.start();
    }

    @AfterEach
    void stopServer() {
        inside.stop(0);
    }

    private int port() {
        return inside.getAddress().getPort();
    }

    @Test
    void a_name_that_resolves_inward_when_connecting_is_refused_before_anything_is_sent() throws IOException {
        AtomicInteger lookups = new AtomicInteger();
        OutboundGuard guard = new OutboundGuard(false, host -> lookups.getAndIncrement() == 0
                ? new InetAddress[] {InetAddress.getByAddress(host, new byte[] {93, (byte) 184, (byte) 215, 14})}
                : new InetAddress[] {InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1})});
        assertThat(guard.addressesOf("rebind.example")).hasSize(1);
        OkHttpClient client = guard.httpClient().build();

        assertThatThrownBy(() -> client.newCall(new Request.Builder().url("http://rebind.example:" + port() + "/hook")
                .build()).execute().close())
                .satisfies(failure -> assertThat(OutboundRefused.in(failure)).hasValueSatisfying(
                        refused -> assertThat(refused.kind()).isEqualTo("loopback")));
        assertThat(reached).hasValue(0);
    }

    @Test
    void an_address_inside_is_refused_when_connecting_even_if_nobody_checked_the_url() {
        OkHttpClient client = new OutboundGuard(false).httpClient().build();

        assertThatThrownBy(() -> client.newCall(new Request.Builder().url("http://127.0.0.1:" + port() + "/hook")
                .build()).execute().close())
                .satisfies(failure -> assertThat(OutboundRefused.in(failure)).isPresent());
        assertThat(reached).hasValue(0);
    }

    @Test
    void a_redirect_is_answered_as_it_is_and_never_followed() throws IOException {
        OkHttpClient client = new OutboundGuard(true).httpClient().build();

        try (Response response = client.newCall(new Request.Builder().url("http://127.0.0.1:" + port() + "/redirect")
                .build()).execute()) {
            assertThat(response.code()).isEqualTo(302);
            assertThat(response.priorResponse()).isNull();
        }
        assertThat(reached).hasValue(1);
    }

    @Test
    void where_private_addresses_are_allowed_a_local_server_is_reached() throws IOException {
        OkHttpClient client = new OutboundGuard(true).httpClient().build();

        try (Response response = client.newCall(new Request.Builder().url("http://localhost:" + port() + "/hook")
                .build()).execute()) {
            assertThat(response.code()).isEqualTo(200);
        }
        assertThat(reached).hasValue(1);
    }
}
