package io.linnet.server.security;

import io.linnet.server.LinnetSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mock.web.MockServletContext;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SessionCookieSecurityTest {

    @Test
    void the_session_cookie_is_secure_when_the_public_url_is_https() {
        MockServletContext context = new MockServletContext();

        new SessionCookieSecurity(settings("https://chat.example.com")).onStartup(context);

        assertThat(context.getSessionCookieConfig().isSecure()).isTrue();
    }

    @Test
    void the_session_cookie_is_left_as_it_is_over_plain_http() {
        MockServletContext context = new MockServletContext();

        new SessionCookieSecurity(settings("")).onStartup(context);
        new SessionCookieSecurity(settings("http://localhost:8080")).onStartup(context);

        assertThat(context.getSessionCookieConfig().isSecure()).isFalse();
    }

    static LinnetSettings settings(String publicUrl) {
        return new Binder(new MapConfigurationPropertySource(Map.of("linnet.public-url", publicUrl)))
                .bindOrCreate("linnet", LinnetSettings.class);
    }
}
