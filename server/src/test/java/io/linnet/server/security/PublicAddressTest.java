package io.linnet.server.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import jakarta.servlet.http.HttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class PublicAddressTest {

    @Test
    void without_a_public_url_a_request_is_seen_at_localhost_on_the_servers_port_whatever_its_host_header() throws Exception {
        PublicAddress address = new PublicAddress(SessionCookieSecurityTest.settings(""),
                new MockEnvironment().withProperty("local.server.port", "18080"));

        HttpServletRequest seen = seenBehind(address, forged());

        assertThat(seen.getScheme()).isEqualTo("http");
        assertThat(seen.getServerName()).isEqualTo("localhost");
        assertThat(seen.getServerPort()).isEqualTo(18080);
        assertThat(seen.getHeader("Host")).isEqualTo("localhost:18080");
        assertThat(seen.getRequestURL().toString()).isEqualTo("http://localhost:18080/oauth2/token");
        assertThat(address.configured()).isEmpty();
    }

    @Test
    void with_a_public_url_a_request_is_seen_at_that_address() throws Exception {
        PublicAddress address = new PublicAddress(SessionCookieSecurityTest.settings("https://chat.example.com/"),
                new MockEnvironment().withProperty("local.server.port", "18080"));

        HttpServletRequest seen = seenBehind(address, forged());

        assertThat(seen.getScheme()).isEqualTo("https");
        assertThat(seen.isSecure()).isTrue();
        assertThat(seen.getServerName()).isEqualTo("chat.example.com");
        assertThat(seen.getServerPort()).isEqualTo(443);
        assertThat(address.configured()).hasValue("https://chat.example.com");
    }

    private static MockHttpServletRequest forged() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/oauth2/token");
        request.setServerName("evil.example");
        request.setServerPort(666);
        request.addHeader("Host", "evil.example:666");
        return request;
    }

    private static HttpServletRequest seenBehind(PublicAddress address, MockHttpServletRequest request) throws Exception {
        MockFilterChain chain = new MockFilterChain();
        address.asPublicAddress().doFilter(request, new MockHttpServletResponse(), chain);
        return (HttpServletRequest) chain.getRequest();
    }
}
